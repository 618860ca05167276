import fs from 'fs'
import path from 'path'

import Ajv from 'ajv'

const root = path.resolve(__dirname, '..', '..')
const read = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'))

describe('given the IO app files', () => {
  const manifest = read('manifest.json')

  it('should validate manifest.json against the IO manifest schema', () => {
    const schema = read('../shared/vtex-io-schemas/manifest.schema.json')
    const validate = new Ajv({ strict: false }).compile(schema)

    expect(validate(manifest)).toBe(true)
    expect(validate.errors ?? []).toEqual([])
  })

  it('should use the builders and dependencies VTEX IO expects', () => {
    expect(manifest.name).toBe('marketplace-stock-gate')
    expect(manifest.builders).toMatchObject({
      node: '7.x',
      react: '3.x',
      graphql: '2.x',
      admin: '0.x',
      messages: '1.x',
      docs: '0.x',
    })
    expect(manifest.dependencies['vtex.styleguide']).toBe('9.x')
  })

  it('should allow outbound access only to the hosts the clients call', () => {
    const outbound = manifest.policies
      .filter((p: { name: string }) => p.name === 'outbound-access')
      .map((p: { attrs: { host: string } }) => p.attrs.host)

    expect(new Set(outbound)).toEqual(
      new Set([
        'portal.vtexcommercestable.com.br',
        'api.vtex.com',
        'vtexid.vtex.com.br',
        // @vtex/api's own @auth directive asks License Manager on the account's host
        '{{account}}.vtexcommercestable.com.br',
      ])
    )
  })

  it('should allow the attention e-mails: the mail service and Message Center templates only', () => {
    const paths = manifest.policies
      .filter(
        (p: { name: string; attrs?: { path?: string } }) =>
          p.name === 'outbound-access' &&
          /mail-service|template-render/.test(p.attrs?.path ?? '')
      )
      .map((p: { attrs: { host: string; path: string } }) => p.attrs)

    expect(paths).toEqual([
      {
        host: 'portal.vtexcommercestable.com.br',
        path: '/api/mail-service/pvt/sendmail',
      },
      {
        host: 'portal.vtexcommercestable.com.br',
        path: '/api/template-render/pvt/templates*',
      },
    ])
  })

  it('should subscribe to the broadcaster and declare every route the service mounts', () => {
    const service = read('node/service.json')

    expect(service.events.broadcasterNotification).toEqual({
      sender: 'vtex.broadcaster',
      keys: ['broadcaster.notification'],
    })
    // IO's install (and update) event: registers the scheduler's tick (events/appSetup.ts).
    expect(service.events.onAppInstalled).toEqual({
      sender: 'apps',
      keys: ['setup'],
    })
    for (const route of Object.values(service.routes) as Array<{
      path: string
    }>) {
      // Under the app's own prefix; a route users call is private (/_v/private/...).
      expect(route.path).toMatch(/^\/_v\/(private\/)?marketplace-stock-gate\//)
    }
  })

  it('should keep non-IO folders out of the IO build', () => {
    const ignored = fs.readFileSync(path.join(root, '.vtexignore'), 'utf8')

    for (const folder of [
      'emulator/',
      'harness/',
      'runtime/',
      'bench/',
      'scripts/',
      'tests/',
    ]) {
      expect(ignored).toContain(folder)
    }
  })
})
