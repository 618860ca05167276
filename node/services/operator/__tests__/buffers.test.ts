import { deleteBuffer, saveBuffer } from '../buffers'
import { evaluationsIdle } from '../../evaluation/engine'
import { evaluateSku } from '../../evaluation/evaluate'
import { updateSettings } from '../actions'
import { catalogWorld, stock, writesOf } from '../../reconcile/__tests__/world'
import { fakeDeps, FakeDocs } from '../../shared/__tests__/fakes'

// Products 100 (SKUs 1, 2) and 101 (3, 4); SKU 1 has 2 units, SKU 3 has 5, the others none.
async function enforcingWorld() {
  const world = catalogWorld(4)

  world.inventory['1'] = stock(2)
  world.inventory['3'] = stock(5)
  const made = fakeDeps(world, new FakeDocs(), {
    modes: { MKB: 'ENFORCE', GGL: 'OBSERVE' },
  })

  for (const id of ['1', '2', '3', '4'])
    await evaluateSku(made.deps, id, { cause: 'EVENT' })
  await evaluationsIdle(made.deps)
  made.calls.catalog.length = 0
  made.calls.logistics.length = 0
  made.auditWrites.length = 0

  return { world, ...made }
}

const productBuffer = {
  scope: 'PRODUCT',
  targetId: '100',
  channel: 'MKB',
  exposeAt: 3,
  withdrawBelow: 3,
  note: 'MKB oversells',
}

describe('given MKB in ENFORCE with product 100 on it for SKU 1 (2 units)', () => {
  describe('when a buffer of 3 is saved for product 100 on MKB', () => {
    it('should decide SKU 1 again, withhold it and take product 100 off MKB, reading nothing else', async () => {
      const w = await enforcingWorld()

      expect(w.world.associations['100']).toEqual(['1', '2'])
      const buffers = await saveBuffer(w.deps, productBuffer, 'admin@x')

      expect(buffers).toEqual([
        expect.objectContaining({ targetId: '100', by: 'admin@x' }),
      ])
      expect(w.exposures.get('1-MKB')?.status).toBe('WITHHELD')
      expect(writesOf(w.calls)).toEqual(['dissociate 100 2'])
      // SKU 2 (withheld either way) and product 101 are not read again.
      expect(w.calls.catalog.filter((c) => c.startsWith('skuContext'))).toEqual(
        ['skuContext 1']
      )
      expect(
        w.calls.logistics.filter((c) => c.startsWith('inventory'))
      ).toEqual(['inventory 1'])
      expect(w.auditWrites.filter((id) => id.startsWith('buffer-'))).toEqual([
        expect.stringMatching(/^buffer-PRODUCT-100-MKB-\d+$/),
      ])
      expect(
        [...w.audit.values()].find((a) => a.kind === 'BUFFER_CREATED')
      ).toMatchObject({
        productId: '100',
        channel: 'MKB',
        actor: 'admin@x',
      })
    })
  })

  describe('when the buffer is changed, then deleted', () => {
    it('should audit the change with before and after, and put product 100 back on MKB on delete', async () => {
      const w = await enforcingWorld()

      await saveBuffer(w.deps, productBuffer, 'admin@x')
      await saveBuffer(
        w.deps,
        { ...productBuffer, exposeAt: 4, withdrawBelow: 4 },
        'b@x'
      )
      const changed = [...w.audit.values()].find(
        (a) => a.kind === 'BUFFER_CHANGED'
      )

      expect(JSON.parse(changed?.details ?? '{}')).toMatchObject({
        before: { exposeAt: 3, by: 'admin@x' },
        after: { exposeAt: 4, by: 'b@x' },
      })
      w.calls.catalog.length = 0

      expect(await deleteBuffer(w.deps, 'PRODUCT-100-MKB', 'admin@x')).toEqual(
        []
      )
      expect(w.exposures.get('1-MKB')?.status).toBe('EXPOSED')
      expect(writesOf(w.calls)).toEqual(['associate 100 2'])
    })
  })

  describe('when a buffer is refused', () => {
    it('should write nothing and audit nothing', async () => {
      const w = await enforcingWorld()

      await expect(
        saveBuffer(
          w.deps,
          { ...productBuffer, channel: 'ZZZ', note: '' },
          'admin@x'
        )
      ).rejects.toThrow('UNKNOWN_CHANNEL,NOTE_REQUIRED')
      await expect(
        deleteBuffer(w.deps, 'PRODUCT-100-MKB', 'admin@x')
      ).rejects.toThrow('BUFFER_NOT_FOUND')
      expect(w.auditWrites).toEqual([])
      expect(writesOf(w.calls)).toEqual([])
    })
  })
})

describe('given product 100 with a buffer of 1 on MKB, SKU 1 exposed at 2 units', () => {
  describe("when a settings save raises MKB's own thresholds to 3", () => {
    it('should not decide SKU 1 again nor take product 100 off: its buffer keeps it', async () => {
      const w = await enforcingWorld()
      const logged: string[] = []

      w.deps.log = {
        info: (entry) => logged.push(String(entry.message)),
        warn: (entry) => logged.push(String(entry.message)),
        error: (entry) => logged.push(String(entry.message)),
      }

      await saveBuffer(
        w.deps,
        { ...productBuffer, exposeAt: 1, withdrawBelow: 1 },
        'admin@x'
      )
      w.calls.catalog.length = 0
      await updateSettings(
        w.deps,
        { channels: [{ channel: 'MKB', exposeAt: 3, withdrawBelow: 3 }] },
        'admin@x'
      )
      for (let i = 0; i < 500 && !logged.includes('settings-applied'); i++)
        await new Promise((resolve) => setTimeout(resolve, 2))
      await evaluationsIdle(w.deps)

      expect(logged).toContain('settings-applied')
      expect(w.exposures.get('1-MKB')?.status).toBe('EXPOSED')
      expect(w.calls.catalog).toEqual([])
    })
  })
})
