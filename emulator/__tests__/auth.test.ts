import { loadManifest } from '../auth/manifest'
import type { AppManifest } from '../auth/manifest'
import type { Emulator } from '../index'
import {
  APP_AUTH,
  APP_TOKEN,
  AUTH,
  call,
  md,
  portal,
  pricing,
  start,
  vbase,
} from './helpers'

const SKU = portal('/api/catalog_system/pvt/sku/stockkeepingunitbyid/1')

/** A manifest naming only these policies (plus what `extra` adds). */
function manifestWith(names: string[], extra: AppManifest['policies'] = []) {
  return {
    ...loadManifest(),
    policies: [...names.map((name) => ({ name })), ...extra],
  }
}

const outbound = (host: string, path: string) => ({
  name: 'outbound-access',
  attrs: { host, path },
})

describe('given License Manager in front of the APIs', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start({
      manifest: manifestWith(
        ['vbase-read-only'],
        [outbound('portal.vtexcommercestable.com.br', '/api/*')]
      ),
    })
  })
  afterAll(() => emulator.close())

  describe('when the app token lacks the policy an endpoint needs', () => {
    it('should answer 403 naming the policy keys that would grant it', async () => {
      const res = await call(emulator, 'GET', SKU, {
        headers: { VtexIdclientAutCookie: APP_TOKEN },
      })

      expect(res.status).toBe(403)
      expect(res.text).toContain('Sku.aspx')
    })

    it('should answer 403 to a VBase write with a read-only policy, and allow the read', async () => {
      const file = vbase('/state/files/x.json')

      expect(
        (await call(emulator, 'PUT', file, { headers: APP_AUTH, body: {} }))
          .status
      ).toBe(403)
      expect(
        (await call(emulator, 'GET', file, { headers: APP_AUTH })).status
      ).toBe(404)
    })
  })

  describe('when a user token is used against the APIs', () => {
    it.each([
      ['the demo viewer', 'demo-viewer-token'],
      [
        'the demo admin (its role is the app, not the catalog)',
        'demo-admin-token',
      ],
    ])('should answer 403 to %s on the catalog', async (_who, token) => {
      const res = await call(emulator, 'GET', SKU, {
        headers: { VtexIdclientAutCookie: token },
      })

      expect(res.status).toBe(403)
    })

    it('should allow a user whose role holds the resource', async () => {
      await call(emulator, 'POST', '/_emulator/users', {
        body: {
          token: 'catalog-reader',
          email: 'reader@marketplacea.example',
          roles: ['Catalog / Content / SKUs'],
        },
      })
      const res = await call(emulator, 'GET', SKU, {
        headers: { VtexIdclientAutCookie: 'catalog-reader' },
      })

      expect(res.status).toBe(200)
    })
  })

  it('should let the demo app key (role Owner) through everywhere', async () => {
    for (const url of [
      SKU,
      pricing('/pricing/prices/1'),
      md('/EX/search?_fields=id'),
    ])
      expect(
        (await call(emulator, 'GET', url, { headers: AUTH })).status
      ).not.toBe(403)
  })

  it('should refuse an infra call made with anything but the app token', async () => {
    expect(
      (
        await call(emulator, 'GET', vbase('/state/files/x.json'), {
          headers: AUTH,
        })
      ).status
    ).toBe(401)
  })
})

describe('given the egress proxy', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start({
      manifest: manifestWith(
        ['Sku.aspx', 'ReadPrices', 'vbase-read-write'],
        [
          outbound(
            '{{account}}.vtexcommercestable.com.br',
            '/api/catalog_system/*'
          ),
          outbound(
            'portal.vtexcommercestable.com.br',
            '/api/catalog_system/pvt/sku/*'
          ),
        ]
      ),
    })
  })
  afterAll(() => emulator.close())

  it('should let the app reach a host and path its outbound-access covers, {{account}} included', async () => {
    for (const url of [
      SKU,
      'http://marketplacea.vtexcommercestable.com.br/api/catalog_system/pvt/sku/stockkeepingunitbyid/1',
    ]) {
      const res = await call(emulator, 'GET', url, {
        headers: {
          VtexIdclientAutCookie: APP_TOKEN,
          'Proxy-Authorization': APP_TOKEN,
        },
      })

      expect(res.status).toBe(200)
    }
  })

  it("should block what no policy covers with IO's role-link 403, and count it", async () => {
    await call(emulator, 'DELETE', '/_emulator/egress')
    const res = await call(emulator, 'GET', pricing('/pricing/prices/1'), {
      headers: {
        VtexIdclientAutCookie: APP_TOKEN,
        'Proxy-Authorization': APP_TOKEN,
      },
    })

    expect(res.status).toBe(403)
    expect(res.text).toMatch(
      /^Role link:marketplacea\.marketplace-stock-gate@[^ ]+ in marketplacea\/master cannot perform action GET on resource vrn:proxy:[^:]+:marketplacea:master:api\.vtex\.com\/marketplacea\/pricing\/prices\/1$/
    )
    expect(
      (
        await call(emulator, 'GET', 'http://evil.example.com/steal', {
          headers: { 'Proxy-Authorization': APP_TOKEN },
        })
      ).status
    ).toBe(403)
    expect(
      (await call(emulator, 'GET', '/_emulator/egress')).json()
    ).toMatchObject({
      blocked: 2,
      log: [
        { host: 'api.vtex.com', path: '/marketplacea/pricing/prices/1' },
        { host: 'evil.example.com', path: '/steal' },
      ],
    })
  })

  it('should not apply egress to IO infra, nor to callers that are not the app', async () => {
    expect(
      (
        await call(emulator, 'GET', vbase('/state/files/none.json'), {
          headers: APP_AUTH,
        })
      ).status
    ).toBe(404)
    expect(
      (
        await call(emulator, 'GET', pricing('/pricing/prices/1'), {
          headers: AUTH,
        })
      ).status
    ).toBe(200)
  })
})
