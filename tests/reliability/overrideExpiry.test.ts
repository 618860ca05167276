/**
 * An override ends when it says, with no event and no sweep: within a minute of its expiry the
 * SKU's decision and projection row are what the rules give, in ENFORCE its product's
 * association with MKB's trade policy (2) follows, and the audit says the override expired.
 * Also after a restart of the worker between the override and its expiry.
 */
import type { Emulator } from '../support/emulator'
import { control } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import type { Worker } from '../support/worker'
import { graphql, startWorker, waitFor } from '../support/worker'
import { policies, setModes } from '../integration/reconcileSupport'
import { auditOf, row, setStock, stored } from './support'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const system = await startSystem()

  emulator = system.emulator
  worker = system.worker
})

afterAll(() => stopSystem({ emulator, worker }))

const OVERRIDE = `mutation ($i: OverrideInput!) { setOverride(input: $i) { status reasons } }`
const MINUTE = 60_000
const flush = () => control(emulator, 'POST', '/events/flush')

async function override(skuId: string, action: string, inMs: number) {
  const expiresAt = new Date(Date.now() + inMs).toISOString()
  const res = await graphql<{ setOverride: { status: string } }>(
    worker,
    OVERRIDE,
    { i: { skuId, channel: 'MKB', action, note: 'until the promo', expiresAt } }
  )

  if (res.errors) throw new Error(JSON.stringify(res.errors))

  return {
    expiresAt: Date.parse(expiresAt),
    status: res.data?.setOverride.status,
  }
}

/** Waits for the SKU's decision, row and (in ENFORCE) association; returns when they were. */
async function settles(
  skuId: string,
  productId: string,
  status: string,
  enforce: boolean
) {
  await waitFor(
    `SKU ${skuId} ${status}`,
    async () =>
      (await stored(worker, skuId))?.status === status &&
      (await row(worker, skuId))?.status === status &&
      (!enforce ||
        (await policies(emulator, productId)).includes('2') ===
          (status === 'EXPOSED')),
    2 * MINUTE
  )

  return Date.now()
}

async function expiredInAudit(skuId: string) {
  return (await auditOf(worker, skuId)).filter(
    (e) =>
      e.kind === 'OVERRIDE_EXPIRED' &&
      e.channel === 'MKB' &&
      e.cause === 'SYSTEM'
  )
}

// Products 2, 4, 7 and 8 of the demo have one SKU each (2, 5, 11, 12), sold by a third party.
describe.each([
  ['ENFORCE', ['2', '2'], ['5', '4']],
  ['OBSERVE', ['11', '7'], ['12', '8']],
] as const)(
  'given channels in %s',
  (mode, [blocked, blockedProduct], [allowed, allowedProduct]) => {
    const enforce = mode === 'ENFORCE'

    beforeAll(async () => {
      await setModes(worker, mode)
      await setStock(emulator, blocked, 10)
      await setStock(emulator, allowed, 0)
      await setStock(emulator, allowed, 0, 'wh-b')
      await flush()
      await settles(blocked, blockedProduct, 'EXPOSED', enforce)
      await settles(allowed, allowedProduct, 'WITHHELD', enforce)
    })

    it.each([
      ['BLOCK', blocked, blockedProduct, 'WITHHELD', 'EXPOSED'],
      ['ALLOW', allowed, allowedProduct, 'EXPOSED', 'WITHHELD'],
    ])(
      'should end a %s on SKU %s within a minute of its expiry',
      async (action, skuId, productId, during, after) => {
        const { expiresAt, status } = await override(skuId, action, 8_000)

        expect(status).toBe(during)
        await settles(skuId, productId, during, enforce)
        const at = await settles(skuId, productId, after, enforce)

        expect(at - expiresAt).toBeLessThan(MINUTE)
        expect(await expiredInAudit(skuId)).toHaveLength(1)
      },
      3 * MINUTE
    )
  }
)

describe('given a restart between an override and its expiry', () => {
  it(
    'should end it within a minute of its expiry once the new worker has had an event',
    async () => {
      await setModes(worker, 'ENFORCE')
      await setStock(emulator, '18', 10)
      await flush()
      await settles('18', '11', 'EXPOSED', true)
      const { expiresAt } = await override('18', 'BLOCK', 15_000)

      await settles('18', '11', 'WITHHELD', true)
      // The withdrawal's own event is evaluated first: a worker stopped in the middle of an
      // evaluation holds the SKU's lease until it expires (30 s), which would delay the expiry's.
      await flush()
      await worker.stop()
      worker = await startWorker(emulator.url, worker.port)
      // Any catalog change: the new worker's first event reads the expiries it must keep.
      await setStock(emulator, '21', 7)
      await flush()
      const at = await settles('18', '11', 'EXPOSED', true)

      expect(at - expiresAt).toBeLessThan(MINUTE)
      expect(await expiredInAudit('18')).toHaveLength(1)
    },
    3 * MINUTE
  )
})
