import type { Clients } from '../../../clients'
import { ProcessMemory } from '../../../memory/processMemory'
import { ensureLocalTicker } from '../env'
import { tick } from '../runner'

// The tick itself and what rides on it are other tests' business: here, whom it ticks for.
jest.mock('../runner', () => ({
  tick: jest.fn(async () => ({ outcome: 'IDLE', runId: null })),
}))
jest.mock('../../compose', () => ({
  engineDeps: (clients: Clients) => ({ tenant: clients.stateDocs.tenant }),
}))
jest.mock('../../enforcement/pendingWrites', () => ({
  settleInBackground: jest.fn(),
}))
jest.mock('../../evaluation/settleTick', () => ({
  settleUnsettledInBackground: jest.fn(),
}))
jest.mock('../expiries', () => ({ expireDue: jest.fn(async () => {}) }))
jest.mock('../../attention/tick', () => ({ attentionInBackground: jest.fn() }))
jest.mock('../../trends/record', () => ({
  recordTrendsInBackground: jest.fn(),
}))

const log = { info: jest.fn(), warn: jest.fn(), error: jest.fn() }
// The process that serves the test's requests (a new one per test).
let memory = new ProcessMemory()
const clientsOf = (account: string, workspace: string) =>
  ({
    catalog: {},
    stateDocs: { tenant: { account, workspace } },
    memory,
  } as unknown as Clients)

const ticked = () =>
  (tick as jest.Mock).mock.calls.map(
    ([env]) => `${env.deps.tenant.account}/${env.deps.tenant.workspace}`
  )

describe('given the local ticker on (RECONCILE_LOCAL_TICK_MS=100)', () => {
  beforeEach(() => {
    jest.useFakeTimers()
    process.env.RECONCILE_LOCAL_TICK_MS = '100'
    ;(tick as jest.Mock).mockClear()
  })
  afterEach(() => {
    memory.clear()
    memory = new ProcessMemory()
    delete process.env.RECONCILE_LOCAL_TICK_MS
    jest.useRealTimers()
  })

  describe('when requests of two accounts and a workspace reach a reconciliation edge', () => {
    it('should tick each tenant on its own, once per period, with its own clients', () => {
      ensureLocalTicker(clientsOf('marketplacea', 'master'), log)
      ensureLocalTicker(clientsOf('othermarket', 'master'), log)
      ensureLocalTicker(clientsOf('marketplacea', 'dev'), log)
      // A tenant's later request keeps its ticker: no second one.
      ensureLocalTicker(clientsOf('othermarket', 'master'), log)
      jest.advanceTimersByTime(100)

      expect(ticked().sort((a, b) => a.localeCompare(b))).toEqual([
        'marketplacea/dev',
        'marketplacea/master',
        'othermarket/master',
      ])
    })
  })

  describe("when a tenant's memory is dropped", () => {
    it('should stop its ticker', () => {
      ensureLocalTicker(clientsOf('marketplacea', 'master'), log)
      memory.clear()
      jest.advanceTimersByTime(300)

      expect(ticked()).toEqual([])
    })
  })
})
