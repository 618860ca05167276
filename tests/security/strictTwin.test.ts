/**
 * The emulator refuses what VTEX refuses, and the app passes it: the worker's own calls carry the
 * app token and stay inside the manifest's policies; a manifest without a policy the app needs
 * makes the evaluation an ERROR, never a settled decision.
 */
import { loadManifest } from '../../emulator/auth/manifest'
import type { AppManifest } from '../../emulator/auth/manifest'
import type { Emulator } from '../support/emulator'
import { control, vtex } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import type { Worker } from '../support/worker'
import { graphql, sendEvent, waitFor } from '../support/worker'

interface Refusal {
  status: number
  method: string
  host: string
  path: string
}

interface Egress {
  blocked: number
  log: Array<{ appId: string; host: string; path: string }>
}

const EXPOSURE = `query ($skuId: ID!, $channel: ID!) {
  exposure(skuId: $skuId, channel: $channel) { status reasons }
}`

async function decided(worker: Worker, skuId: string) {
  const res = await sendEvent(worker, { IdSku: skuId, StockModified: true })

  expect(res.status).toBe(204)

  return waitFor(`SKU ${skuId} evaluated`, async () => {
    const answer = await graphql<{
      exposure: { status: string; reasons: string[] } | null
    }>(worker, EXPOSURE, { skuId, channel: 'MKB' })

    return answer.data?.exposure ?? null
  })
}

/** manifest.json with one policy removed (by name, or an outbound-access one by host). */
function without(name: string, host?: string): AppManifest {
  const manifest = loadManifest()

  return {
    ...manifest,
    policies: (manifest.policies ?? []).filter(
      (p) => !(p.name === name && (!host || p.attrs?.host === host))
    ),
  }
}

describe('given the strict emulator and the app with its own manifest', () => {
  let emulator: Emulator
  let worker: Worker

  beforeAll(async () => {
    const system = await startSystem()

    emulator = system.emulator
    worker = system.worker
  })
  afterAll(() => stopSystem({ emulator, worker }))

  it('should refuse a VTEX API call with no credential (401)', async () => {
    const res = await vtexAs(emulator, {})

    expect(res.status).toBe(401)
  })

  it("should refuse the app token sent only as Proxy-Authorization, the egress proxy's credential (401)", async () => {
    const res = await vtexAs(emulator, {
      'Proxy-Authorization': emulator.appToken,
    })

    expect(res.status).toBe(401)
  })

  it('should evaluate a SKU with every VTEX call passing: no 401, no 403, nothing blocked', async () => {
    await control(emulator, 'DELETE', '/refusals')
    await control(emulator, 'DELETE', '/egress')
    const exposure = await decided(worker, '1')

    expect(exposure.status).toBe('WITHHELD')
    // an admin page's read: the @auth / admin check asks VTEX ID and License Manager
    const admin = await graphql(worker, '{ settings { retentionDays } }')

    expect(admin.errors).toBeUndefined()
    expect((await control(emulator, 'GET', '/refusals')).body).toEqual([])
    expect((await control(emulator, 'GET', '/egress')).body).toEqual({
      blocked: 0,
      log: [],
    })
  })
})

describe.each<[string, AppManifest, (r: Refusal[], e: Egress) => void]>([
  [
    'the Catalog SKU policy (Sku.aspx)',
    without('Sku.aspx'),
    (refusals) =>
      expect(refusals).toContainEqual(
        expect.objectContaining({
          status: 403,
          path: '/api/catalog_system/pvt/sku/stockkeepingunitbyid/1',
        })
      ),
  ],
  [
    'the outbound-access policy for the Pricing host',
    without('outbound-access', 'api.vtex.com'),
    (_refusals, egress) => {
      expect(egress.blocked).toBeGreaterThan(0)
      expect(egress.log).toContainEqual(
        expect.objectContaining({
          host: 'api.vtex.com',
          path: '/marketplacea/pricing/prices/1',
        })
      )
    },
  ],
])('given a manifest without %s', (_what, manifest, refused) => {
  let emulator: Emulator
  let worker: Worker

  beforeAll(async () => {
    const system = await startSystem({ emulator: { manifest } })

    emulator = system.emulator
    worker = system.worker
  })
  afterAll(() => stopSystem({ emulator, worker }))

  it('should refuse the call and record the evaluation as ERROR, not as a decision', async () => {
    const exposure = await decided(worker, '1')

    expect(exposure.status).toBe('ERROR')
    refused(
      (await control(emulator, 'GET', '/refusals')).body as Refusal[],
      (await control(emulator, 'GET', '/egress')).body as Egress
    )
  })
})

/** A catalog read through the host the app's outbound-access declares, with exactly these headers. */
function vtexAs(emulator: Emulator, headers: Record<string, string>) {
  return vtex(
    { url: emulator.url },
    'GET',
    '/api/catalog_system/pvt/sku/stockkeepingunitbyid/1?an=marketplacea',
    undefined,
    'portal.vtexcommercestable.com.br',
    headers
  )
}
