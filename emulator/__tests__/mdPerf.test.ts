import type { Emulator } from '../index'
import { AUTH, call, md, start } from './helpers'

const MD_HEADERS = {
  ...AUTH,
  'x-vtex-api-appService': 'marketplacea.marketplace-stock-gate@0.1.0',
}

describe('given Master Data v2 at scale', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start({ seed: 'none' })
  })
  afterAll(() => emulator.close())

  describe('when an entity holds 200,000 documents', () => {
    it('should return a filtered, sorted page well under 50 ms', async () => {
      const entity = emulator.state.md.entity('BIG')

      for (let i = 0; i < 200000; i++)
        entity.put(`d${i}`, {
          id: `d${i}`,
          sku: String(i),
          channel: i % 2 ? 'MKB' : 'GGL',
          bucket: `b${i % 1000}`,
          qty: i % 50,
        })
      // first query builds the index for `bucket`
      await call(
        emulator,
        'GET',
        md('/BIG/search?_where=bucket=b1&_fields=id'),
        { headers: MD_HEADERS }
      )
      const started = process.hrtime.bigint()
      const res = await call(
        emulator,
        'GET',
        md(
          `/BIG/search?_where=${encodeURIComponent(
            'bucket=b7 AND qty>3'
          )}&_fields=id,sku&_sort=sku%20DESC`
        ),
        { headers: { ...MD_HEADERS, 'REST-Range': 'resources=0-50' } }
      )

      const ms = Number(process.hrtime.bigint() - started) / 1e6

      expect(res.status).toBe(200)
      expect(res.headers['rest-content-range']).toBe('resources 0-50/200')
      expect(ms).toBeLessThan(50)
    })
  })
})
