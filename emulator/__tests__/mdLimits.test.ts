import type { Emulator } from '../index'
import { SCROLL_IDLE_MS } from '../masterdata/mdLimits'
import { AUTH, call, md, start } from './helpers'

const MD_HEADERS = {
  ...AUTH,
  'x-vtex-api-appService': 'marketplacea.marketplace-stock-gate@0.1.0',
}

const ids = (res: { json: <T>() => T }) =>
  res.json<Array<{ id: string }>>().map((d) => d.id)

describe('given a Master Data entity of 12,000 documents', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start({ seed: 'none' })
    const entity = emulator.state.md.entity('BIG')

    for (let i = 0; i < 12_000; i++)
      entity.put(`d${i}`, { id: `d${i}`, n: i, tag: i % 2 ? 'odd' : 'even' })
    entity.schemas.set('v1', {
      type: 'object',
      properties: { n: { type: 'integer' }, tag: { type: 'string' } },
      'v-indexed': ['n'],
    })
  })
  afterAll(() => emulator.close())
  afterEach(() => {
    emulator.state.md.limits.scrolls.clear()
    emulator.state.md.limits.unindexed.clear()
  })

  const get = (path: string, headers: Record<string, string> = {}) =>
    call(emulator, 'GET', md(`/BIG${path}`), {
      headers: { ...MD_HEADERS, ...headers },
    })

  describe('when search pages are asked for', () => {
    it('should serve at most 100 documents per page', async () => {
      const res = await get('/search?_fields=id&_sort=n%20ASC', {
        'REST-Range': 'resources=0-500',
      })

      expect(ids(res)).toHaveLength(100)
      expect(res.headers['rest-content-range']).toBe('resources 0-100/12000')
    })

    it('should serve the 10,000th document and refuse a page past it with 400 {Message}', async () => {
      const last = await get('/search?_fields=id&_sort=n%20ASC', {
        'REST-Range': 'resources=9950-10050',
      })

      expect(ids(last)).toHaveLength(50)
      expect(ids(last)[49]).toBe('d9999')

      const past = await get('/search?_fields=id&_sort=n%20ASC', {
        'REST-Range': 'resources=10000-10100',
      })

      expect(past.status).toBe(400)
      expect(past.json<{ Message: string }>().Message).toMatch(/scroll/)
    })
  })

  describe('when the entity is scrolled', () => {
    it('should serve at most 1,000 per page and every document once', async () => {
      const first = await get('/scroll?_fields=id&_size=5000&_sort=n%20ASC')
      const token = first.headers['x-vtex-md-token'] as string
      const seen = ids(first)

      expect(seen).toHaveLength(1000)
      for (;;) {
        const page = ids(await get(`/scroll?_token=${token}`))

        if (page.length === 0) break
        seen.push(...page)
      }

      expect(new Set(seen).size).toBe(12_000)
      // The empty page ended the scroll: its token is gone.
      expect((await get(`/scroll?_token=${token}`)).status).toBe(400)
    })

    it('should refuse a second scroll of the same query while the first is open', async () => {
      const first = await get('/scroll?_fields=id&_size=10&_where=tag%3Dodd')

      expect(first.status).toBe(200)
      expect(
        (await get('/scroll?_fields=id&_size=10&_where=tag%3Dodd')).status
      ).toBe(400)
      // Another query is another operation.
      expect(
        (await get('/scroll?_fields=id&_size=10&_where=tag%3Deven')).status
      ).toBe(200)
    })

    it('should expire a token after 20 minutes without a request, and not before', async () => {
      const { limits } = emulator.state.md
      let now = Date.now()

      limits.now = () => now
      try {
        const first = await get('/scroll?_fields=id&_size=10')
        const token = first.headers['x-vtex-md-token'] as string

        now += SCROLL_IDLE_MS - 1000
        expect((await get(`/scroll?_token=${token}`)).status).toBe(200)
        // The request above reset the timer.
        now += SCROLL_IDLE_MS - 1000
        expect((await get(`/scroll?_token=${token}`)).status).toBe(200)
        now += SCROLL_IDLE_MS + 1
        const expired = await get(`/scroll?_token=${token}`)

        expect(expired.status).toBe(400)
        expect(expired.json()).toEqual({
          Message: `Operation not found for this token: '${token}'`,
        })
        // Once expired, the same query may be scrolled again.
        expect((await get('/scroll?_fields=id&_size=10')).status).toBe(200)
      } finally {
        limits.now = () => Date.now()
      }
    })
  })

  describe('when a read filters or sorts on a field the schema does not index', () => {
    it('should count it in the control API, and not count indexed or system fields', async () => {
      await get(
        '/search?_fields=id&_where=n%3E5%20AND%20id%3Dd7&_sort=n%20DESC'
      )
      const clean = await fetch(
        `${emulator.url}/_emulator/masterdata/unindexed`
      )

      expect(await clean.json()).toEqual({ total: 0, fields: {} })

      await get('/search?_fields=id&_where=tag%3Dodd&_sort=tag%20ASC')
      await get('/scroll?_fields=id&tag=even')
      const report = await fetch(
        `${emulator.url}/_emulator/masterdata/unindexed`
      )

      expect(await report.json()).toEqual({
        total: 3,
        fields: { 'BIG.tag': 3 },
      })
    })
  })
})
