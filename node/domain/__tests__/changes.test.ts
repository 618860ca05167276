import { decisionChanged, deepEqual } from '../changes'
import { decide } from '../decide'
import type { Decision } from '../types'
import { aBalance, anInput } from './builders'

const base = decide(anInput())

describe('decisionChanged', () => {
  describe('given no previous decision', () => {
    it('should report everything as changed', () => {
      expect(decisionChanged(null, base)).toEqual({
        statusChanged: true,
        reasonsChanged: true,
        availableChanged: true,
        traceChanged: true,
        any: true,
      })
    })
  })

  describe('given a previous decision', () => {
    it.each<[string, Partial<Decision>, [boolean, boolean, boolean, boolean]]>([
      ['nothing changed', {}, [false, false, false, false]],
      [
        'the status',
        { status: 'WITHHELD', reasons: ['NO_PRICE'] },
        [true, true, false, true],
      ],
      [
        'only the reasons',
        { reasons: ['MANUAL_ALLOW'] },
        [false, true, false, true],
      ],
      ['only the quantity', { available: 3 }, [false, false, true, true]],
      [
        'available becomes unlimited',
        { available: null },
        [false, false, true, true],
      ],
      ['only the trace', { trace: [] }, [false, false, false, false]],
    ])(
      '%s should be reported as such',
      (_, patch, [status, reasons, available, any]) => {
        const next = { ...base, ...patch }

        expect(decisionChanged(base, next)).toMatchObject({
          statusChanged: status,
          reasonsChanged: reasons,
          availableChanged: available,
          any,
        })
      }
    )

    it('should not count the same reasons in another order as a change', () => {
      const prev: Decision = {
        ...base,
        status: 'WITHHELD',
        reasons: ['NO_PRICE', 'SKU_INACTIVE'],
      }

      const next: Decision = { ...prev, reasons: ['SKU_INACTIVE', 'NO_PRICE'] }

      expect(decisionChanged(prev, next).reasonsChanged).toBe(false)
    })

    it('should count a repeated reason as a change', () => {
      const prev: Decision = {
        ...base,
        status: 'WITHHELD',
        reasons: ['NO_PRICE', 'NO_PRICE'],
      }

      const next: Decision = { ...prev, reasons: ['NO_PRICE', 'SKU_INACTIVE'] }

      expect(decisionChanged(prev, next).reasonsChanged).toBe(true)
    })

    it('should see reservations moving without the sum changing as a trace change only', () => {
      const next = decide(
        anInput({
          inventory: [aBalance({ totalQuantity: 12, reservedQuantity: 2 })],
        })
      )

      expect(decisionChanged(base, next)).toEqual({
        statusChanged: false,
        reasonsChanged: false,
        availableChanged: false,
        traceChanged: true,
        any: false,
      })
    })

    it('should see a decision read back from JSON as unchanged', () => {
      const stored = JSON.parse(JSON.stringify(base)) as Decision

      expect(decisionChanged(stored, decide(anInput()))).toMatchObject({
        traceChanged: false,
        any: false,
      })
    })
  })
})

describe('deepEqual', () => {
  it.each<[unknown, unknown, boolean]>([
    [1, 1, true],
    [1, '1', false],
    [null, null, true],
    [null, {}, false],
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, true],
    [{ a: 1 }, { a: 2 }, false],
    [[1, 2], [2, 1], false],
    [[1], { 0: 1 }, false],
    [NaN, NaN, true],
  ])('%j and %j should be equal=%p', (a, b, equal) => {
    expect(deepEqual(a, b)).toBe(equal)
  })
})
