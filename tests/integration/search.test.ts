/**
 * The admin's search through the real worker and the emulator: accents and case do not matter
 * either way, "and"/"or" are words, and a catalog rename reaches every channel's row without a
 * status or stock change.
 */
import type { Emulator } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import { vtex } from '../support/emulator'
import type { Worker } from '../support/worker'
import { graphql, waitFor } from '../support/worker'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const system = await startSystem({ env: { FEED_SETTLE_MS: '0' } })

  emulator = system.emulator
  worker = system.worker
})

afterAll(() => stopSystem({ emulator, worker }))

interface Row {
  skuId: string
  channel: string
  productName: string | null
}

async function search(text: string) {
  const res = await graphql<{ exposures: { items: Row[]; total: number } }>(
    worker,
    'query ($text: String) { exposures(filter: { text: $text }, pageSize: 100) { items { skuId channel productName } total } }',
    { text }
  )

  if (res.errors) throw new Error(JSON.stringify(res.errors))

  return res.data?.exposures.items ?? []
}

// Product 5 of the demo seed has three SKUs (6, 7, 8), sold by a third-party seller.
const PRODUCT = '5'
const SKUS = ['6', '7', '8']

describe('given a product renamed in the catalog with accents', () => {
  beforeAll(async () => {
    for (const skuId of SKUS) {
      const res = await graphql(
        worker,
        'mutation ($s: ID!) { reevaluate(skuId: $s) { status } }',
        { s: skuId }
      )

      if (res.errors) throw new Error(JSON.stringify(res.errors))
    }

    // Their rows exist, with the old name, before the rename.
    const before = await graphql<{ exposure: Row | null }>(
      worker,
      `{ exposure(skuId: "${SKUS[0]}", channel: "GGL") { skuId channel productName } }`
    )

    if (before.data?.exposure?.productName !== 'Jacket 5')
      throw new Error(`setup: ${JSON.stringify(before)}`)

    const { body } = await vtex(
      emulator,
      'GET',
      `/api/catalog/pvt/product/${PRODUCT}`
    )

    await vtex(emulator, 'PUT', `/api/catalog/pvt/product/${PRODUCT}`, {
      ...(body as Record<string, unknown>),
      Name: 'Relógio Cronógrafo Aço',
    })
  })

  it('rewrites every channel row of every SKU with the new name, with no status change', async () => {
    const rows = await waitFor('the renamed rows', async () => {
      const found = await search('relogio')

      return found.length === SKUS.length * 2 ? found : null
    })

    expect(new Set(rows.map((r) => `${r.skuId}-${r.channel}`))).toEqual(
      new Set(SKUS.flatMap((s) => [`${s}-MKB`, `${s}-GGL`]))
    )
    expect(rows.every((r) => r.productName === 'Relógio Cronógrafo Aço')).toBe(
      true
    )
  })

  it.each(['Relógio', 'RELOGIO', 'cronógrafo aço', 'aco relogio'])(
    'finds it searching %j',
    async (text) => {
      expect(await search(text)).toHaveLength(SKUS.length * 2)
    }
  )

  it('takes "and" and "or" as words, not as Master Data operators', async () => {
    await expect(search('black and white')).resolves.toEqual([])
    await expect(search('relogio or')).resolves.toEqual([])
  })

  it('refuses a search text longer than 100 characters', async () => {
    const res = await graphql(
      worker,
      'query ($text: String) { exposures(filter: { text: $text }) { total } }',
      { text: 'x'.repeat(101) }
    )

    expect(res.errors?.map((e) => e.message)).toEqual(['TEXT_TOO_LONG'])
  })
})
