import { ProcessMemory } from '../../memory/processMemory'
import { AccountClock, clockOf } from '../vtexClock'

const AT = Date.parse('2026-12-02T12:00:00.000Z')
const date = (ms: number) => new Date(ms).toUTCString()

describe('given an account whose VTEX clock is 2 s behind', () => {
  describe('when answers arrive at different moments of the second', () => {
    it('should keep the tightest bound, near the true skew', () => {
      const clock = new AccountClock()

      for (const into of [900, 400, 50]) {
        const received = AT + into + 20

        clock.record(date(received - 2000 - 20), received)
      }

      expect(clock.behindMs(AT + 1000)).toBe(2070)
    })
  })

  describe('when the clock falls behind by more than the resolution of Date', () => {
    it('should drop the older bounds at once', () => {
      const clock = new AccountClock()

      clock.record(date(AT), AT + 10)
      clock.record(date(AT + 1000 - 2000), AT + 1010)

      expect(clock.behindMs(AT + 1010)).toBe(2010)
    })
  })

  describe('when it falls behind by less', () => {
    it('should follow within two slots of 15 s', () => {
      const clock = new AccountClock()

      clock.record(date(AT), AT + 10)
      clock.record(date(AT + 1000 - 700), AT + 1010)
      expect(clock.behindMs(AT + 1010)).toBe(10)
      clock.record(date(AT + 30_000 - 700), AT + 30_010)
      // Whole seconds: VTEX at 12:00:29.310 answers 12:00:29.
      expect(clock.behindMs(AT + 30_010)).toBe(1010)
    })
  })

  describe('when nothing was measured for ten minutes', () => {
    it('should know nothing', () => {
      const clock = new AccountClock()

      clock.record(date(AT - 2000), AT)
      expect(clock.behindMs(AT + 11 * 60_000)).toBeNull()
    })
  })

  it('should keep each account apart', () => {
    const memory = new ProcessMemory()

    clockOf(memory.account('a')).record(date(AT - 2000), AT)
    expect(clockOf(memory.account('b')).behindMs(AT)).toBeNull()
    expect(clockOf(memory.account('a')).behindMs(AT)).toBe(2000)
  })
})
