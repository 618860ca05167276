import { decisionChanged } from '../../domain'
import type { AuditEntry } from '../projection/audit'
import { statusChange } from '../projection/auditEntries'
import { rowChanged, toExposureDoc } from '../projection/projection'
import type { EngineDeps } from '../shared/deps'
import type { EvaluateOptions } from './evaluateTypes'
import type { SkuState, StoredDecision } from './state'

/** A round's decisions over the state they follow, at the state's next version. */
export interface RoundChange {
  prev: SkuState
  decisions: Record<string, StoredDecision>
  version: number
  options: EvaluateOptions
}

/**
 * Writes the projection of what changed: the SKU's whole new state in one document per SKU
 * (projection.ts `putSku`) when any of its rows changed or went, and one audit entry per status
 * change or first decision (but a baseline's: see shared/baselines.ts).
 */
export async function project(deps: EngineDeps, round: RoundChange) {
  const { prev, decisions, options } = round
  const writes: Array<Promise<void>> = []
  const touched: string[] = []

  for (const [channel, decision] of Object.entries(decisions)) {
    const before = prev.decisions[channel] ?? null
    const change = decisionChanged(before, decision)

    // A rename or a seller change rewrites every channel's row too, not only a status change;
    // a settling retry rewrites them all (a failed write may have left any of them behind).
    if (
      !rowChanged(before, decision) &&
      !options.reproject &&
      !options.rewriteRows &&
      !prev.rowsOwed
    )
      continue
    touched.push(channel)
    const audited = before
      ? change.statusChanged
      : !options.baseline?.includes(channel)

    if (audited) {
      writes.push(deps.audit.append(statusEntry(round, decision, before)))
    }
  }

  for (const channel of Object.keys(prev.decisions)) {
    if (!decisions[channel]) touched.push(channel)
  }

  if (touched.length > 0) {
    const rows = Object.entries(decisions).map(([channel, decision]) =>
      toExposureDoc(decision, prev.overrides[channel]?.action ?? null)
    )

    writes.push(deps.projection.putSku(prev.skuId, rows, touched))
  }

  await Promise.all(writes)
}

function statusEntry(
  { prev, version, options }: RoundChange,
  decision: StoredDecision,
  before: StoredDecision | null
): AuditEntry {
  return statusChange({
    skuId: prev.skuId,
    channel: decision.channel,
    version,
    at: decision.evaluatedAt,
    productId: decision.productId,
    cause: options.cause,
    actor: options.actor ?? null,
    fromStatus: before?.status ?? null,
    toStatus: decision.status,
    reasons: decision.reasons,
    details: {
      available: decision.available,
      changedAt: options.changedAt ?? null,
    },
    // A run's finding is a changed decision it made (not a first one, not an ERROR: the run
    // records its failures itself, with their code). The entry is written anyway: no extra write.
    runId: before && decision.status !== 'ERROR' ? options.runId : null,
  })
}

export async function dropDecisions(
  deps: EngineDeps,
  prev: SkuState,
  options: EvaluateOptions
) {
  const at = deps.now().toISOString()

  await Promise.all([
    deps.projection.putSku(prev.skuId, [], Object.keys(prev.decisions)),
    ...Object.values(prev.decisions).map((decision) =>
      deps.audit.append(
        statusChange({
          skuId: prev.skuId,
          channel: decision.channel,
          version: prev.version + 1,
          at,
          productId: decision.productId,
          cause: options.cause,
          actor: options.actor ?? null,
          fromStatus: decision.status,
          toStatus: null,
          reasons: [],
          details: { governed: false },
        })
      )
    ),
  ])
}
