// A change whose decision could not be stored (VBase or Master Data refused a write) must not
// wait for the daily full sweep. Where the "not settled" mark lives depends on which store is up:
// - VBase answers: the SKU joins an index in VBase (this file) that the scheduled ERROR sweep
//   and every tick read, and its state says STORAGE_ERROR (lease.ts, releaseAfterFailure).
// - Master Data answers: the SKU's rows in the projection turn ERROR / UPSTREAM_ERROR, which
//   the overview shows and the ERROR sweep reads.
// Both are tried; the evaluation that finally stores the decision rewrites the rows and leaves
// the index. In this process the engine retries it meanwhile (engine.ts, settleLater).
import type { EngineDeps } from '../shared/deps'
import { lastCommitted } from './lease'
import { toExposureDoc } from '../projection/projection'
import { skuStore } from '../shared/stores/states'
import { unsettledStore } from '../shared/stores/settle'

/** Bounded: past it, the daily full sweep covers the rest (logged). */
const MAX_UNSETTLED = 10_000

type Deps = Pick<
  EngineDeps,
  'docs' | 'projection' | 'now' | 'log' | 'tenant' | 'memory'
>

/** Adds the SKU to the VBase index; false when VBase refused too. */
export async function indexUnsettled(
  deps: Pick<EngineDeps, 'docs' | 'now' | 'log'>,
  skuId: string,
  error: string
): Promise<boolean> {
  try {
    await unsettledStore(deps.docs).update((index) => {
      if (index.skus[skuId]) return null
      if (Object.keys(index.skus).length >= MAX_UNSETTLED) {
        deps.log.warn({ message: 'settle-index-full', skuId })

        return null
      }

      return {
        skus: {
          ...index.skus,
          [skuId]: { since: deps.now().toISOString(), error },
        },
      }
    })

    return true
  } catch {
    return false
  }
}

/**
 * Marks the SKU as not settled wherever a store still answers, and says where. Its known rows
 * (from the stored state, or this process's last commit when VBase does not answer reads)
 * turn ERROR: the stored decision may be older than the change that could not be stored.
 */
export async function markUnsettled(deps: Deps, skuId: string, error: string) {
  const indexed = await indexUnsettled(deps, skuId, error)
  const state = await skuStore(deps.docs)
    .read(skuId)
    .then((read) => read.value)
    .catch(() => lastCommitted(deps, skuId)?.value ?? null)

  const now = deps.now().toISOString()
  const decisions = Object.values(state?.decisions ?? {})
  const rows = decisions.map((decision) =>
    toExposureDoc(
      {
        ...decision,
        status: 'ERROR',
        reasons: ['UPSTREAM_ERROR'],
        evaluatedAt: now,
        changedAt: decision.status === 'ERROR' ? decision.changedAt : now,
      },
      state?.overrides[decision.channel]?.action ?? null
    )
  )

  const projected = await (rows.length > 0
    ? deps.projection.putSku(skuId, rows)
    : Promise.resolve()
  ).then(
    () => decisions.length > 0,
    () => false
  )

  const where = { indexed, projected }

  if (!indexed && !projected)
    deps.log.error({ message: 'settle-mark-failed', skuId, error })
  else deps.log.warn({ message: 'settle-mark-done', skuId, error, ...where })

  return where
}

/** The SKUs still marked in the VBase index (marked before `before`, if given), oldest first. */
export async function unsettledIds(
  deps: Pick<EngineDeps, 'docs'>,
  limit = MAX_UNSETTLED,
  before?: string
): Promise<string[]> {
  const { value } = await unsettledStore(deps.docs).read()

  return Object.entries(value.skus)
    .filter(([, mark]) => before === undefined || mark.since < before)
    .sort(([, a], [, b]) => a.since.localeCompare(b.since))
    .slice(0, limit)
    .map(([skuId]) => skuId)
}

/** The SKU's decision is stored and projected: it leaves the index (no write if absent). */
export async function markSettled(
  deps: Pick<EngineDeps, 'docs'>,
  skuId: string
) {
  await unsettledStore(deps.docs).update((index) => {
    if (!index.skus[skuId]) return null
    const skus = { ...index.skus }

    delete skus[skuId]

    return { skus }
  })
}
