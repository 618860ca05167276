import fc from 'fast-check'

import { MAX_EVENT_BYTES, parseBroadcasterEvent } from '../events'
import type { EventErrorCode } from '../events'
import type { BroadcasterEvent } from '../types'

const FULL = {
  IdSku: '15',
  An: 'accountname',
  IdAffiliate: 'SPT',
  DateModified: '2018-08-20T15:11:28.1978783Z',
  IsActive: false,
  StockModified: false,
  PriceModified: false,
  HasStockKeepingUnitModified: true,
  HasStockKeepingUnitRemovedFromAffiliate: false,
}

const EMPTY_EVENT: Omit<BroadcasterEvent, 'skuId'> = {
  productId: null,
  account: null,
  affiliateId: null,
  isActive: null,
  stockModified: null,
  priceModified: null,
  skuModified: null,
  removedFromAffiliate: null,
  dateModified: null,
}

describe('parseBroadcasterEvent', () => {
  describe('given the full payload from VTEX documentation', () => {
    it('should read every field', () => {
      expect(parseBroadcasterEvent({ ...FULL, ProductId: 7 })).toEqual({
        ok: true,
        event: {
          skuId: '15',
          productId: '7',
          account: 'accountname',
          affiliateId: 'SPT',
          isActive: false,
          stockModified: false,
          priceModified: false,
          skuModified: true,
          removedFromAffiliate: false,
          dateModified: '2018-08-20T15:11:28.1978783Z',
        },
      })
    })
  })

  describe('given the minimal payload an IO app logged', () => {
    it('should accept it with the missing fields as null', () => {
      expect(
        parseBroadcasterEvent({ HasStockKeepingUnitModified: true, IdSku: '1' })
      ).toEqual({
        ok: true,
        event: { ...EMPTY_EVENT, skuId: '1', skuModified: true },
      })
    })
  })

  describe('when the SKU id varies in form', () => {
    it.each<[string, unknown, string]>([
      ['a string', '15', '15'],
      ['a number', 15, '15'],
      ['padded with spaces', ' 15 ', '15'],
      ['with leading zeros', '0015', '15'],
      ['19 digits', '9223372036854775807', '9223372036854775807'],
      ['a whole float', 15.0, '15'],
    ])('%s should be read', (_, IdSku, skuId) => {
      expect(parseBroadcasterEvent({ IdSku })).toMatchObject({
        ok: true,
        event: { skuId },
      })
    })

    it.each<[string, unknown, EventErrorCode]>([
      ['absent', undefined, 'MISSING_SKU_ID'],
      ['null', null, 'MISSING_SKU_ID'],
      ['empty', '', 'MISSING_SKU_ID'],
      ['zero', '0', 'INVALID_SKU_ID'],
      ['the number zero', 0, 'INVALID_SKU_ID'],
      ['negative', -3, 'INVALID_SKU_ID'],
      ['a negative string', '-3', 'INVALID_SKU_ID'],
      ['fractional', 1.5, 'INVALID_SKU_ID'],
      ['beyond 2^53 as a number', 2 ** 60, 'INVALID_SKU_ID'],
      ['20 digits', '12345678901234567890', 'INVALID_SKU_ID'],
      ['hexadecimal', '0x1F', 'INVALID_SKU_ID'],
      ['exponent notation', '1e3', 'INVALID_SKU_ID'],
      ['a decimal string', '12.0', 'INVALID_SKU_ID'],
      ['a boolean', true, 'INVALID_SKU_ID'],
      ['an object', { id: 1 }, 'INVALID_SKU_ID'],
      ['NaN', NaN, 'INVALID_SKU_ID'],
    ])('%s should be refused', (_, IdSku, code) => {
      expect(parseBroadcasterEvent({ IdSku })).toMatchObject({
        ok: false,
        code,
      })
    })
  })

  describe('when field names vary in casing', () => {
    it.each([
      'IdSku',
      'idSku',
      'idSKU',
      'IDSKU',
      'idsku',
      'id_sku',
      'Id-Sku',
      'skuId',
    ])('%s should name the SKU id', (key) => {
      expect(parseBroadcasterEvent({ [key]: '42' })).toMatchObject({
        ok: true,
        event: { skuId: '42' },
      })
    })

    it('should read the lower-case spellings of the documentation tables', () => {
      expect(
        parseBroadcasterEvent({
          idSKU: '9',
          productId: '3',
          an: 'store',
          idAffiliate: 'MKB',
          isActive: 'True',
          stockModified: '1',
        })
      ).toEqual({
        ok: true,
        event: {
          ...EMPTY_EVENT,
          skuId: '9',
          productId: '3',
          account: 'store',
          affiliateId: 'MKB',
          isActive: true,
          stockModified: true,
        },
      })
    })

    it('should prefer VTEX spelling when a field comes twice', () => {
      expect(
        parseBroadcasterEvent({ isactive: true, IsActive: false, IdSku: '5' })
      ).toMatchObject({ ok: true, event: { isActive: false } })
    })

    it('should accept two spellings of the same SKU id', () => {
      expect(parseBroadcasterEvent({ IdSku: '5', idsku: 5 })).toMatchObject({
        ok: true,
        event: { skuId: '5' },
      })
    })

    it('should refuse two spellings naming different SKUs', () => {
      expect(parseBroadcasterEvent({ IdSku: '5', idSKU: '6' })).toMatchObject({
        ok: false,
        code: 'CONFLICTING_SKU_ID',
      })
    })
  })

  describe('when booleans come in other forms', () => {
    it.each<[unknown, boolean | null]>([
      [true, true],
      [false, false],
      ['true', true],
      ['False', false],
      [' TRUE ', true],
      ['1', true],
      ['0', false],
      [1, true],
      [0, false],
      ['yes', null],
      [2, null],
      [null, null],
      [{}, null],
    ])('StockModified %p should read as %p', (value, expected) => {
      expect(
        parseBroadcasterEvent({ IdSku: '1', StockModified: value })
      ).toMatchObject({ ok: true, event: { stockModified: expected } })
    })
  })

  describe('when other fields are odd', () => {
    it.each<[string, Record<string, unknown>, Partial<BroadcasterEvent>]>([
      ['a product id as a number', { ProductId: 8 }, { productId: '8' }],
      ['an invalid product id', { ProductId: 'abc' }, { productId: null }],
      ['an empty account', { An: '  ' }, { account: null }],
      ['an account as a number', { An: 12 }, { account: null }],
      ['unknown fields', { SellerChain: 'a/b', Version: '2', Foo: [1] }, {}],
    ])('%s should be read leniently', (_, extra, expected) => {
      expect(parseBroadcasterEvent({ IdSku: '1', ...extra })).toEqual({
        ok: true,
        event: { ...EMPTY_EVENT, skuId: '1', ...expected },
      })
    })
  })

  describe('when the body is not an object', () => {
    it.each<[string, unknown, EventErrorCode | 'OK']>([
      ['a JSON string of an object', JSON.stringify(FULL), 'OK'],
      [
        'a JSON string encoded twice',
        JSON.stringify(JSON.stringify(FULL)),
        'OK',
      ],
      ['bytes of JSON', Buffer.from(JSON.stringify(FULL)), 'OK'],
      ['a non-JSON string', 'IdSku=15', 'INVALID_JSON'],
      ['a JSON array', '[1,2]', 'NOT_AN_OBJECT'],
      ['null', null, 'NOT_AN_OBJECT'],
      ['undefined', undefined, 'NOT_AN_OBJECT'],
      ['a number', 15, 'NOT_AN_OBJECT'],
      ['an array', [FULL], 'NOT_AN_OBJECT'],
      [
        'a JSON string of a string of a string',
        JSON.stringify(JSON.stringify('"x"')),
        'NOT_AN_OBJECT',
      ],
    ])('%s should give %s', (_, body, code) => {
      const result = parseBroadcasterEvent(body)

      expect(result.ok ? 'OK' : result.code).toBe(code)
    })
  })

  describe('when the payload is too large', () => {
    it.each<[string, unknown]>([
      [
        'a string over 64 kB',
        JSON.stringify({ IdSku: '1', pad: 'x'.repeat(MAX_EVENT_BYTES) }),
      ],
      [
        'an object over 64 kB',
        { IdSku: '1', pad: 'x'.repeat(MAX_EVENT_BYTES) },
      ],
      [
        'an object over 64 kB in multi-byte characters',
        { IdSku: '1', pad: 'é'.repeat(MAX_EVENT_BYTES / 2) },
      ],
      [
        'an object with 201 keys',
        Object.fromEntries([
          ['IdSku', '1'],
          ...Array.from({ length: 200 }, (_, i) => [`k${i}`, i]),
        ]),
      ],
    ])('%s should be refused', (_, body) => {
      expect(parseBroadcasterEvent(body)).toMatchObject({
        ok: false,
        code: 'PAYLOAD_TOO_LARGE',
      })
    })

    it('should accept 200 keys', () => {
      const body = Object.fromEntries([
        ['IdSku', '1'],
        ...Array.from({ length: 199 }, (_, i) => [`k${i}`, i]),
      ])

      expect(parseBroadcasterEvent(body).ok).toBe(true)
    })

    it('should refuse a cyclic object instead of throwing', () => {
      const body: Record<string, unknown> = { IdSku: '1' }

      body.self = body
      expect(parseBroadcasterEvent(body)).toMatchObject({
        ok: false,
        code: 'NOT_AN_OBJECT',
      })
    })
  })

  describe('properties', () => {
    const validId = fc.oneof(
      fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      fc
        .stringMatching(/^[0-9]{1,19}$/)
        .filter((digits) => /[1-9]/.test(digits))
    )

    const casing = fc
      .tuple(
        fc.constantFrom('idsku', 'id_sku', 'id-sku'),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 })
      )
      .map(([name, upper]) =>
        name
          .split('')
          .map((ch, i) => (upper[i] ? ch.toUpperCase() : ch))
          .join('')
      )

    it('should never throw, whatever the body', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.anything(),
            fc.json(),
            fc.string(),
            fc.jsonValue().map((v) => JSON.stringify(v))
          ),
          (body) => {
            const result = parseBroadcasterEvent(body)

            expect(typeof result.ok).toBe('boolean')
          }
        ),
        { numRuns: 500 }
      )
    })

    it('should accept any valid SKU id under any casing, beside arbitrary unknown fields', () => {
      fc.assert(
        fc.property(
          validId,
          casing,
          fc.dictionary(
            fc.string({ maxLength: 8 }).map((k) => `x${k}`),
            fc.jsonValue(),
            { maxKeys: 5 }
          ),
          fc.boolean(),
          (id, key, extra, asJson) => {
            const payload = { ...extra, [key]: id }
            const result = parseBroadcasterEvent(
              asJson ? JSON.stringify(payload) : payload
            )

            const canonical = String(id).replace(/^0+/, '')

            expect(result).toMatchObject({
              ok: true,
              event: { skuId: canonical },
            })
          }
        )
      )
    })
  })
})
