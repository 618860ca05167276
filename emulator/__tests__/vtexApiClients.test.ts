import fs from 'node:fs'
import path from 'node:path'

import { authPairs } from '../auth/manifest'
import type { Emulator } from '../index'
import { call, start } from './helpers'

/** The real @vtex/api clients (installed for node/) talking to the emulator through HTTP_PROXY. */
const API_DIR = path.resolve(__dirname, '../../node/node_modules/@vtex/api')
const describeIfInstalled = fs.existsSync(API_DIR) ? describe : describe.skip

interface Clients {
  MasterData: new (ctx: unknown) => {
    createDocument(args: unknown): Promise<{ DocumentId: string }>
    searchDocumentsWithPaginationInfo(
      args: unknown
    ): Promise<{ data: unknown[]; pagination: { total: number } }>
    scrollDocuments(
      args: unknown
    ): Promise<{ mdToken: string; data: unknown[] }>
  }
  VBase: new (ctx: unknown) => {
    saveJSON(bucket: string, file: string, data: unknown): Promise<unknown>
    getJSON(
      bucket: string,
      file: string,
      nullIfNotFound?: boolean
    ): Promise<unknown>
    listFiles(
      bucket: string,
      opts: unknown
    ): Promise<{ data: Array<{ path: string }> }>
    deleteFile(bucket: string, file: string): Promise<unknown>
  }
  Apps: new (ctx: unknown) => {
    getAppSettings(app: string): Promise<unknown>
    saveAppSettings(app: string, s: unknown): Promise<unknown>
  }
}

describeIfInstalled(
  'given the real @vtex/api clients behind HTTP_PROXY',
  () => {
    let emulator: Emulator
    let api: Clients
    const saved = { ...process.env }
    const ctx = {
      account: 'marketplacea',
      workspace: 'master',
      authToken: 'app-token',
      userAgent: 'marketplacea.marketplace-stock-gate@0.1.0',
      region: 'aws-us-east-1',
      production: true,
      route: { id: 'test', params: {} },
      logger: {
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
        debug: () => undefined,
      },
      requestId: 'req',
      operationId: 'op',
      tracer: { isTraceSampled: false },
    }

    beforeAll(async () => {
      emulator = await start({ seed: 'none', appToken: ctx.authToken })
      Object.assign(process.env, {
        HTTP_PROXY: emulator.url,
        HTTPS_PROXY: emulator.url,
        VTEX_APP_ID: ctx.userAgent,
        VTEX_IO: 'true',
      })
      // eslint-disable-next-line @typescript-eslint/no-var-requires, global-require
      api = require(API_DIR) as Clients
    })
    afterAll(async () => {
      process.env = saved
      await emulator.close()
    })

    describe('when MasterData is used', () => {
      it('should create, search with pagination info and scroll', async () => {
        const md = new api.MasterData(ctx)
        const { DocumentId } = await md.createDocument({
          dataEntity: 'IT',
          fields: { sku: '1', status: 'exposed' },
        })

        await md.createDocument({
          dataEntity: 'IT',
          fields: { sku: '2', status: 'held' },
        })
        const page = await md.searchDocumentsWithPaginationInfo({
          dataEntity: 'IT',
          fields: ['id', 'sku'],
          where: 'status=exposed',
          pagination: { page: 1, pageSize: 10 },
        })

        expect(page.data).toEqual([{ id: DocumentId, sku: '1' }])
        expect(page.pagination.total).toBe(1)
        const scrolled = await md.scrollDocuments({
          dataEntity: 'IT',
          fields: ['sku'],
          size: 10,
          sort: 'sku ASC',
        })

        expect(scrolled.data).toEqual([{ sku: '1' }, { sku: '2' }])
        expect(scrolled.mdToken).toBeTruthy()
      })
    })

    describe('when VBase is used', () => {
      it('should save, read, list and delete JSON files', async () => {
        const vbase = new api.VBase(ctx)

        await vbase.saveJSON('state', 'runs/one.json', { ok: true })
        expect(await vbase.getJSON('state', 'runs/one.json')).toEqual({
          ok: true,
        })
        expect(await vbase.getJSON('state', 'runs/none.json', true)).toBeNull()
        expect(
          (await vbase.listFiles('state', { prefix: 'runs/' })).data.map(
            (f) => f.path
          )
        ).toEqual(['runs/one.json'])
        await vbase.deleteFile('state', 'runs/one.json')
        // a fresh client: the first one memoizes its GETs
        expect(
          await new api.VBase(ctx).getJSON('state', 'runs/one.json', true)
        ).toBeNull()
      })
    })

    describe('when app settings are read', () => {
      it('should return what was saved', async () => {
        const apps = new api.Apps(ctx)

        await apps.saveAppSettings('marketplacea.marketplace-stock-gate', {
          mode: 'OBSERVE',
        })
        expect(
          await apps.getAppSettings('marketplacea.marketplace-stock-gate@0.x')
        ).toEqual({ mode: 'OBSERVE' })
      })
    })

    describe("when @vtex/api's own @auth directive checks a user", () => {
      // Its raw axios calls, through HTTP_PROXY as on IO: VTEX ID with Proxy-Authorization and
      // X-VTEX-Proxy-To, then License Manager on the account's host with Authorization.
      const AUTH_JS = path.join(
        API_DIR,
        'lib/service/worker/runtime/graphql/schema/schemaDirectives/Auth.js'
      )

      const [productCode, resourceCode] = authPairs()[0].split('/')

      const resolveAs = async (userToken: string) => {
        // eslint-disable-next-line @typescript-eslint/no-var-requires, global-require
        const { Auth } = require(AUTH_JS) as {
          Auth: new (config: unknown) => {
            visitFieldDefinition(field: {
              resolve?: (...args: unknown[]) => unknown
            }): void
          }
        }

        const field: { resolve?: (...args: unknown[]) => unknown } = {
          resolve: () => 'resolved',
        }

        new Auth({
          name: 'auth',
          args: { scope: 'PRIVATE', productCode, resourceCode },
          visitedType: field,
          schema: undefined,
          context: {},
        }).visitFieldDefinition(field)

        const resolverCtx = {
          cookies: { get: () => undefined },
          get: (name: string) =>
            name === 'VtexIdclientAutCookie' ? userToken : '',
          vtex: { authToken: ctx.authToken, account: ctx.account },
        }

        return Promise.resolve(field.resolve?.({}, {}, resolverCtx, {})).then(
          (value) => ({ value, error: null as Error | null }),
          (error: Error) => ({ value: null, error })
        )
      }

      it('should let the demo admin through and stop the viewer, with nothing refused on the way', async () => {
        await call(emulator, 'DELETE', '/_emulator/egress')
        await call(emulator, 'DELETE', '/_emulator/refusals')
        await call(emulator, 'POST', '/_emulator/users', {
          body: { token: 'it-admin', email: 'it-admin@x.example', admin: true },
        })
        await call(emulator, 'POST', '/_emulator/users', {
          body: { token: 'it-viewer', email: 'it-viewer@x.example' },
        })

        expect(await resolveAs('it-admin')).toEqual({
          value: 'resolved',
          error: null,
        })
        const viewer = await resolveAs('it-viewer')

        expect(viewer.error?.constructor.name).toBe('ForbiddenError')
        expect((await resolveAs('unknown-token')).error?.constructor.name).toBe(
          'AuthenticationError'
        )
        expect(
          (await call(emulator, 'GET', '/_emulator/egress')).json()
        ).toEqual({ blocked: 0, log: [] })
        expect(
          (await call(emulator, 'GET', '/_emulator/refusals')).json()
        ).toEqual([])
      })
    })
  }
)
