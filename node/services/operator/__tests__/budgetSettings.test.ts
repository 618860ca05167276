import { bucketFor } from '../../../clients/budget'
import { ProcessMemory } from '../../../memory/processMemory'
import { applyBudgetSettings } from '../budgetSettings'

describe('budget settings', () => {
  let memory: ProcessMemory

  beforeEach(() => {
    memory = new ProcessMemory()
    jest.useFakeTimers()
  })

  afterEach(() => jest.useRealTimers())

  describe("given account A's settings limit its catalog to 1 request/s", () => {
    it("should slow A's catalog calls only, and still read B's own settings", async () => {
      let reads = 0

      await applyBudgetSettings(memory.account('marketplacea'), async () => {
        reads += 1

        return { catalogRatePerSecond: 1 }
      })
      await applyBudgetSettings(memory.account('othermarket'), async () => {
        reads += 1

        return {}
      })

      expect(reads).toBe(2)

      const granted = async (account: string) => {
        let count = 0
        const calls = Array.from({ length: 5 }, () =>
          bucketFor(memory.account(account), 'catalog')
            .acquire('HIGH')
            .then(() => {
              count += 1
            })
        )

        await jest.advanceTimersByTimeAsync(0)

        return { count, calls }
      }

      const a = await granted('marketplacea')
      const b = await granted('othermarket')

      expect(a.count).toBe(1)
      expect(b.count).toBe(5)
      await jest.advanceTimersByTimeAsync(5_000)
      await Promise.all([...a.calls, ...b.calls])
    })
  })
})
