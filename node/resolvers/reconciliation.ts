import { NotFoundError, UserInputError } from '@vtex/api'

import type { AdminContext } from './operatorContext'
import { actorOf } from './operatorContext'
import { ensureLocalTicker, sweepEnv } from '../services/reconcile/env'
import { startSweep } from '../services/reconcile/runner'
import {
  cancelRun,
  firstSweep,
  latestRunId,
  listRuns,
  readRun,
  runMetrics,
} from '../services/reconcile/runs'
import {
  nextDue,
  readSchedule,
  readScheduleState,
  saveSchedule,
} from '../services/reconcile/schedule'
import type {
  ScheduleState,
  SweepSchedule,
} from '../services/reconcile/schedule'
import { SweepError } from '../services/reconcile/types'
import { runFindings, settingsSaves } from '../services/reconcile/runFindings'
import type { RunDoc } from '../services/reconcile/types'
import type {
  MutationCancelReconciliationArgs,
  MutationSaveReconciliationScheduleArgs,
  MutationStartReconciliationArgs,
  QueryReconciliationArgs,
  QueryReconciliationsArgs,
  QueryRunFindingsArgs,
  QuerySettingsSavesArgs,
} from '../typings/schema.generated'

const envOf = (ctx: AdminContext) => {
  const env = sweepEnv(ctx.clients, ctx.vtex.logger)

  ensureLocalTicker(ctx.clients, ctx.vtex.logger)

  return env
}

const runOut = (run: RunDoc) => ({
  cacheId: run.id,
  id: run.id,
  state: run.state,
  scope: run.scope,
  trigger: run.trigger,
  startedBy: run.startedBy,
  createdAt: run.createdAt,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
  done: run.done,
  total: run.total,
  driftFound: run.driftFound,
  driftFixed: run.driftFixed,
  errors: Object.entries(run.errors).map(([code, count]) => ({ code, count })),
  waiting: run.waiting ?? null,
  failure: run.failure ?? null,
  activeSeconds: Math.round(run.activeMs / 100) / 10,
  calls: callsOut(run.calls),
  ...runMetrics(run),
})

const callsOut = (calls: Record<string, number>) =>
  Object.entries(calls)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([api, count]) => ({ api, count }))

/** Sweep errors are codes for the admin; the running sweep's id travels with the conflict. */
function mapped(error: unknown): never {
  if (!(error instanceof SweepError)) throw error
  if (error.code === 'RUN_NOT_FOUND') throw new NotFoundError(error.code)
  const out = new UserInputError(
    error.runId ? `${error.code}:${error.runId}` : error.code
  )

  throw out
}

export const reconciliationQueries = {
  reconciliationSchedule: async (
    _: unknown,
    __: unknown,
    ctx: AdminContext
  ) => {
    const { deps } = envOf(ctx)
    const [schedule, state] = await Promise.all([
      readSchedule(deps),
      readScheduleState(deps),
    ])

    return scheduleOut(schedule, state, deps.now())
  },

  firstSweep: async (_: unknown, __: unknown, ctx: AdminContext) => {
    const first = await firstSweep(envOf(ctx).deps)

    return {
      cacheId: 'first-sweep',
      done: first.done,
      run: first.run ? runOut(first.run) : null,
    }
  },

  reconciliation: async (
    _: unknown,
    args: QueryReconciliationArgs,
    ctx: AdminContext
  ) => {
    const env = envOf(ctx)
    const id = args.id ?? (await latestRunId(env.deps))[0]

    if (!id) return null
    const { run } = await readRun(env.deps, id)

    return run ? runOut(run) : null
  },

  runFindings: async (
    _: unknown,
    args: QueryRunFindingsArgs,
    ctx: AdminContext
  ) => {
    const page = Math.max(1, args.page ?? 1)
    const pageSize = Math.max(1, Math.min(100, args.pageSize ?? 50))
    const found = await runFindings(
      envOf(ctx).deps,
      args.runId,
      { channel: args.channel, kind: args.kind },
      page,
      pageSize
    )

    if (typeof found === 'string') throw new UserInputError(found)

    return {
      ...found,
      items: found.items.map((f) => ({ ...f, cacheId: f.id })),
    }
  },

  settingsSaves: async (
    _: unknown,
    args: QuerySettingsSavesArgs,
    ctx: AdminContext
  ) => {
    const page = Math.max(1, Math.min(100, args.page ?? 1))
    const pageSize = Math.max(1, Math.min(50, args.pageSize ?? 10))
    const saves = await settingsSaves(envOf(ctx).deps, page, pageSize)

    return {
      ...saves,
      items: saves.items.map((s) => ({ ...s, cacheId: s.id })),
    }
  },

  reconciliations: async (
    _: unknown,
    args: QueryReconciliationsArgs,
    ctx: AdminContext
  ) => {
    const page = Math.max(1, args.page ?? 1)
    const pageSize = Math.max(1, Math.min(100, args.pageSize ?? 20))
    const { items, total } = await listRuns(envOf(ctx).deps, page, pageSize)

    return { items: items.map(runOut), page, pageSize, total }
  },
}

const scheduleOut = (
  schedule: SweepSchedule,
  state: ScheduleState,
  now: Date
) => {
  const next = nextDue(schedule, state, now)

  return {
    cacheId: 'reconciliation-schedule',
    ...schedule,
    lastFullAt: state.lastFullAt,
    lastPartialAt: state.lastPartialAt,
    nextFullAt: next.fullAt,
    nextPartialAt: next.partialAt,
    lastTickAt: state.lastTickAt ?? null,
    lastTickOutcome: state.lastTickOutcome ?? null,
  }
}

export const reconciliationMutations = {
  saveReconciliationSchedule: async (
    _: unknown,
    args: MutationSaveReconciliationScheduleArgs,
    ctx: AdminContext
  ) => {
    const { deps } = envOf(ctx)
    const saved = await saveSchedule(deps, args.input)

    if (saved === 'INVALID_SCHEDULE') throw new UserInputError(saved)

    return scheduleOut(saved, await readScheduleState(deps), deps.now())
  },

  startReconciliation: async (
    _: unknown,
    args: MutationStartReconciliationArgs,
    ctx: AdminContext
  ) => {
    const actor = await actorOf(ctx)
    const run = await startSweep(envOf(ctx), args.scope, 'ADMIN', actor).catch(
      mapped
    )

    return runOut(run)
  },

  cancelReconciliation: async (
    _: unknown,
    args: MutationCancelReconciliationArgs,
    ctx: AdminContext
  ) => runOut(await cancelRun(envOf(ctx).deps, args.id).catch(mapped)),
}
