import { evaluateSku } from '../evaluate'
import { demoWorld, fakeDeps, FakeDocs } from '../../shared/__tests__/fakes'

describe('given a duplicate of an event whose change was already evaluated', () => {
  it('should cost no upstream read, in this worker or in another one', async () => {
    const world = demoWorld()
    const docs = new FakeDocs()
    const a = fakeDeps(world, docs, { workerId: 'a' })
    const b = fakeDeps(world, docs, { workerId: 'b' })
    const event = {
      cause: 'EVENT' as const,
      changedAt: '2026-11-26T11:59:59.000Z',
    }

    expect((await evaluateSku(a.deps, '2', event)).outcome).toBe('EVALUATED')
    expect((await evaluateSku(a.deps, '2', event)).outcome).toBe('ALREADY_SEEN')
    expect((await evaluateSku(b.deps, '2', event)).outcome).toBe('ALREADY_SEEN')
    expect(a.calls.catalog).toEqual(['skuContext 2'])
    expect(b.calls.catalog).toEqual([])
  })

  it('should evaluate again when the change is newer than the last read', async () => {
    const world = demoWorld()
    const { deps, calls } = fakeDeps(world, new FakeDocs())

    await evaluateSku(deps, '2', {
      cause: 'EVENT',
      changedAt: '2026-11-26T11:59:59.000Z',
    })
    const later = await evaluateSku(deps, '2', {
      cause: 'EVENT',
      changedAt: '2026-11-26T12:00:01.000Z',
    })

    expect(later.outcome).toBe('EVALUATED')
    expect(calls.catalog.filter((c) => c.startsWith('skuContext'))).toEqual([
      'skuContext 2',
      'skuContext 2',
    ])
  })
})

describe('given an event for a change VTEX stamped just before this worker read the SKU', () => {
  // The fakes' clock reads 12:00:00.000; the change is 200 ms older, within SEEN_MARGIN_MS: a
  // worker clock 200 ms ahead of VTEX's would have read before the change.
  const event = {
    cause: 'EVENT' as const,
    changedAt: '2026-11-26T11:59:59.800Z',
  }

  it('should evaluate it again rather than take it as a duplicate, in this worker or in another one', async () => {
    const world = demoWorld()
    const docs = new FakeDocs()
    const a = fakeDeps(world, docs, { workerId: 'a' })
    const b = fakeDeps(world, docs, { workerId: 'b' })

    await evaluateSku(a.deps, '2', event)

    expect((await evaluateSku(a.deps, '2', event)).outcome).toBe('EVALUATED')
    expect((await evaluateSku(b.deps, '2', event)).outcome).toBe('EVALUATED')
    expect(
      [...a.calls.logistics, ...b.calls.logistics].filter(
        (c) => c === 'inventory 2'
      )
    ).toHaveLength(3)
  })

  it('should not count the holder of the lease as having seen it', async () => {
    const world = demoWorld()
    const docs = new FakeDocs()
    const a = fakeDeps(world, docs, { workerId: 'a' })
    const b = fakeDeps(world, docs, { workerId: 'b' })

    const results = await Promise.all([
      evaluateSku(a.deps, '2', event),
      evaluateSku(b.deps, '2', event),
    ])

    // The second worker leaves the SKU dirty for the holder instead of dropping the event.
    expect(
      results.map((r) => r.outcome).sort((x, y) => x.localeCompare(y))
    ).toEqual(['DEFERRED', 'EVALUATED'])
  })
})
