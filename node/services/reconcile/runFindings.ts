import type { ExposureStatus, ReasonCode } from '../../domain/types'
import type { AuditEntry, AuditKind, AuditLog } from '../projection/audit'
import { MD_SEARCH_WINDOW } from '../projection/projection'
import type { RunFindingKind } from '../../typings/schema.generated'

/** What a run found, as its detail lists it. */
export type FindingKind = RunFindingKind

export interface RunFinding {
  id: string
  at: string
  kind: FindingKind
  skuId: string | null
  productId: string | null
  channel: string | null
  fromStatus: ExposureStatus | null
  toStatus: ExposureStatus | null
  reasons: ReasonCode[]
  /** The catalog write made or tried: ASSOCIATE | DISSOCIATE. */
  change: string | null
  tradePolicy: string | null
  /** Why it failed: an error code (UPSTREAM_*, …), which the admin puts in words. */
  code: string | null
}

export interface FindingsFilter {
  channel?: string | null
  kind?: FindingKind | null
}

export type FindingsError = 'INVALID_RUN_ID' | 'PAGE_BEYOND_SEARCH_WINDOW'

const KINDS_OF: Record<FindingKind, AuditKind[]> = {
  DRIFTED: ['STATUS_CHANGE'],
  WRITTEN: ['ENFORCEMENT_WRITE'],
  FAILED: ['ENFORCEMENT_FAILED', 'EVALUATION_FAILED'],
}

const KIND_OF: Record<string, FindingKind> = {
  STATUS_CHANGE: 'DRIFTED',
  ENFORCEMENT_WRITE: 'WRITTEN',
  ENFORCEMENT_FAILED: 'FAILED',
  EVALUATION_FAILED: 'FAILED',
}

/** A sweep's id (runs.ts) or a job's (jobs.ts): nothing else is looked up. */
export const isFindingsRunId = (id: string) =>
  /^[0-9]{8,20}-[0-9a-f]{6,8}$/.test(id)

function detailsOf(entry: AuditEntry): Record<string, unknown> {
  try {
    const parsed = JSON.parse(entry.details ?? '{}')

    return parsed && typeof parsed === 'object' ? parsed : {}
  } catch {
    return {}
  }
}

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : null

export function findingOf(entry: AuditEntry): RunFinding {
  const details = detailsOf(entry)

  return {
    id: entry.id,
    at: entry.at,
    kind: KIND_OF[entry.kind] ?? 'FAILED',
    skuId: entry.skuId ?? null,
    productId: entry.productId ?? null,
    channel: entry.channel ?? null,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    reasons: entry.reasons ?? [],
    change: text(details.change),
    tradePolicy: text(details.tradePolicy),
    code: text(details.code),
  }
}

/**
 * One page of a run's findings, newest first: the audit entries tagged with its id (one Master
 * Data search). They are pruned with the rest of the trail (retention.ts), so a run older than
 * the retention lists what is left of it.
 */
// eslint-disable-next-line max-params -- an options object is left to the storage work on this call (issue 19 item 3)
export async function runFindings(
  deps: { audit: Pick<AuditLog, 'ofRun'> },
  runId: string,
  filter: FindingsFilter,
  page: number,
  pageSize: number
): Promise<
  | { items: RunFinding[]; total: number; page: number; pageSize: number }
  | FindingsError
> {
  if (!isFindingsRunId(runId)) return 'INVALID_RUN_ID'
  if (page * pageSize > MD_SEARCH_WINDOW) return 'PAGE_BEYOND_SEARCH_WINDOW'
  const result = await deps.audit.ofRun(
    runId,
    {
      channel: filter.channel,
      kinds: filter.kind ? KINDS_OF[filter.kind] : null,
    },
    page,
    pageSize
  )

  return {
    items: result.data.map(findingOf),
    total: result.pagination.total,
    page,
    pageSize,
  }
}

export interface SettingsSave {
  id: string
  at: string
  actor: string | null
  /** The job that applied the save (its detail opens as a run's); null: nothing to apply. */
  applyJobId: string | null
}

/**
 * The latest settings saves, newest first, from their audit entries (one Master Data search):
 * each names the job that applied it, so no save writes anything to be listed.
 */
export async function settingsSaves(
  deps: { audit: Pick<AuditLog, 'ofKind'> },
  page: number,
  pageSize: number
) {
  const result = await deps.audit.ofKind('SETTINGS_CHANGE', page, pageSize)

  return {
    items: result.data.map(
      (entry): SettingsSave => ({
        id: entry.id,
        at: entry.at,
        actor: entry.actor ?? null,
        applyJobId: text(detailsOf(entry).applyJobId),
      })
    ),
    total: result.pagination.total,
    page,
    pageSize,
  }
}
