/**
 * A catalog write that VTEX refuses on every attempt is tried again by the worker on its own a
 * few seconds later: the product gets onto the channel's trade policy with no further event and
 * no sweep, and the retry's write is in the SKU's audit trail.
 */
import type { Emulator } from '../support/emulator'
import { control } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import type { Worker } from '../support/worker'
import { graphql, waitFor } from '../support/worker'
import { policies, setModes } from '../integration/reconcileSupport'
import { auditOf, refuseSku1OnMkb } from './support'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const system = await startSystem()

  emulator = system.emulator
  worker = system.worker
  await setModes(worker, 'ENFORCE')
})

afterAll(() => stopSystem({ emulator, worker }))

describe('given VTEX refusing every attempt to put a product on a trade policy', () => {
  it('should put it there a few seconds later, once the refusals stop, with no event', async () => {
    await refuseSku1OnMkb(emulator, worker)
    await control(emulator, 'DELETE', '/faults')
    expect(await policies(emulator, '1')).not.toContain('2')

    await waitFor('the retry', async () =>
      (await policies(emulator, '1')).includes('2')
    )

    const writes = (await auditOf(worker, '1')).filter(
      (e) => e.kind === 'ENFORCEMENT_WRITE' && e.channel === 'MKB'
    )

    expect(writes.map((e) => e.cause)).toEqual(['SYSTEM'])
    const exposure = await graphql<{
      exposure: { status: string; productAssociated: boolean | null }
    }>(
      worker,
      '{ exposure(skuId: "1", channel: "MKB") { status productAssociated } }'
    )

    expect(exposure.data?.exposure.status).toBe('EXPOSED')
  })
})
