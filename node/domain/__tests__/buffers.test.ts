import {
  bufferFor,
  bufferId,
  buffersOn,
  MAX_BUFFERS,
  matchingBuffers,
  putBuffer,
  removeBuffer,
  validateBufferInput,
} from '../buffers'
import type { StockBuffer } from '../buffers'
import { decide } from '../decide'
import { rulesChangedSince } from '../rulesChanged'
import { aBalance, aChannel, anInput, NOW } from './builders'

const aBuffer = (patch: Partial<StockBuffer> = {}): StockBuffer => ({
  scope: 'PRODUCT',
  targetId: '10',
  channel: 'MKB',
  exposeAt: 3,
  withdrawBelow: 3,
  note: 'MKB oversells',
  by: 'ops@example.com',
  at: NOW,
  ...patch,
})

// SKU 100 of product 10 (builders.ts).
const skuAll = aBuffer({ scope: 'SKU', targetId: '100', channel: null })
const skuMkb = aBuffer({ scope: 'SKU', targetId: '100' })
const productAll = aBuffer({ channel: null })
const productMkb = aBuffer()

const stockDetails = (buffers: StockBuffer[], available: number) =>
  decide(
    anInput({
      channel: aChannel({ buffers }),
      inventory: [aBalance({ totalQuantity: available })],
    })
  ).trace.find((r) => r.rule === 'MARKETPLACE_STOCK')

describe('bufferFor', () => {
  it.each([
    ['a SKU buffer over a product one', [productMkb, skuAll], bufferId(skuAll)],
    [
      "a channel's own over an all-channels one",
      [productAll, productMkb],
      bufferId(productMkb),
    ],
    [
      "the SKU's channel buffer over everything",
      [productAll, productMkb, skuAll, skuMkb],
      bufferId(skuMkb),
    ],
    ['an all-channels product buffer alone', [productAll], 'PRODUCT-10-ALL'],
  ])('should pick %s', (_, buffers, expected) => {
    expect(
      bufferId(bufferFor(buffers, 'MKB', '100', '10') as StockBuffer)
    ).toBe(expected)
  })

  it.each([
    ['another channel', [productMkb], 'GGL', '100', '10'],
    ['another product', [productMkb], 'MKB', '101', '11'],
    ['another SKU of the product', [skuMkb], 'MKB', '101', '10'],
    ['a SKU with no product known', [productAll], 'MKB', '100', null],
  ])('should find none for %s', (_, buffers, channel, skuId, productId) => {
    expect(bufferFor(buffers, channel, skuId, productId)).toBeNull()
  })

  it('should list the buffers it outranks after the one used', () => {
    expect(
      matchingBuffers([productAll, skuAll, productMkb], 'MKB', '100', '10').map(
        bufferId
      )
    ).toEqual(['SKU-100-ALL', 'PRODUCT-10-MKB', 'PRODUCT-10-ALL'])
  })

  it('should give a channel its own buffers and the all-channels ones only', () => {
    expect(
      buffersOn([productMkb, productAll, aBuffer({ channel: 'GGL' })], 'MKB')
    ).toEqual([productMkb, productAll])
  })
})

describe('decide with a stock buffer', () => {
  it("should withhold a SKU the channel would expose when its product's buffer asks for more", () => {
    const stock = stockDetails([productMkb], 2)

    expect(stock?.passed).toBe(false)
    expect(stock?.reason).toBe('NO_MARKETPLACE_STOCK')
    expect(stock?.details).toMatchObject({
      available: 2,
      threshold: 3,
      thresholdKind: 'exposeAt',
      exposeAt: 1,
      withdrawBelow: 1,
      thresholdsFrom: 'BUFFER',
      buffer: { id: 'PRODUCT-10-MKB', exposeAt: 3, note: 'MKB oversells' },
    })
  })

  it('should say the channel thresholds were used when no buffer applies', () => {
    const stock = stockDetails([aBuffer({ targetId: '11' })], 2)

    expect(stock?.passed).toBe(true)
    expect(stock?.details).toMatchObject({
      threshold: 1,
      thresholdsFrom: 'CHANNEL',
      buffer: null,
    })
  })

  it('should name the buffers the one used outranked', () => {
    const stock = stockDetails(
      [productMkb, aBuffer({ scope: 'SKU', targetId: '100', exposeAt: 2 })],
      2
    )

    expect(stock?.passed).toBe(true)
    expect(stock?.details).toMatchObject({
      threshold: 2,
      buffer: { id: 'SKU-100-MKB' },
      buffersOutranked: ['PRODUCT-10-MKB'],
    })
  })

  it.each([
    // [buffer exposeAt, withdrawBelow, available, previous status, exposed?]
    [5, 2, 4, null, false],
    [5, 2, 5, null, true],
    [5, 2, 2, 'EXPOSED', true],
    [5, 2, 1, 'EXPOSED', false],
    // withdrawBelow above exposeAt (a stored document) is capped at exposeAt
    [3, 9, 3, 'EXPOSED', true],
  ] as const)(
    'should apply hysteresis with the buffer: exposeAt %i, withdrawBelow %i, %i available, was %s',
    (exposeAt, withdrawBelow, available, previousStatus, exposed) => {
      const decision = decide(
        anInput({
          channel: aChannel({
            buffers: [aBuffer({ exposeAt, withdrawBelow })],
          }),
          inventory: [aBalance({ totalQuantity: available })],
          previousStatus,
        })
      )

      expect(decision.status).toBe(exposed ? 'EXPOSED' : 'WITHHELD')
    }
  )

  it('should lower the threshold too: a buffer replaces the channel thresholds', () => {
    const decision = decide(
      anInput({
        channel: aChannel({
          exposeAt: 5,
          withdrawBelow: 5,
          buffers: [aBuffer({ exposeAt: 1, withdrawBelow: 1 })],
        }),
        inventory: [aBalance({ totalQuantity: 2 })],
      })
    )

    expect(decision.status).toBe('EXPOSED')
  })
})

describe('rulesChangedSince with buffers', () => {
  const channel = aChannel()
  const rules = {
    exposeAt: channel.exposeAt,
    withdrawBelow: channel.withdrawBelow,
    requirePrice: channel.requirePrice,
    sellerAllow: channel.sellerAllow,
    sellerDeny: channel.sellerDeny,
  }

  const without = decide(anInput()).trace
  const withBuffer = decide(
    anInput({ channel: aChannel({ buffers: [productMkb] }) })
  ).trace

  it.each([
    ['no buffer then and now', without, null, []],
    ['the same buffer then and now', withBuffer, productMkb, []],
    ['a buffer added since', without, productMkb, ['buffer']],
    ['the buffer removed since', withBuffer, null, ['buffer']],
    [
      "the buffer's threshold changed",
      withBuffer,
      aBuffer({ exposeAt: 4 }),
      ['buffer'],
    ],
    ['another buffer applies now', withBuffer, skuMkb, ['buffer']],
  ])('should say %s', (_, trace, now, expected) => {
    expect(rulesChangedSince(trace, rules, now)).toEqual(expected)
  })

  it("should not name the channel's thresholds when a buffer replaced them then and now", () => {
    expect(
      rulesChangedSince(
        withBuffer,
        { ...rules, exposeAt: 9, withdrawBelow: 9 },
        productMkb
      )
    ).toEqual([])
    // Without a buffer now, the channel's new thresholds are what applies: both are named.
    expect(
      rulesChangedSince(withBuffer, { ...rules, exposeAt: 9, withdrawBelow: 9 })
    ).toEqual(['exposeAt', 'withdrawBelow', 'buffer'])
  })

  it('should say nothing of a trace that never reached the stock rule', () => {
    const missing = decide(anInput({ sku: null, skuId: '100' })).trace

    expect(rulesChangedSince(missing, rules, productMkb)).toEqual([])
  })
})

describe('validateBufferInput', () => {
  const valid = {
    scope: 'PRODUCT',
    targetId: ' 010 ',
    channel: 'MKB',
    exposeAt: 3,
    withdrawBelow: 2,
    note: '  MKB oversells  ',
  }

  it('should canonicalise the id and trim the note', () => {
    expect(validateBufferInput(valid, ['MKB'])).toEqual({
      ok: true,
      value: {
        scope: 'PRODUCT',
        targetId: '10',
        channel: 'MKB',
        exposeAt: 3,
        withdrawBelow: 2,
        note: 'MKB oversells',
      },
    })
  })

  it.each([null, undefined, ''])(
    'should read channel %p as every channel',
    (channel) => {
      const result = validateBufferInput({ ...valid, channel }, ['MKB'])

      expect(result.ok && result.value.channel).toBeNull()
    }
  )

  it.each([
    [{ scope: 'BRAND' }, ['INVALID_BUFFER_SCOPE']],
    [{ targetId: 'shirt' }, ['INVALID_TARGET_ID']],
    [{ targetId: '0' }, ['INVALID_TARGET_ID']],
    [{ channel: 'ZZZ' }, ['UNKNOWN_CHANNEL']],
    [{ exposeAt: -1 }, ['NEGATIVE_THRESHOLD']],
    [{ exposeAt: 2.5 }, ['THRESHOLD_NOT_INTEGER']],
    [{ exposeAt: '3' }, ['THRESHOLD_NOT_INTEGER']],
    [{ exposeAt: 0, withdrawBelow: 0 }, ['THRESHOLD_BELOW_ONE']],
    [{ exposeAt: 1_000_001 }, ['THRESHOLD_TOO_LARGE']],
    [{ exposeAt: 2, withdrawBelow: 3 }, ['WITHDRAW_ABOVE_EXPOSE']],
    [{ note: '   ' }, ['NOTE_REQUIRED']],
    [{ note: 'x'.repeat(501) }, ['NOTE_TOO_LONG']],
    [
      { scope: 'X', targetId: 'a', note: '' },
      ['INVALID_BUFFER_SCOPE', 'INVALID_TARGET_ID', 'NOTE_REQUIRED'],
    ],
  ])('should refuse %p with %p', (patch, codes) => {
    expect(validateBufferInput({ ...valid, ...patch }, ['MKB'])).toEqual({
      ok: false,
      errors: codes,
    })
  })
})

describe('putBuffer and removeBuffer', () => {
  const value = {
    scope: 'PRODUCT' as const,
    targetId: '10',
    channel: 'MKB',
    exposeAt: 3,
    withdrawBelow: 3,
    note: 'n',
  }

  it('should add a new buffer with who and when', () => {
    const result = putBuffer([], value, 'ops@example.com', NOW)

    expect(result).toEqual({
      ok: true,
      buffers: [{ ...value, by: 'ops@example.com', at: NOW }],
      before: null,
      after: { ...value, by: 'ops@example.com', at: NOW },
    })
  })

  it('should change the buffer of the same target and channel, keeping what it was', () => {
    const result = putBuffer(
      [productMkb, productAll],
      { ...value, exposeAt: 5, withdrawBelow: 4 },
      'b@example.com',
      '2026-11-27T00:00:00.000Z'
    )

    expect(result.ok && result.before).toEqual(productMkb)
    expect(result.ok && result.buffers).toEqual([
      {
        ...value,
        exposeAt: 5,
        withdrawBelow: 4,
        by: 'b@example.com',
        at: '2026-11-27T00:00:00.000Z',
      },
      productAll,
    ])
  })

  it('should refuse a new buffer past the limit, but still change an existing one', () => {
    const full = Array.from({ length: MAX_BUFFERS }, (_, i) =>
      aBuffer({ targetId: String(i + 1) })
    )

    expect(putBuffer(full, { ...value, targetId: '9999' }, 'a', NOW)).toEqual({
      ok: false,
      errors: ['TOO_MANY_BUFFERS'],
    })
    expect(putBuffer(full, value, 'a', NOW).ok).toBe(true)
  })

  it('should remove a buffer by id and say when there is none', () => {
    expect(removeBuffer([productMkb, productAll], 'PRODUCT-10-MKB')).toEqual({
      ok: true,
      buffers: [productAll],
      before: productMkb,
      after: null,
    })
    expect(removeBuffer([productAll], 'PRODUCT-10-MKB')).toEqual({
      ok: false,
      errors: ['BUFFER_NOT_FOUND'],
    })
  })
})
