import type { budgetPhase } from './budget'
import type { eventsPhase } from './events'
import type { exposuresPhase } from './admin'
import type { latencyPhase } from './latency'
import type { steadyPhase } from './steady'
import type { sweepPhase } from './sweep'
import { round } from './lib'

interface Figures {
  events: Awaited<ReturnType<typeof eventsPhase>>
  sweep: Awaited<ReturnType<typeof sweepPhase>>
  budget: Awaited<ReturnType<typeof budgetPhase>>
  latency: Awaited<ReturnType<typeof latencyPhase>>
  admin: Awaited<ReturnType<typeof exposuresPhase>>
  steady: Awaited<ReturnType<typeof steadyPhase>>
  scale: { docsPerSku: number }
}

function verdict(ok: boolean, detail: string) {
  return `${ok ? 'PASS' : 'MISS'} (${detail})`
}

/** "0.5 over" past an upper bound, nothing within it: what a MISS misses by. */
function over(value: number, bound: number, unit = '') {
  return value > bound ? `${round(value - bound)}${unit} over` : ''
}

/** At most `bound`, and by how much it is missed otherwise. */
function atMost(name: string, value: number, bound: number) {
  return {
    ok: value <= bound,
    detail: `${name}${value} vs ≤ ${bound}`,
    miss: value > bound ? `${name}${over(value, bound)}` : '',
  }
}

/** Several bounds of one figure: PASS when all hold, each miss named. */
function verdicts(...checks: Array<ReturnType<typeof atMost>>) {
  const misses = checks.map((c) => c.miss).filter(Boolean)

  return verdict(
    checks.every((c) => c.ok),
    `${checks.map((c) => c.detail).join(', ')}${
      misses.length ? `: ${misses.join(', ')}` : ''
    }`
  )
}

const VTEX_APIS = ['catalog', 'logistics', 'pricing']

/** The later sweep's reads of VTEX itself (catalog, logistics, pricing) per SKU swept. */
export function vtexReadsPerSku(
  calls: Record<string, { reads: number }>,
  skus: number
) {
  return round(
    VTEX_APIS.reduce((sum, api) => sum + (calls[api]?.reads ?? 0), 0) /
      Math.max(1, skus)
  )
}

/** The issue-6 targets, then the issue-20 goals, each PASS or MISS with the figure beside its bound. */
export function targetsOf({
  events,
  sweep,
  budget,
  latency,
  admin,
  steady,
  scale,
}: Figures) {
  return {
    eventsPerSecond: verdict(
      events.eventsPerSecond >= 250,
      `${events.eventsPerSecond}/s vs ≥ 250; ${round(
        (events.eventsPerSecond / 250) * 100,
        0
      )}%`
    ),
    readsPerEvent: verdict(
      events.readsPerEvent <= 4,
      `${events.readsPerEvent} vs ≤ 4`
    ),
    extraCallsPerDuplicate: verdict(
      events.withDuplicates.extraCallsPerDuplicate <= 0.05,
      `${events.withDuplicates.extraCallsPerDuplicate} vs ≤ 0.05`
    ),
    sweepReadsPerSku: verdict(
      Math.max(sweep.readsPerSku, sweep.later.readsPerSku) <= 2,
      `${sweep.readsPerSku} first, ${sweep.later.readsPerSku} later vs ≤ 2`
    ),
    budgetRatio: verdict(
      budget.ratio <= 1.15,
      `${budget.ratio} × floor vs ≤ 1.15`
    ),
    peakRss: verdict(
      sweep.state === 'DONE' &&
        sweep.memory.oomKills === 0 &&
        sweep.peakRssMb <= 256,
      `${sweep.peakRssMb} MB vs ≤ 256${
        sweep.memory.limitMb
          ? ` (in a ${sweep.memory.limitMb} MB ${sweep.memory.by}, ${sweep.memory.oomKills} OOM kills)`
          : ''
      }`
    ),
    channelLatency: verdict(
      latency.missed === 0 && latency.medianMs <= 2000,
      `median ${latency.medianMs} ms vs ≤ 2000, ${latency.missed} missed`
    ),
    exposuresP95: verdict(admin.p95Ms <= 300, `${admin.p95Ms} ms vs ≤ 300`),
    steadyKept: verdicts(
      atMost('reads ', steady.kept.readsPerEvent, 2),
      atMost('writes ', steady.kept.writesPerEvent, 1)
    ),
    steadyWithdrawn: verdicts(
      atMost('reads ', steady.withdrawn.readsPerEvent, 3),
      atMost('writes ', steady.withdrawn.writesPerEvent, 4)
    ),
    firstSweepWritesPerSku: verdicts(atMost('', sweep.writesPerSku, 2)),
    docsPerSku: verdicts(atMost('', scale.docsPerSku, 1)),
    laterSweepVtexReadsPerSellerSku: verdicts(
      atMost('', vtexReadsPerSku(sweep.later.callsByApi, sweep.later.skus), 3)
    ),
  }
}
