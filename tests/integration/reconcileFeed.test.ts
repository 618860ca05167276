/**
 * The affiliate feed through the real worker and the emulator: every auth case, the snapshot a
 * channel starts from after the first sweep, cursors and paging, the change an event produced;
 * what the channel was last told.
 */
import type { Emulator } from '../support/emulator'
import { control, emulatorFor, vtex } from '../support/emulator'
import type { Worker } from '../support/worker'
import { freePort, graphql, startWorker, waitFor } from '../support/worker'
import {
  feedGet,
  finished,
  freshAccount,
  setModes,
  snapshotGet,
  startRun,
  SWEEP_ENV,
} from './reconcileSupport'

interface FeedPage {
  items: Array<{
    id: string
    skuId: string
    status: string
    available: number | null
    at: string
  }>
  next: string
  hasMore: boolean
}

let emulator: Emulator
let worker: Worker
const keys: Record<string, string> = {}

async function createKey(channel: string, token = 'demo-admin-token') {
  return graphql<{ createChannelKey: { secret: string; key: { id: string } } }>(
    worker,
    'mutation ($c: ID!) { createChannelKey(channel: $c) { secret key { id channel } } }',
    { c: channel },
    token
  )
}

beforeAll(async () => {
  const port = await freePort()

  emulator = await emulatorFor(`http://127.0.0.1:${port}`, 'none')
  worker = await startWorker(emulator.url, port, SWEEP_ENV)
  await freshAccount(emulator, 30)
  await setModes(worker, 'ENFORCE')
  await finished(worker, (await startRun(worker)).id)
  for (const channel of ['MKB', 'GGL']) {
    const res = await createKey(channel)

    keys[channel] = res.data?.createChannelKey.secret ?? ''
  }

  const revoked = await createKey('MKB')
  const id = revoked.data?.createChannelKey.key.id

  await graphql(
    worker,
    'mutation ($id: ID!) { revokeChannelKey(channel: "MKB", id: $id) { revokedAt } }',
    { id }
  )
  keys.REVOKED = revoked.data?.createChannelKey.secret ?? ''
}, 60_000)

afterAll(async () => {
  await worker?.stop()
  await emulator?.close()
})

async function page(query: string, key = keys.MKB) {
  const res = await feedGet(worker, 'MKB', query, key)

  expect(res.status).toBe(200)

  return (await res.json()) as FeedPage
}

describe('given the feed of channel MKB', () => {
  it.each([
    ['no key', 401, () => null],
    ['a malformed key', 401, () => 'not-a-key'],
    ['a wrong secret', 401, () => `${keys.MKB.slice(0, -2)}xx`],
    ['a revoked key', 401, () => keys.REVOKED],
    ["GGL's key", 403, () => keys.GGL],
  ])('should refuse %s with %i', async (_, status, key) => {
    const res = await feedGet(worker, 'MKB', '', key())

    expect(res.status).toBe(status)
  })

  it('should let only admins create keys', async () => {
    expect(
      (await createKey('MKB', 'demo-viewer-token')).errors?.[0]
    ).toBeDefined()
    expect((await createKey('ZZZ')).errors?.[0]?.message).toMatch(
      /UNKNOWN_CHANNEL/
    )
  })

  it('should never log a key', () => {
    for (const key of [keys.MKB, keys.GGL, keys.REVOKED])
      expect(worker.logs.join('\n')).not.toContain(key.split('.')[3])
  })

  it('should answer 400 to a cursor or limit that is not valid', async () => {
    expect((await feedGet(worker, 'MKB', '?since=%%%', keys.MKB)).status).toBe(
      400
    )
    expect((await feedGet(worker, 'MKB', '?limit=0', keys.MKB)).status).toBe(
      400
    )
  })

  it("should start the channel from the snapshot: the first sweep's decisions, each SKU once, and no change entry for them", async () => {
    const exposures = await graphql<{ exposures: { total: number } }>(
      worker,
      '{ exposures(filter: { channel: "MKB" }, pageSize: 1) { total } }'
    )

    const seen: string[] = []
    const sinces = new Set<string>()
    let after = ''

    for (let i = 0; i < 50; i++) {
      const res = await snapshotGet(
        worker,
        'MKB',
        `?limit=4${after ? `&after=${after}` : ''}`,
        keys.MKB
      )

      expect(res.status).toBe(200)
      const p = (await res.json()) as {
        items: Array<{ skuId: string; status: string }>
        next: string | null
        since: string
      }

      seen.push(...p.items.map((item) => item.skuId))
      sinces.add(p.since)
      if (!p.next) break
      after = p.next
    }

    // The sweep's first evaluation of each governed SKU is one row on MKB, and no change.
    expect(seen).toHaveLength(exposures.data?.exposures.total ?? -1)
    expect(new Set(seen).size).toBe(seen.length)
    expect(sinces.size).toBe(1)
    expect((await page('?limit=100')).items).toEqual([])
    expect((await page(`?limit=100&since=${[...sinces][0]}`)).items).toEqual([])
    expect((await snapshotGet(worker, 'MKB', '', keys.GGL)).status).toBe(403)
    expect((await snapshotGet(worker, 'MKB', '', null)).status).toBe(401)
    expect(
      (await snapshotGet(worker, 'MKB', '?after=%%%', keys.MKB)).status
    ).toBe(400)
  })

  it('should return nothing new at the end, then the next change after an event', async () => {
    const end = (await page('?limit=100')).next
    const none = await page(`?since=${end}`)

    expect(none).toEqual({ items: [], next: end, hasMore: false })
    const exposed = await graphql<{
      exposures: { items: Array<{ skuId: string }> }
    }>(
      worker,
      '{ exposures(filter: { channel: "MKB", status: EXPOSED }, pageSize: 1) { items { skuId } } }'
    )

    const skuId = exposed.data?.exposures.items[0]?.skuId

    expect(skuId).toBeDefined()
    await control(emulator, 'POST', '/events', { enabled: true })
    const inventory = await vtex(
      emulator,
      'GET',
      `/api/logistics/pvt/inventory/skus/${skuId}`
    )

    for (const row of (
      inventory.body as { balance: Array<{ warehouseId: string }> }
    ).balance) {
      await vtex(
        emulator,
        'PUT',
        `/api/logistics/pvt/inventory/skus/${skuId}/warehouses/${row.warehouseId}`,
        {
          quantity: 0,
          unlimitedQuantity: false,
        }
      )
    }

    const next = await waitFor('the stock-out in the feed', async () => {
      const p = await page(`?since=${end}`)

      return p.items.length > 0 ? p : null
    })

    expect(next.items).toEqual([
      expect.objectContaining({ skuId, status: 'WITHHELD' }),
    ])

    const told = await graphql<{ channelTold: Record<string, unknown> }>(
      worker,
      `{ channelTold(skuId: "${skuId}", channel: "MKB") { status available productAssociated associationSource expectedView inSync } }`
    )

    expect(told.data?.channelTold).toMatchObject({
      status: 'WITHHELD',
      associationSource: expect.any(String),
    })
  })
})
