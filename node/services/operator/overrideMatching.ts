import { UserInputError } from '@vtex/api'

import { validateOverrideInput } from '../../domain'
import type { EngineDeps } from '../shared/deps'
import type { ResolvedFilter } from './exposures'
import {
  countExposures,
  searchExposures,
  tradePolicyChannels,
} from './exposures'
import type { JobReport } from '../shared/jobs'
import { readJob, startJob } from '../shared/jobs'
import { setOverride } from './actions'
import { channels as loadChannels } from '../shared/reference'
import type { OverridesMatchingInput } from '../../typings/schema.generated'
import { jobStore } from '../shared/stores/jobs'

/**
 * Bounded: each row costs its SKU's override write, an audit entry and an evaluation, from the
 * account's API budget; a larger set is narrowed by the filter first.
 */
const MAX_OVERRIDE_MATCHING = 2_000
const PAGE = 100
// Different SKUs side by side; one SKU's channels one after the other (its state is one document).
const SKUS_AT_ONCE = 4

export type { OverridesMatchingInput }

/** Where the job stands: the keyset cursor after the last page it finished, and its counts. */
export interface OverrideCheckpoint {
  after: string | null
  done: number
}

export interface OverrideMatchingResult {
  overridden: number
}

const refuse = (code: string): never => {
  throw new UserInputError(code)
}

/** Every row of the filter, a keyset page at a time (by SKU id, which the overrides do not move). */
export async function overrideMatching(
  deps: EngineDeps,
  {
    input,
    filter,
    actor,
  }: { input: OverridesMatchingInput; filter: ResolvedFilter; actor: string },
  report: Pick<JobReport, 'progress' | 'checkpoint'>,
  from: OverrideCheckpoint = { after: null, done: 0 }
): Promise<OverrideMatchingResult> {
  let { after, done } = from

  // Never more than the operator confirmed, even if rows joined the filter since.
  while (done < input.expected) {
    const page = await searchExposures(
      deps,
      filter,
      after,
      PAGE,
      { field: 'SKU_ID' },
      false
    )

    const rows = page.items.slice(0, input.expected - done)
    const bySku = new Map<string, string[]>()

    rows.forEach((row) =>
      bySku.set(row.skuId, [...(bySku.get(row.skuId) ?? []), row.channel])
    )
    const groups = [...bySku.entries()]

    for (let i = 0; i < groups.length; i += SKUS_AT_ONCE) {
      await Promise.all(
        groups.slice(i, i + SKUS_AT_ONCE).map(async ([skuId, channels]) => {
          for (const channel of channels) {
            await setOverride(
              deps,
              {
                skuId,
                channel,
                action: input.action,
                note: input.note,
                expiresAt: input.expiresAt ?? null,
              },
              actor
            )
          }
        })
      )
    }

    done += rows.length
    after = page.next
    report.progress(done, input.expected)
    report.checkpoint({ after, done })
    if (!after || rows.length === 0) break
  }

  return { overridden: done }
}

/**
 * Checks the override once (as each row would), then that the filter still matches the count
 * the operator confirmed, and runs the rows as a job.
 */
export async function startOverridesMatching(
  deps: EngineDeps,
  input: OverridesMatchingInput,
  actor: string
) {
  const known = (await loadChannels(deps)).map((c) => c.id)
  // The rows' own SKUs and channels exist (they are rows); what the operator typed is checked
  // here, once, with a SKU id of the right form and the filter's channel (or any known one).
  const checked = validateOverrideInput(
    {
      skuId: '1',
      channel: input.filter.channel ?? known[0] ?? '',
      action: input.action,
      note: input.note,
      expiresAt: input.expiresAt,
    },
    deps.now().toISOString(),
    known
  )

  if (!checked.ok) return refuse(checked.errors.map((e) => e.code).join(','))
  const filter = await tradePolicyChannels(deps, input.filter)
  const total = await countExposures(deps, filter)

  if (total === 0 || total !== input.expected) refuse('COUNT_CHANGED')
  if (total > MAX_OVERRIDE_MATCHING) refuse('TOO_MANY_ROWS')

  return startJob(
    deps,
    'OVERRIDE_MATCHING',
    actor,
    (report) => overrideMatching(deps, { input, filter, actor }, report),
    total,
    { input }
  )
}

const CLAIMED = 'CLAIMED'

/** Marks the failed job as resumed by `by` (null: take the mark back); false when another resume has it. */
async function markResumed(
  deps: EngineDeps,
  id: string,
  by: string | null,
  expect: string | undefined
) {
  const updated = await jobStore(deps.docs).update(id, (current) =>
    current && current.resumedBy === expect
      ? { ...current, resumedBy: by ?? undefined }
      : null
  )

  return updated !== null
}

/** A new job that continues a failed one from its last checkpoint; a job is resumed once. */
export async function resumeOverridesMatching(
  deps: EngineDeps,
  id: string,
  actor: string
) {
  const job = await readJob(deps, id)

  if (!job || job.kind !== 'OVERRIDE_MATCHING') return refuse('UNKNOWN_JOB')
  const input = job.input as OverridesMatchingInput | undefined

  if (job.status !== 'FAILED' || !input) return refuse('NOT_RESUMABLE')
  // Claimed first (a conditional write): two resumes of one job never both run.
  if (job.resumedBy || !(await markResumed(deps, id, CLAIMED, undefined)))
    return refuse('ALREADY_RESUMED')
  const from = (job.checkpoint as OverrideCheckpoint | undefined) ?? {
    after: null,
    done: 0,
  }

  try {
    const filter = await tradePolicyChannels(deps, input.filter)
    const next = await startJob(
      deps,
      'OVERRIDE_MATCHING',
      actor,
      (report) =>
        overrideMatching(deps, { input, filter, actor }, report, from),
      input.expected,
      { input, checkpoint: from }
    )

    await markResumed(deps, id, next.id, CLAIMED)

    return next
  } catch (error) {
    await markResumed(deps, id, null, CLAIMED).catch(() => undefined)
    throw error
  }
}
