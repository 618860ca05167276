/**
 * What one request may ask of the worker, through the real worker and the emulator: a mutation
 * only as a JSON POST (a cross-site form or link changes nothing), ids that are ids, and a
 * bounded amount of work however many aliases the document carries.
 */
import http from 'http'

import type { Emulator } from '../support/emulator'
import { feedGet } from '../integration/reconcileSupport'
import { startSystem, stopSystem } from '../support/system'
import { control, vtex } from '../support/emulator'
import type { Worker } from '../support/worker'
import { ACCOUNT, routerHeaders, graphql } from '../support/worker'
import { writes } from './support'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const system = await startSystem()

  emulator = system.emulator
  worker = system.worker
})

afterAll(() => stopSystem({ emulator, worker }))

const SCHEDULE = '{ reconciliationSchedule { fullEveryHours } }'
const CHANGE =
  'mutation { saveReconciliationSchedule(input: { fullEveryHours: 7 }) { fullEveryHours } }'

const url = () => `${worker.url}/${ACCOUNT}/master/_v/graphql`

async function fullEveryHours() {
  const res = await graphql<{
    reconciliationSchedule: { fullEveryHours: number }
  }>(worker, SCHEDULE)

  return res.data?.reconciliationSchedule.fullEveryHours
}

describe('a mutation that does not come as a JSON POST', () => {
  it.each([
    [
      'over GET (a link)',
      () =>
        fetch(`${url()}?query=${encodeURIComponent(CHANGE)}`, {
          headers: routerHeaders(worker, 'demo-admin-token'),
        }),
    ],
    [
      'as a text/plain POST (a cross-site form)',
      () =>
        fetch(url(), {
          method: 'POST',
          headers: {
            ...routerHeaders(worker, 'demo-admin-token'),
            'content-type': 'text/plain',
          },
          body: JSON.stringify({ query: CHANGE }),
        }),
    ],
  ])('is refused %s and changes nothing', async (_, send) => {
    const before = await fullEveryHours()
    const res = await send()
    const body = (await res.json()) as { errors?: Array<{ message: string }> }

    expect(body.errors?.map((e) => e.message)).toEqual([
      'MUTATION_REQUIRES_JSON_POST',
    ])
    expect(await fullEveryHours()).toBe(before)
    expect(before).not.toBe(7)
  })

  it('still runs as a JSON POST', async () => {
    const res = await graphql(worker, CHANGE)

    expect(res.errors).toBeUndefined()
    expect(await fullEveryHours()).toBe(7)
  })
})

describe('ids that are not ids', () => {
  it.each(['2 OR 1=1', '../config/settings.json'])(
    'reevaluate(skuId: %j) is refused and stores nothing',
    async (skuId) => {
      const before = await writes(emulator)
      const res = await graphql(
        worker,
        'mutation ($skuId: ID!) { reevaluate(skuId: $skuId) { status } }',
        { skuId }
      )

      expect(res.errors?.map((e) => e.message)).toEqual(['INVALID_SKU_ID'])
      expect(await writes(emulator)).toBe(before)
    }
  )

  it('reconciliation(id: "index") is refused instead of reading the run index as a run', async () => {
    const res = await graphql(worker, '{ reconciliation(id: "index") { id } }')

    expect(res.errors?.map((e) => e.message)).toEqual(['INVALID_RUN_ID'])
  })
})

describe('aliases', () => {
  it('two createChannelKey in one document create no key, so no secret is lost', async () => {
    const res = await graphql(
      worker,
      `
        mutation {
          a: createChannelKey(channel: "MKB") {
            secret
          }
          b: createChannelKey(channel: "MKB") {
            secret
          }
        }
      `
    )

    expect(res.errors?.map((e) => e.message)).toEqual(['ONE_PER_REQUEST'])
    const keys = await graphql<{ channelKeys: unknown[] }>(
      worker,
      '{ channelKeys(channel: "MKB") { id } }'
    )

    expect(keys.data?.channelKeys).toEqual([])
  })

  it('aliased reevaluateMany cannot ask for more than 500 SKUs in one request', async () => {
    await control(emulator, 'POST', '/counters/reset')
    const ids = (from: number) =>
      JSON.stringify(Array.from({ length: 217 }, (_, i) => String(from + i)))

    const aliases = [0, 1, 2, 3, 4]
      .map((i) => `r${i}: reevaluateMany(skuIds: ${ids(1 + i * 217)}) { id }`)
      .join('\n')

    const res = await graphql(worker, `mutation { ${aliases} }`)

    expect(res.errors?.map((e) => e.message)).toContain(
      'TOO_MANY_SKUS_IN_REQUEST'
    )
    const { body } = await control(emulator, 'GET', '/counters')

    // Two fields' worth of SKUs (434) at most were looked at, not 1,085.
    expect(
      (body as { endpoints: Record<string, number> }).endpoints[
        'catalog GET /api/catalog_system/pvt/sku/stockkeepingunitbyid/{skuId}'
      ] ?? 0
    ).toBeLessThanOrEqual(434)
  })
})

describe('re-evaluating a SKU with nothing to show', () => {
  it('says a SKU is not in the catalog, instead of "re-evaluated"', async () => {
    const res = await graphql(
      worker,
      'mutation { reevaluate(skuId: "999999") { status } }'
    )

    expect(res.errors?.map((e) => e.message)).toEqual(['SKU_NOT_IN_CATALOG'])
  })

  it('says a SKU only the marketplace sells is not gated', async () => {
    // Product 19 of the demo seed is the marketplace's own: its first SKU is 30.
    const context = await vtex(
      emulator,
      'GET',
      '/api/catalog_system/pvt/sku/stockkeepingunitbyid/30'
    )

    expect(
      (context.body as { SkuSellers: Array<{ SellerId: string }> }).SkuSellers
    ).toEqual([expect.objectContaining({ SellerId: '1' })])
    const res = await graphql(
      worker,
      'mutation { reevaluate(skuId: "30") { status } }'
    )

    expect(res.errors?.map((e) => e.message)).toEqual(['SKU_NOT_GOVERNED'])
  })
})

describe('overrides for many SKUs in one request', () => {
  const block = (skuId: string, channel: string) => ({
    skuId,
    channel,
    action: 'BLOCK',
    note: 'bulk',
  })

  const SET = `mutation ($inputs: [OverrideInput!]!) { setOverrides(inputs: $inputs) { skuId channel status reasons } }`

  it('answers each, in the order asked, a SKU twice included', async () => {
    for (const skuId of ['2', '3', '4']) {
      await graphql(
        worker,
        `mutation { reevaluate(skuId: "${skuId}") { status } }`
      )
    }

    const inputs = [
      block('4', 'MKB'),
      block('2', 'MKB'),
      block('3', 'GGL'),
      block('2', 'GGL'),
    ]

    const res = await graphql<{
      setOverrides: Array<{ skuId: string; channel: string; reasons: string[] }>
    }>(worker, SET, { inputs })

    expect(res.errors).toBeUndefined()
    expect(
      res.data?.setOverrides.map((e) => [e.skuId, e.channel, e.reasons])
    ).toEqual(
      inputs.map((i) => [
        i.skuId,
        i.channel,
        expect.arrayContaining(['MANUAL_BLOCK']),
      ])
    )
  })

  it('takes at most one admin page (100) of them', async () => {
    const res = await graphql(worker, SET, {
      inputs: Array.from({ length: 101 }, (_, i) =>
        block(String(i + 1), 'MKB')
      ),
    })

    expect(res.errors?.map((e) => e.message)).toEqual(['TOO_MANY_OVERRIDES'])
  })
})

describe('the audit trail past Master Data’s search window', () => {
  it('is refused with a code of its own, not Master Data’s error', async () => {
    const res = await graphql(
      worker,
      '{ auditTrail(page: 201, pageSize: 50) { total } }'
    )

    expect(res.errors?.map((e) => e.message)).toEqual([
      'PAGE_BEYOND_SEARCH_WINDOW',
    ])
    const last = await graphql(
      worker,
      '{ auditTrail(page: 200, pageSize: 50) { total } }'
    )

    expect(last.errors).toBeUndefined()
  })
})

describe('the feed key', () => {
  it('travels in Authorization: Bearer only', async () => {
    const created = await graphql<{ createChannelKey: { secret: string } }>(
      worker,
      'mutation { createChannelKey(channel: "GGL") { secret } }'
    )

    const secret = created.data?.createChannelKey.secret ?? ''

    expect((await feedGet(worker, 'GGL', '', secret)).status).toBe(200)
    const other = await fetch(
      `${worker.url}/_v/marketplace-stock-gate/channels/GGL/exposures`,
      {
        headers: {
          'x-vtex-account': 'marketplacea',
          'x-vtex-workspace': 'master',
          'x-vtex-credential': worker.appToken,
          'x-colossus-route-id': 'channelExposures',
          'x-colossus-params': 'affiliateId=GGL',
          'x-stock-gate-key': secret,
        },
      }
    )

    expect(other.status).toBe(401)
  })
})

describe('an affiliate calling the feed as README says (IO’s router on myvtex.com)', () => {
  /** `curl -x <emulator> http://{host}{path} -H 'Authorization: Bearer <key>'`. */
  const viaRouter = (host: string, urlPath: string, key?: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { hostname, port } = new URL(emulator.url)
      const req = http.request(
        {
          host: hostname,
          port,
          path: `http://${host}${urlPath}`,
          headers: key ? { authorization: `Bearer ${key}` } : {},
        },
        (res) => {
          let body = ''

          res.on('data', (c: Buffer) => {
            body += c.toString()
          })
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        }
      )

      req.on('error', reject)
      req.end()
    })

  const FEED = '/_v/marketplace-stock-gate/channels/MKB/exposures'

  it('reaches the worker with the key, and is refused without it or on an undeclared route', async () => {
    const created = await graphql<{ createChannelKey: { secret: string } }>(
      worker,
      'mutation { createChannelKey(channel: "MKB") { secret } }'
    )

    const secret = created.data?.createChannelKey.secret ?? ''
    const ok = await viaRouter('marketplacea.myvtex.com', FEED, secret)

    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toHaveProperty('items')
    expect((await viaRouter('marketplacea.myvtex.com', FEED)).status).toBe(401)
    // Another workspace has its own keys (VBase is per workspace).
    expect(
      (await viaRouter('dev1--marketplacea.myvtex.com', FEED, secret)).status
    ).toBe(401)
    expect(
      (
        await viaRouter(
          'marketplacea.myvtex.com',
          '/_v/marketplace-stock-gate/nothing',
          secret
        )
      ).status
    ).toBe(404)
  })
})
