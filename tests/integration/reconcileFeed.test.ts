/**
 * The affiliate feed through the real worker and the emulator: every auth case, cursors and
 * paging over the changes a sweep and an event produced; what the channel was last told.
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

  it('should page through every change once, in order, following the cursors', async () => {
    const all = await page('?limit=100')
    const exposures = await graphql<{ exposures: { total: number } }>(
      worker,
      '{ exposures(filter: { channel: "MKB" }, pageSize: 1) { total } }'
    )

    // The sweep's first evaluation of each governed SKU is one change on MKB.
    expect(all.items).toHaveLength(exposures.data?.exposures.total ?? -1)
    expect(all.hasMore).toBe(false)
    const seen: string[] = []
    let since = ''

    for (let i = 0; i < 50; i++) {
      const p = await page(`?limit=4${since ? `&since=${since}` : ''}`)

      seen.push(...p.items.map((item) => item.id))
      since = p.next
      if (!p.hasMore) break
    }

    expect(seen).toEqual(all.items.map((item) => item.id))
    const sorted = [...all.items].sort((a, b) =>
      a.at < b.at ? -1 : a.at > b.at ? 1 : 0
    )

    expect(all.items.map((i) => i.at)).toEqual(sorted.map((i) => i.at))
    expect(all.items[0]).toMatchObject({
      skuId: expect.any(String),
      status: expect.any(String),
    })
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
