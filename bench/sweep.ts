import type { Worker } from '../tests/support/worker'
import type { Counters } from './lib'
import {
  byApi,
  counters,
  memoryLimit,
  resetCounters,
  round,
  rssSampler,
  sum,
} from './lib'
import { docsPerSku } from './rows'
import { runSweep } from './sweeps'
import type { Bench, Emu } from './system'
import { log } from './system'

const readsOf = (c: Counters) => sum(byApi(c), 'reads')

/** One full sweep: its wall time, calls per SKU by API and the worker's peak RSS meanwhile. */
async function measureSweep(emulator: Emu, worker: Worker) {
  await resetCounters(emulator)
  const rss = rssSampler(worker)
  const full = await runSweep(worker, {}).catch((error) => ({
    state: `FAILED: ${String(error)}`,
    done: 0,
    total: 0,
    upstreamCallsPerSku: null,
    errors: [],
    wallMs: 0,
  }))

  const peakRssMb = rss.stop()
  const c = await counters(emulator)
  const calls = byApi(c)

  log(
    `  full sweep: ${full.state} ${full.done}/${full.total} in ${round(
      full.wallMs / 1000,
      1
    )} s, ${round(readsOf(c) / Math.max(1, full.total))} reads/SKU`
  )

  return {
    skus: full.total,
    state: full.state,
    wallSeconds: round(full.wallMs / 1000, 1),
    readsPerSku: round(readsOf(c) / Math.max(1, full.total)),
    writesPerSku: round(sum(calls, 'writes') / Math.max(1, full.total)),
    appCallsPerSku: full.upstreamCallsPerSku,
    errors: full.errors,
    peakRssMb,
    mix: calls,
  }
}

/**
 * The first full sweep after install, then a later one, in the service's memory limit, and the
 * documents per SKU the first one leaves (`docs`, for the scale figures).
 */
export async function sweepPhase({
  emulator,
  worker: holder,
  cleanups,
}: Bench) {
  // A fresh worker, in a cgroup with the service's memory where the machine allows it: the same
  // limit IO's container sets, so Node sizes its heap as it does there (and the kernel kills a
  // worker that goes over, which the run reports).
  const limit = memoryLimit()
  const cgroup = 'dir' in limit ? limit : null

  if (cgroup) cleanups.push(cgroup.remove)

  await holder.restart(cgroup ? { cgroup: cgroup.dir } : {})
  // The first full sweep after install (most SKUs have no state yet), then a later one (the
  // daily sweep: every SKU has a state to read).
  const first = await measureSweep(emulator, holder.current)
  // Counted before the later sweep: what the first one leaves per SKU.
  const docs = docsPerSku(emulator, first.skus)
  const later = await measureSweep(emulator, holder.current)
  const memory = cgroup
    ? { limitMb: cgroup.limitMb, by: cgroup.kind, ...cgroup.usage() }
    : {
        limitMb: null,
        by: 'unavailable' in limit ? limit.unavailable : '',
        peakMb: null,
        oomKills: 0,
      }

  const { mix, ...laterOut } = later

  return {
    ...first,
    state: first.state === 'DONE' ? later.state : first.state,
    peakRssMb: Math.max(first.peakRssMb, later.peakRssMb),
    memory,
    later: { ...laterOut, callsByApi: mix },
    docs,
  }
}
