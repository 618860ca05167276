import http from 'http'
import type { AddressInfo } from 'net'

import type { IOContext } from '@vtex/api'

import { ProcessMemory } from '../../memory/processMemory'
import { AffiliatesClient } from '../affiliates'
import { CatalogClient } from '../catalog'
import { LicenseManagerClient } from '../identity'
import { LogisticsClient } from '../logistics'
import type { MemoryOptions } from '../memory'
import { PricingClient } from '../pricing'
import { SchedulerClient } from '../scheduler'

const ctx = {
  account: 'marketplacea',
  workspace: 'master',
  authToken: 'the-app-token',
  region: 'aws-us-east-1',
  production: false,
  userAgent: 'marketplacea.marketplace-stock-gate@0.1.0',
  tracer: { isTraceSampled: false },
} as unknown as IOContext

// As node/index.ts hands them: the clients keep their account's budget in the process memory.
const options: MemoryOptions = { memory: new ProcessMemory() }

/**
 * VTEX authenticates API calls by VtexIdclientAutCookie; Proxy-Authorization (all that
 * ExternalClient and JanusClient send) only gets a call past IO's egress. Every client that
 * calls VTEX must add the app token itself, as @vtex/clients' built-in methods do.
 */
describe('given the app token in the IO context', () => {
  let proxy: http.Server
  const seen: Array<{ url: string; cookie: unknown }> = []
  const saved = { ...process.env }

  beforeAll(async () => {
    // Plays IO's egress proxy: records each request's target and API credential.
    proxy = http.createServer((req, res) => {
      seen.push({
        url: req.url ?? '',
        cookie: req.headers.vtexidclientautcookie,
      })
      res.setHeader('content-type', 'application/json')
      res.end(req.url?.includes('/granted') ? 'true' : '[]')
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`

    Object.assign(process.env, { HTTP_PROXY: url, http_proxy: url })
  })

  afterAll(async () => {
    process.env = saved
    proxy.closeAllConnections()
    await new Promise((resolve) => proxy.close(resolve))
  })

  it.each<[string, () => Promise<unknown>]>([
    [
      'catalog SKU context',
      () => new CatalogClient(ctx, options).skuContext('1'),
    ],
    [
      'catalog trade policies',
      () => new CatalogClient(ctx, options).productTradePolicies('1'),
    ],
    [
      'catalog association',
      () => new CatalogClient(ctx, options).associateProduct('1', '2'),
    ],
    [
      'catalog dissociation',
      () => new CatalogClient(ctx, options).dissociateProduct('1', '2'),
    ],
    ['catalog sellers', () => new CatalogClient(ctx, options).sellers()],
    ['catalog SKU ids', () => new CatalogClient(ctx, options).skuIds(1, 10)],
    [
      'catalog SKU ids by trade policy',
      () => new CatalogClient(ctx, options).skuIdsBySalesChannel('2', 1, 10),
    ],
    [
      "catalog product's SKUs",
      () => new CatalogClient(ctx, options).productSkuIds('1'),
    ],
    ['inventory', () => new LogisticsClient(ctx, options).inventory('1')],
    ['warehouses', () => new LogisticsClient(ctx, options).warehouses()],
    ['docks', () => new LogisticsClient(ctx, options).docks()],
    ['prices', () => new PricingClient(ctx, options).price('1')],
    ['affiliates', () => new AffiliatesClient(ctx, options).list()],
    [
      'License Manager',
      () =>
        new LicenseManagerClient(ctx, options).granted('a@b.c', '2', 'Catalog'),
    ],
    [
      'scheduler',
      () =>
        new SchedulerClient(ctx, options).upsert('marketplace-stock-gate', {
          id: 'tick',
          scheduler: {
            expression: '*/10 * * * *',
            endDate: '2099-01-01T00:00:00Z',
          },
          request: { uri: 'http://x', method: 'POST', headers: {}, body: null },
        }),
    ],
  ])(
    'should send it as VtexIdclientAutCookie on the %s call',
    async (_what, send) => {
      seen.length = 0
      await send()

      expect(seen).toHaveLength(1)
      expect(seen[0].cookie).toBe('the-app-token')
    }
  )
})
