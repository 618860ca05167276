import type { Emulator } from '../index'
import { APP_AUTH, call, start, vbase } from './helpers'

const BEARER = APP_AUTH
const put = (
  emulator: Emulator,
  path: string,
  body: unknown,
  headers: Record<string, string> = {}
) =>
  call(emulator, 'PUT', vbase(`/state/files/${path}`), {
    body,
    headers: { ...BEARER, ...headers },
  })

describe('given VBase', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start({ seed: 'none' })
  })
  afterAll(() => emulator.close())

  describe('when a file is absent', () => {
    it('should answer 404 on GET and HEAD', async () => {
      expect(
        (
          await call(emulator, 'GET', vbase('/state/files/missing.json'), {
            headers: BEARER,
          })
        ).status
      ).toBe(404)
      expect(
        (
          await call(emulator, 'HEAD', vbase('/state/files/missing.json'), {
            headers: BEARER,
          })
        ).status
      ).toBe(404)
    })

    it('should refuse If-Match on a file that does not exist', async () => {
      expect(
        (
          await put(
            emulator,
            'ghost.json',
            { a: 1 },
            { 'If-Match': '"whatever"' }
          )
        ).status
      ).toBe(412)
    })
  })

  describe('when two workers create the same file with If-None-Match: *', () => {
    it('should let exactly one of them win', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          put(emulator, 'lease.json', { owner: i }, { 'If-None-Match': '*' })
        )
      )

      const statuses = results.map((r) => r.status).sort((x, y) => x - y)

      expect(statuses.filter((s) => s === 200)).toHaveLength(1)
      expect(statuses.filter((s) => s === 412)).toHaveLength(7)
    })
  })

  describe('when two workers update with the same ETag', () => {
    it('should accept the first and answer 412 to the second', async () => {
      const created = await put(emulator, 'doc%2Fcounter.json', { n: 0 })
      const etag = created.headers.etag as string

      expect(created.json()).toEqual([
        { path: 'doc/counter.json', hash: etag.replace(/"/g, '') },
      ])
      const [a, b] = await Promise.all([
        put(emulator, 'doc/counter.json', { n: 1 }, { 'If-Match': etag }),
        put(emulator, 'doc/counter.json', { n: 2 }, { 'If-Match': etag }),
      ])

      expect([a.status, b.status].sort((x, y) => x - y)).toEqual([200, 412])
      const read = await call(
        emulator,
        'GET',
        vbase('/state/files/doc/counter.json'),
        { headers: BEARER }
      )

      expect(read.headers.etag).toBe((a.status === 200 ? a : b).headers.etag)
      expect(read.json()).toEqual(a.status === 200 ? { n: 1 } : { n: 2 })
    })

    it('should apply If-Match to DELETE too', async () => {
      const created = await put(emulator, 'gone.json', { x: 1 })

      expect(
        (
          await call(emulator, 'DELETE', vbase('/state/files/gone.json'), {
            headers: { ...BEARER, 'If-Match': '"stale"' },
          })
        ).status
      ).toBe(412)
      expect(
        (
          await call(emulator, 'DELETE', vbase('/state/files/gone.json'), {
            headers: { ...BEARER, 'If-Match': created.headers.etag as string },
          })
        ).status
      ).toBe(204)
    })
  })

  describe('when files are listed', () => {
    it('should page by prefix the way VBase.listFiles expects', async () => {
      for (const name of ['list/a', 'list/b', 'list/c', 'other/x'])
        await put(emulator, name, { name })
      const first = (
        await call(
          emulator,
          'GET',
          vbase('/state/files?prefix=list/&limit=2'),
          { headers: BEARER }
        )
      ).json<{ data: Array<{ path: string }>; next?: string }>()

      expect(first.data.map((f) => f.path)).toEqual(['list/a', 'list/b'])
      const second = (
        await call(
          emulator,
          'GET',
          vbase(`/state/files?prefix=list/&_next=${first.next}`),
          { headers: BEARER }
        )
      ).json<{ data: Array<{ path: string }>; next?: string }>()

      expect(second.data.map((f) => f.path)).toEqual(['list/c'])
      expect(second.next).toBeUndefined()
    })
  })

  describe('when app settings are saved', () => {
    it('should read them back whatever the version in the app id', async () => {
      const base = 'http://infra.io.vtex.com/apps/v0/marketplacea/master/apps'

      expect(
        (
          await call(
            emulator,
            'GET',
            `${base}/marketplacea.marketplace-stock-gate@0.x/settings`,
            { headers: BEARER }
          )
        ).json()
      ).toEqual({})
      await call(
        emulator,
        'PUT',
        `${base}/marketplacea.marketplace-stock-gate/settings`,
        { headers: BEARER, body: { mode: 'ENFORCE' } }
      )
      expect(
        (
          await call(
            emulator,
            'GET',
            `${base}/marketplacea.marketplace-stock-gate@0.1.0/settings`,
            { headers: BEARER }
          )
        ).json()
      ).toEqual({ mode: 'ENFORCE' })
    })
  })
})
