import type { budgetPhase } from './budget'
import type { eventsPhase } from './events'
import type { exposuresPhase } from './admin'
import type { latencyPhase } from './latency'
import type { sweepPhase } from './sweep'
import { round } from './lib'

interface Figures {
  events: Awaited<ReturnType<typeof eventsPhase>>
  sweep: Awaited<ReturnType<typeof sweepPhase>>
  budget: Awaited<ReturnType<typeof budgetPhase>>
  latency: Awaited<ReturnType<typeof latencyPhase>>
  admin: Awaited<ReturnType<typeof exposuresPhase>>
}

function verdict(ok: boolean, detail: string) {
  return `${ok ? 'PASS' : 'MISS'} (${detail})`
}

/** The issue-6 targets, each PASS or MISS with the figure beside its bound. */
export function targetsOf({ events, sweep, budget, latency, admin }: Figures) {
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
  }
}
