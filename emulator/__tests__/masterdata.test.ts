import type { Emulator } from '../index'
import { byText } from '../server/http'
import { AUTH, call, md, start } from './helpers'

const MD_HEADERS = {
  ...AUTH,
  'x-vtex-api-appService': 'marketplacea.marketplace-stock-gate@0.1.0',
}

describe('given Master Data v2', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start({ seed: 'none' })
    const docs = [
      {
        id: 'a',
        sku: '1',
        status: 'exposed',
        channel: 'MKB',
        qty: 3,
        tags: ['red', 'big'],
        note: 'first one',
      },
      {
        id: 'b',
        sku: '2',
        status: 'held',
        channel: 'MKB',
        qty: 0,
        tags: ['blue'],
      },
      {
        id: 'c',
        sku: '3',
        status: 'exposed',
        channel: 'GGL',
        qty: 12,
        tags: [],
        note: 'third one',
      },
      {
        id: 'd',
        sku: '4',
        status: 'withdrawn',
        channel: 'GGL',
        qty: 7,
        tags: ['red'],
      },
    ]

    for (const doc of docs)
      await call(emulator, 'POST', md('/EX/documents'), {
        body: doc,
        headers: MD_HEADERS,
      })
  })
  afterAll(() => emulator.close())

  const search = async (
    query: string,
    headers: Record<string, string> = {}
  ) => {
    const res = await call(
      emulator,
      'GET',
      md(`/EX/search?_fields=id&${query}`),
      { headers: { ...MD_HEADERS, ...headers } }
    )

    return {
      ids: res.json<Array<{ id: string }>>().map((d) => d.id),
      range: res.headers['rest-content-range'],
    }
  }

  describe('when documents are written and read', () => {
    it('should answer POST with 201 {Id, Href, DocumentId} and GET with the chosen fields', async () => {
      const created = await call(emulator, 'POST', md('/EX/documents'), {
        body: { sku: '9' },
        headers: MD_HEADERS,
      })

      expect(created.status).toBe(201)
      const { DocumentId, Id } = created.json<{
        DocumentId: string
        Id: string
      }>()

      expect(Id).toBe(`EX-${DocumentId}`)
      const read = await call(
        emulator,
        'GET',
        md(`/EX/documents/${DocumentId}?_fields=sku`),
        { headers: MD_HEADERS }
      )

      expect(read.json()).toEqual({ sku: '9' })
      expect(
        (
          await call(emulator, 'DELETE', md(`/EX/documents/${DocumentId}`), {
            headers: MD_HEADERS,
          })
        ).status
      ).toBe(204)
      expect(
        (
          await call(emulator, 'GET', md(`/EX/documents/${DocumentId}`), {
            headers: MD_HEADERS,
          })
        ).status
      ).toBe(404)
    })

    it('should merge on PATCH and replace on PUT', async () => {
      await call(emulator, 'PUT', md('/EX/documents/z'), {
        body: { a: 1, b: 2 },
        headers: MD_HEADERS,
      })
      await call(emulator, 'PATCH', md('/EX/documents/z'), {
        body: { b: 3 },
        headers: MD_HEADERS,
      })
      expect(
        (
          await call(emulator, 'GET', md('/EX/documents/z?_fields=a,b'), {
            headers: MD_HEADERS,
          })
        ).json()
      ).toEqual({ a: 1, b: 3 })
      await call(emulator, 'PUT', md('/EX/documents/z'), {
        body: { c: 4 },
        headers: MD_HEADERS,
      })
      expect(
        (
          await call(emulator, 'GET', md('/EX/documents/z?_fields=_all'), {
            headers: MD_HEADERS,
          })
        ).json()
      ).toMatchObject({
        id: 'z',
        c: 4,
        dataEntityId: 'EX',
        accountName: 'marketplacea',
      })
      await call(emulator, 'DELETE', md('/EX/documents/z'), {
        headers: MD_HEADERS,
      })
    })
  })

  describe('when searching with _where', () => {
    it.each([
      ['status=exposed', ['a', 'c']],
      ['status="exposed" AND channel=MKB', ['a']],
      ['(status=held OR status=withdrawn) AND channel=GGL', ['d']],
      ['note=*one*', ['a', 'c']],
      ['note is null', ['b', 'd']],
      ['note is not null', ['a', 'c']],
      ['qty>5', ['c', 'd']],
      ['qty<5', ['a', 'b']],
      ['qty between 3 AND 7', ['a', 'd']],
      ['tags=red', ['a', 'd']],
      ['note="first one"', ['a']],
      ['note=*rst on* AND status=exposed', ['a']],
      ['status<>exposed', ['b', 'd']],
    ])('%s', async (where, expected) => {
      expect(
        (await search(`_where=${encodeURIComponent(where)}`)).ids.sort(byText)
      ).toEqual(expected)
    })

    it('should sort and page with REST-Range', async () => {
      const page = await search('_sort=qty%20DESC', {
        'REST-Range': 'resources=1-3',
      })

      expect(page.ids).toEqual(['d', 'a'])
      expect(page.range).toBe('resources 1-3/4')
    })

    it('should page with _from/_to and plain field filters', async () => {
      expect((await search('_from=0&_to=0&_sort=sku%20ASC')).ids).toEqual(['a'])
      expect((await search('channel=GGL')).ids.sort(byText)).toEqual(['c', 'd'])
    })

    it('should scroll with X-VTEX-MD-TOKEN until an empty page', async () => {
      const first = await call(
        emulator,
        'GET',
        md('/EX/scroll?_size=3&_fields=id&_sort=sku%20ASC'),
        { headers: MD_HEADERS }
      )

      const token = first.headers['x-vtex-md-token'] as string
      const second = await call(
        emulator,
        'GET',
        md(`/EX/scroll?_token=${token}`),
        { headers: MD_HEADERS }
      )

      const third = await call(
        emulator,
        'GET',
        md(`/EX/scroll?_token=${token}`),
        { headers: MD_HEADERS }
      )

      expect(first.json<Array<{ id: string }>>().map((d) => d.id)).toEqual([
        'a',
        'b',
        'c',
      ])
      expect(second.json<Array<{ id: string }>>().map((d) => d.id)).toEqual([
        'd',
      ])
      expect(third.json()).toEqual([])
    })

    it('should answer 400 to a malformed _where', async () => {
      const res = await call(
        emulator,
        'GET',
        md(`/EX/search?_where=${encodeURIComponent('(status=a')}`),
        { headers: MD_HEADERS }
      )

      expect(res.status).toBe(400)
    })
  })

  describe('when a schema is stored', () => {
    it('should validate writes that name it', async () => {
      const schema = {
        properties: { sku: { type: 'string' } },
        required: ['sku'],
      }

      expect(
        (
          await call(
            emulator,
            'PUT',
            'http://marketplacea.vtexcommercestable.com.br/api/dataentities/SC/schemas/v1',
            { body: schema, headers: MD_HEADERS }
          )
        ).status
      ).toBe(200)
      expect(
        (
          await call(emulator, 'GET', md('/SC/schemas/v1'), {
            headers: MD_HEADERS,
          })
        ).json()
      ).toEqual(schema)
      expect(
        (
          await call(emulator, 'POST', md('/SC/documents?_schema=v1'), {
            body: { sku: 1 },
            headers: MD_HEADERS,
          })
        ).status
      ).toBe(400)
      expect(
        (
          await call(emulator, 'POST', md('/SC/documents?_schema=v1'), {
            body: { sku: '1' },
            headers: MD_HEADERS,
          })
        ).status
      ).toBe(201)
    })
  })
})
