import { compareAndSwap, ConflictError } from '../../clients/stateDocs'
import type { EngineDeps } from '../shared/deps'
import type { SweepLock } from './types'
import { lockStore } from '../shared/stores/reconcile'

type Docs = Pick<EngineDeps, 'docs'>['docs']

export interface HeldLock {
  lock: SweepLock
  etag: string | null
}

export async function readLock(docs: Docs): Promise<HeldLock> {
  const { value, etag } = await lockStore(docs).read()

  return { lock: value, etag }
}

export interface TakeLock {
  runId: string
  owner: string
  /** Epoch ms. */
  now: number
  lockMs: number
  /** The lock as the caller just read it: taken over that version, with no read of its own. */
  seen?: HeldLock
}

/**
 * Takes the account-wide sweep lock for `runId` with a conditional write: of two workers that
 * read the same expired (or absent) lock, exactly one wins. Returns null when someone else
 * holds a live lock or won the race.
 *
 * One attempt, not the store's `update` (ten, and always a read first): a refused write means
 * another worker took the lock since it was read, so there is nothing to retry, and the
 * caller's `seen` spares the read.
 */
export async function takeLock(
  docs: Docs,
  { runId, owner, now, lockMs, seen }: TakeLock
): Promise<HeldLock | null> {
  const store = lockStore(docs)

  return compareAndSwap<SweepLock, HeldLock | null>({
    read: () => store.read(),
    write: (lock, etag) => store.write(lock, etag),
    guess: seen && { value: seen.lock, etag: seen.etag },
    attempts: 1,
    exhausted: () => null,
    decide: ({ value }) => {
      if (value.until > now && value.owner !== owner)
        return { kind: 'done', answer: null }
      const lock = { runId, owner, until: now + lockMs }

      return { kind: 'write', value: lock, written: (etag) => ({ lock, etag }) }
    },
  })
}

/** Extends the lock; null when it was taken over (this worker was presumed dead). */
export async function heartbeat(
  docs: Docs,
  held: HeldLock,
  now: number,
  lockMs: number
): Promise<HeldLock | null> {
  const lock = { ...held.lock, until: now + lockMs }

  try {
    const etag = await lockStore(docs).write(lock, held.etag)

    return { lock, etag }
  } catch (error) {
    if (error instanceof ConflictError) return null
    throw error
  }
}

/** Frees the lock at once (the run finished or paused), so the next start need not wait. */
export async function releaseLock(docs: Docs, held: HeldLock) {
  await lockStore(docs)
    .write({ ...held.lock, until: 0 }, held.etag)
    .catch((error) => {
      if (!(error instanceof ConflictError)) throw error
    })
}

/**
 * Keeps the lock alive while the loop works, on a timer as well as at each checkpoint: a SKU
 * that waits out a long Retry-After or a dead worker's lease must not let the lock expire under
 * a live sweep. Beats are serialised, so the ETag chain never races with itself.
 */
export class LockKeeper {
  public lost = false
  private chain: Promise<void> = Promise.resolve()
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly docs: Docs,
    private held: HeldLock,
    private readonly now: () => number,
    private readonly lockMs: number
  ) {
    this.timer = setInterval(() => {
      this.beat().catch(() => undefined)
    }, Math.max(50, Math.floor(lockMs / 3)))
    this.timer.unref()
  }

  public get current() {
    return this.held
  }

  public beat(): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (this.lost) return
      const renewed = await heartbeat(
        this.docs,
        this.held,
        this.now(),
        this.lockMs
      ).catch(() => this.held) // storage hiccup: try again at the next beat

      if (renewed) this.held = renewed
      else this.lost = true
    })

    return this.chain
  }

  /** Stops beating; with `release`, frees the lock for the next sweep at once. */
  public async stop(release: boolean) {
    clearInterval(this.timer)
    await this.chain
    if (release && !this.lost) await releaseLock(this.docs, this.held)
  }
}
