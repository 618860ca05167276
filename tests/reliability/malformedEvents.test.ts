/**
 * Malformed broadcaster events, generated with fast-check, interleaved with valid ones and sent to
 * the real worker: each malformed one is refused with a code (logged and audited as
 * EVENT_REJECTED), the worker stays up, and every valid event in the same stream is evaluated.
 */
import fc from 'fast-check'

import type { Emulator } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import type { Worker } from '../support/worker'
import { graphql, sendEvent } from '../support/worker'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const system = await startSystem()

  emulator = system.emulator
  worker = system.worker
})

afterAll(() => stopSystem({ emulator, worker }))

type Sent =
  | { kind: 'valid'; body: unknown; skuId: string }
  | { kind: 'refused'; body: unknown; code: string }
  | { kind: 'notJson'; body: string }

// Keys that never name the SKU id, whatever their casing or punctuation.
const otherKey = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter(
    (k) =>
      !['idsku', 'skuid'].includes(k.toLowerCase().replace(/[^a-z0-9]/g, ''))
  )
  .filter((k) => k !== '__proto__')

const wrongSkuId = fc.oneof(
  fc.boolean(),
  fc.double({ noNaN: true }).filter((n) => !Number.isSafeInteger(n) || n <= 0),
  fc.integer({ max: 0 }),
  fc.string().filter((s) => !/^\s*[0-9]+\s*$/.test(s) && s.trim() !== ''),
  fc.constant('0000'),
  fc.constant('12345678901234567890'),
  fc.array(fc.nat(), { maxLength: 3 }),
  fc.dictionary(otherKey, fc.nat(), { maxKeys: 3 })
)

const refused = fc.oneof(
  fc
    .array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 })
    .map((body): Sent => ({ kind: 'refused', body, code: 'NOT_AN_OBJECT' })),
  fc
    .dictionary(otherKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 })
    .map((body): Sent => ({ kind: 'refused', body, code: 'MISSING_SKU_ID' })),
  fc
    .tuple(wrongSkuId, fc.constantFrom('IdSku', 'idSku', 'SKUID', 'id_sku'))
    .map(
      ([id, key]): Sent => ({
        kind: 'refused',
        body: { [key]: id, An: 'marketplacea', StockModified: true },
        code: 'INVALID_SKU_ID',
      })
    ),
  fc.integer({ min: 1, max: 200 }).map(
    (n): Sent => ({
      kind: 'refused',
      body: { IdSku: String(n), skuId: String(n + 1) },
      code: 'CONFLICTING_SKU_ID',
    })
  ),
  fc.integer({ min: 65 * 1024, max: 200 * 1024 }).map(
    (size): Sent => ({
      kind: 'refused',
      body: { IdSku: '5', padding: 'x'.repeat(size) },
      code: 'PAYLOAD_TOO_LARGE',
    })
  )
)

// Bodies that are not JSON at all: @vtex/api's body parser refuses them before the handler runs.
const notJson = fc
  .oneof(
    fc.string({ minLength: 1 }),
    fc.constant('{"IdSku": 12'),
    fc.constant('IdSku=12&An=marketplacea'),
    fc.constant('<xml><IdSku>12</IdSku></xml>')
  )
  .filter((s) => {
    try {
      const value = JSON.parse(s)

      return typeof value !== 'object' || value === null
    } catch {
      return true
    }
  })
  .map((body): Sent => ({ kind: 'notJson', body }))

let nextSku = 1

// VTEX's own shape and the spellings the parser accepts (casing, strings for numbers/booleans).
const valid = fc
  .constantFrom(
    (id: string) => ({ IdSku: id, An: 'marketplacea', StockModified: true }),
    (id: string) => ({ idsku: Number(id), an: 'marketplacea' }),
    (id: string) => ({ IDSKU: ` ${id} `, stockModified: 'TRUE' }),
    (id: string) => ({ id_sku: id, HasStockKeepingUnitModified: 1 })
  )
  .map((shape) => (): Sent => {
    const skuId = String(nextSku++)

    return { kind: 'valid', body: shape(skuId), skuId }
  })

const stream = fc
  .tuple(
    fc.array(fc.oneof(refused, notJson), { minLength: 1, maxLength: 5 }),
    fc.array(valid, { minLength: 1, maxLength: 2 })
  )
  .chain(([bad, good]) =>
    fc.shuffledSubarray([...bad, ...good], {
      minLength: bad.length + good.length,
    })
  )

const rejectedLines = () =>
  worker.logs.filter((l) => l.includes('"message":"event-rejected"'))

/** The worker's own record that it evaluated the SKU for an event (governed or not). */
function evaluated(skuId: string) {
  const line = worker.logs.find(
    (l) =>
      l.includes('"message":"event-evaluated"') &&
      l.includes(`"skuId":"${skuId}"`)
  )

  return line
    ? (JSON.parse(line) as { data: { outcome: string } }).data.outcome
    : null
}

describe('given a stream of malformed and valid events', () => {
  it('should refuse each malformed one with its code, stay up, and evaluate every valid one', async () => {
    await fc.assert(
      fc.asyncProperty(stream, async (items) => {
        const sent = items.map((item) =>
          typeof item === 'function' ? item() : item
        )

        const before = rejectedLines().length

        const answers: Array<[number, string]> = []

        for (const item of sent) {
          const res = await (item.kind === 'notJson'
            ? sendEvent(worker, item.body, true)
            : sendEvent(worker, item.body))

          answers.push([res.status, await res.text()])
        }

        // JSON events are acknowledged (204: a retry would fail the same way); a body that is not
        // JSON is refused by @vtex/api's parser, with its reason, before the handler runs.
        const parserRefusal = expect.stringMatching(/^Error parsing event body/)

        expect(answers).toEqual(
          sent.map((item) =>
            item.kind === 'notJson' ? [500, parserRefusal] : [204, '']
          )
        )

        const refusedCodes = sent
          .filter(
            (s): s is Extract<Sent, { kind: 'refused' }> => s.kind === 'refused'
          )
          .map((s) => s.code)
          .sort((a, b) => a.localeCompare(b))

        const logged = rejectedLines()
          .slice(before)
          .map((l) => (JSON.parse(l) as { data: { code: string } }).data.code)
          .sort((a, b) => a.localeCompare(b))

        expect(logged).toEqual(refusedCodes)

        for (const item of sent) {
          if (item.kind !== 'valid') continue
          expect([item.skuId, evaluated(item.skuId)]).toEqual([
            item.skuId,
            expect.any(String),
          ])
        }

        expect(worker.child.exitCode).toBeNull()
        expect((await fetch(`${worker.url}/healthcheck`)).ok).toBe(true)
      }),
      { numRuns: 50, seed: 6 }
    )
  })

  it('should audit each refused payload once, with its code and no more than a sample of it', async () => {
    const body = {
      IdSku: 'not-a-number',
      Reason: 'audit sample check',
      pad: 'y'.repeat(3000),
    }

    await sendEvent(worker, body)
    await sendEvent(worker, body)
    const res = await graphql<{
      auditTrail: { items: Array<{ kind: string; details: string | null }> }
    }>(worker, '{ auditTrail(pageSize: 100) { items { kind details } } }')

    const mine = (res.data?.auditTrail.items ?? []).filter(
      (i) =>
        i.kind === 'EVENT_REJECTED' &&
        (i.details ?? '').includes('audit sample check')
    )

    expect(mine).toHaveLength(1)
    const details = JSON.parse(mine[0].details ?? '{}') as {
      code: string
      sample: string
    }

    expect(details.code).toBe('INVALID_SKU_ID')
    expect(details.sample.length).toBeLessThanOrEqual(500)
    expect(rejectedLines().join('\n')).not.toContain('y'.repeat(600))
  })

  it('should refuse a body of 2 MB without falling over', async () => {
    const res = await sendEvent(worker, {
      IdSku: '7',
      pad: 'z'.repeat(2 * 1024 * 1024),
    })

    expect(res.status).toBeGreaterThanOrEqual(200)
    expect(res.status).not.toBe(200)
    expect(worker.child.exitCode).toBeNull()
    const after = await sendEvent(worker, { IdSku: '217' })

    expect(after.status).toBe(204)
    expect(evaluated('217')).toEqual(expect.any(String))
  })
})
