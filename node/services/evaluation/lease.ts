import { compareAndSwap, ConflictError } from '../../clients/stateDocs'
import type { Versioned } from '../../clients/stateDocs'
import type { EngineDeps } from '../shared/deps'
import type { SkuState } from './state'
import { leaseHeld } from './state'
import { skuStore } from '../shared/stores/states'
import { VersionCache } from '../shared/versionCache'
import { slot } from '../../memory/tenantMemory'

export const LEASE_MS = 30_000

/**
 * SKU states this process committed last, in the tenant's memory (a thousand for every tenant
 * together: the SKUs whose events come in bursts; a
 * state with its traces is several kB, and the worker has 256 MB).
 * The next lease is first tried on that version; if anyone wrote the SKU since, the conditional
 * write fails and the state is read.
 */
const COMMITTED = slot(
  'committed-sku-states',
  (pools) =>
    new VersionCache<SkuState>(pools.pool('committed-sku-states', 1_000).map()),
  (cache) => cache.clear()
)

const committedOf = (deps: Pick<EngineDeps, 'memory'>) =>
  deps.memory.get(COMMITTED)

/** The SKU's state as this process committed it last, if it still remembers it. */
export function lastCommitted(
  deps: Pick<EngineDeps, 'memory'>,
  skuId: string
): Versioned<SkuState> | undefined {
  return committedOf(deps).get(skuId)
}

/** A state this process just wrote outside a lease (keepStatus.ts): the next guess. */
export function rememberCommitted(
  deps: Pick<EngineDeps, 'memory'>,
  skuId: string,
  state: SkuState,
  etag: string | null
) {
  committedOf(deps).set(skuId, state, etag)
}

export function forgetCommitted(
  deps: Pick<EngineDeps, 'memory'>,
  skuId: string
) {
  committedOf(deps).delete(skuId)
}

export interface Held {
  state: SkuState
  etag: string | null
  owner: string
  /** The lease was written over the very version the caller passed as `first`. */
  fromFirst?: boolean
  /** The SKU was marked dirty when the lease was taken: a change of unknown flags is owed. */
  wasDirty?: boolean
}

let counter = 0

export interface LeaseOptions {
  /** A state whose inputs already cover the change: no lease, 'SEEN'. */
  alreadySeen?: (state: SkuState) => boolean
  /** A holder whose lease since then covers the change: no dirty mark, 'SEEN'. */
  coveredBy?: (leaseSince: number) => boolean
  /**
   * The version to try first: one the caller just read, or (a SKU most likely new) no state at
   * all, so the first attempt writes without a read. A wrong guess costs one refused write.
   */
  first?: Versioned<SkuState>
  /**
   * When the caller read the SKU's inputs, before this lease, from `first`: a lease taken over
   * that version covers changes only from that read on, not from the lease's own write.
   */
  readAt?: number
  /**
   * When the oldest stored input the holder will reuse from this version was read (undefined:
   * it reads everything): the lease covers a change only from then on, since a worker that
   * finds it held drops a change the lease covers.
   */
  reusedSince?: (state: SkuState) => number | undefined
  /** The caller wrote rows it could not store the decision of: whoever evaluates next rewrites them. */
  owesRows?: boolean
}

/**
 * Takes the SKU's lease with a conditional write. When another worker holds it, marks the SKU
 * dirty instead (that worker evaluates once more before releasing) and returns null: the
 * event costs no evaluation here and nothing is lost.
 */
export async function acquireLease(
  deps: Pick<EngineDeps, 'docs' | 'now' | 'workerId' | 'memory'>,
  skuId: string,
  {
    alreadySeen = () => false,
    coveredBy = () => false,
    first,
    readAt,
    reusedSince,
    owesRows = false,
  }: LeaseOptions = {}
): Promise<Held | 'SEEN' | null> {
  const owner = `${deps.workerId}:${++counter}`
  const skus = skuStore(deps.docs)

  return compareAndSwap<SkuState, Held | 'SEEN' | null>({
    read: () => skus.read(skuId),
    write: (state, etag) => skus.write(skuId, state, etag),
    guess: first ?? committedOf(deps).get(skuId),
    attempts: 10,
    onWriteError: () => committedOf(deps).delete(skuId),
    exhausted: () => null,
    decide: ({ value, etag }, guessed) => {
      const now = deps.now().getTime()

      if (etag && alreadySeen(value)) return { kind: 'done', answer: 'SEEN' }
      if (leaseHeld(value, now)) {
        // The holder reads its inputs after it took the lease: a change from before is covered.
        if (value.lease.since !== undefined && coveredBy(value.lease.since))
          return { kind: 'done', answer: 'SEEN' }

        return value.dirty && (!owesRows || value.rowsOwed)
          ? { kind: 'done', answer: null }
          : {
              kind: 'write',
              value: {
                ...value,
                dirty: true,
                ...(owesRows ? { rowsOwed: true } : {}),
              },
              written: () => null,
            }
      }

      const fromFirst = guessed && first !== undefined
      const leased =
        fromFirst && readAt !== undefined ? Math.min(readAt, now) : now

      const reused = reusedSince?.(value)
      const since =
        reused !== undefined && Number.isFinite(reused)
          ? Math.min(leased, reused)
          : leased

      const state: SkuState = {
        // The fields a state stored by an older version lacks.
        ...skus.absent(skuId).value,
        ...value,
        lease: { owner, until: now + LEASE_MS, since },
        dirty: false,
      }

      return {
        kind: 'write',
        value: state,
        written: (written) => ({
          state,
          etag: written,
          owner,
          fromFirst,
          wasDirty: value.dirty,
        }),
      }
    },
  })
}

/**
 * Writes the holder's new state and releases the lease. Other writers may only have set `dirty` or changed
 * `overrides` meanwhile: on a conflict those are merged in and the write retried.
 * Returns whether another round of evaluation is owed, or 'LOST' when the lease expired
 * and someone else took it.
 *
 * Not `compareAndSwap`: one attempt may make two writes (the release, then, over a fresh dirty
 * mark, the kept lease), and a refused second write retries the release over the version it
 * read. Expressing that as one write per attempt would change the writes a conflict costs.
 */
export async function commit(
  deps: Pick<EngineDeps, 'docs' | 'now' | 'memory'>,
  held: Held,
  next: SkuState,
  {
    stillDirty = false,
  }: {
    /** Release with the SKU still marked dirty: whoever takes it next evaluates it again. */
    stillDirty?: boolean
  } = {}
): Promise<{ again: boolean; held: Held } | 'LOST'> {
  const skus = skuStore(deps.docs)
  let { etag } = held
  let merged: SkuState = { ...next, dirty: stillDirty }

  for (let attempt = 0; attempt < 10; attempt++) {
    const toWrite = { ...merged, lease: null }

    try {
      const written = await skus.write(next.skuId, toWrite, etag)

      // Released: the next evaluation in this process starts from this version.
      committedOf(deps).set(next.skuId, toWrite, written)

      return {
        again: false,
        held: { state: toWrite, etag: written, owner: held.owner },
      }
    } catch (error) {
      committedOf(deps).delete(next.skuId)
      if (!(error instanceof ConflictError)) throw error
      const fresh = await skus.read(next.skuId)

      if (fresh.value.lease?.owner !== held.owner) return 'LOST'
      const overridesChanged =
        JSON.stringify(fresh.value.overrides) !== JSON.stringify(next.overrides)

      // A release that leaves the SKU dirty already asks for the evaluation a new mark or
      // override wants: it merges them and releases, never keeps the lease for a round it
      // will not run (its caller is out of rounds).
      if (!stillDirty && (fresh.value.dirty || overridesChanged)) {
        // Keep the lease and our decisions, take the newer overrides, and evaluate again.
        merged = {
          ...next,
          overrides: fresh.value.overrides,
          dirty: stillDirty,
          // Rows another worker could not settle: this lease's next round rewrites them.
          ...(fresh.value.rowsOwed ? { rowsOwed: true } : {}),
        }
        etag = fresh.etag
        const keep = {
          ...merged,
          lease: { owner: held.owner, until: deps.now().getTime() + LEASE_MS },
        }

        const written = await skus.write(next.skuId, keep, etag).catch((e) => {
          if (e instanceof ConflictError) return undefined
          throw e
        })

        if (written === undefined) continue

        return {
          again: true,
          held: { state: keep, etag: written, owner: held.owner },
        }
      }

      merged = {
        ...next,
        overrides: fresh.value.overrides,
        dirty: stillDirty,
        ...(fresh.value.rowsOwed ? { rowsOwed: true } : {}),
      }
      etag = fresh.etag
    }
  }

  return 'LOST'
}

/** Best effort: drop our lease after a failure, keeping the SKU marked for a retry. */
export async function releaseAfterFailure(
  deps: Pick<EngineDeps, 'docs' | 'now' | 'log'>,
  held: Held,
  error: unknown
) {
  const skus = skuStore(deps.docs)

  try {
    const { value, etag } = await skus.read(held.state.skuId)

    if (value.lease?.owner !== held.owner) return
    await skus.write(
      held.state.skuId,
      {
        ...value,
        lease: null,
        failures: value.failures + 1,
        nextRetryAt: new Date(deps.now().getTime() + 30_000).toISOString(),
        lastError: 'STORAGE_ERROR',
      },
      etag
    )
  } catch {
    deps.log.warn({
      message: 'evaluate-release-failed',
      skuId: held.state.skuId,
      error: String(error),
    })
  }
}
