import type { InstanceOptions, IOContext } from '@vtex/api'
import { InfraClient } from '@vtex/api'

import { accountMemoryOf } from './memory'
import { upstreamFor } from './resilience'
import type { Upstream } from './resilience'

export interface Versioned<T> {
  value: T
  etag: string | null // null: the file does not exist yet
}

export class ConflictError extends Error {
  constructor(public readonly path: string) {
    super(`conflicting write on ${path}`)
  }
}

/** What one attempt of a compare-and-swap does with the version it holds. */
export type SwapStep<T, R> =
  /** Write `value` over the version held, if it is still the stored one; then answer `written(etag)`. */
  | { kind: 'write'; value: T; written: (etag: string | null) => R }
  /** Nothing to write: answer `answer`. */
  | { kind: 'done'; answer: R }
  /** The version held may be stale (a guess): read the stored one and decide again. */
  | { kind: 'reread' }

export interface Swap<T, R> {
  read: () => Promise<Versioned<T>>
  /** A conditional write: ConflictError when the document is no longer at `etag`. */
  write: (value: T, etag: string | null) => Promise<string | null>
  /**
   * The version to decide on first instead of reading (one this process wrote last, or a
   * creation): a wrong guess costs one refused write, then a read.
   */
  guess?: Versioned<T>
  /** The next step from the version held (`guessed`: the guess, not a read). */
  decide: (
    current: Versioned<T>,
    guessed: boolean
  ) => SwapStep<T, R> | Promise<SwapStep<T, R>>
  /** Attempts in all, the guess's included; each is one decision and at most one write. */
  attempts: number
  /** After every write that failed, refused or not (a cache forgets the version it guessed). */
  onWriteError?: (error: unknown) => void
  /** The answer once out of attempts; absent: the last ConflictError is thrown. */
  exhausted?: () => R
}

/**
 * Read-modify-conditional-write: decide on the version held (the guess, then reads), write it
 * over that version's ETag, and on a 412 read and decide again, up to `attempts`. Any other
 * error is thrown at once.
 */
export async function compareAndSwap<T, R>(swap: Swap<T, R>): Promise<R> {
  let conflict: ConflictError | undefined

  for (let attempt = 0; attempt < swap.attempts; attempt++) {
    const guessed = attempt === 0 && swap.guess !== undefined
    const current = guessed && swap.guess ? swap.guess : await swap.read()

    const step = await swap.decide(current, guessed)

    if (step.kind === 'reread') continue
    if (step.kind === 'done') return step.answer
    let etag: string | null

    try {
      etag = await swap.write(step.value, current.etag)
    } catch (error) {
      swap.onWriteError?.(error)
      if (!(error instanceof ConflictError)) throw error
      conflict = error
      continue
    }

    return step.written(etag)
  }

  if (swap.exhausted) return swap.exhausted()
  throw conflict ?? new Error('compare-and-swap: out of attempts')
}

/** Read, change, conditional write, again on a conflict (10 attempts); null from `change`: no write. */
export function updateDoc<T>(doc: {
  read: () => Promise<Versioned<T>>
  write: (value: T, etag: string | null) => Promise<string | null>
  change: (current: T) => T | null
}): Promise<T | null> {
  return compareAndSwap<T, T | null>({
    read: doc.read,
    write: doc.write,
    decide: ({ value }) => {
      const next = doc.change(value)

      return next === null
        ? { kind: 'done', answer: null }
        : { kind: 'write', value: next, written: () => next }
    },
    attempts: 10,
  })
}

function statusOf(error: unknown): number | undefined {
  return (error as { response?: { status?: number } })?.response?.status
}

/**
 * JSON documents in VBase (the app's own buckets), read with their ETag and written
 * conditionally: If-Match to update, If-None-Match: * to create. @vtex/api's VBase client
 * returns neither the ETag of a write nor supports creation-only writes, which is what lets
 * several replicas and workers coordinate without losing an update; hence this small client
 * on the same infra service and paths.
 */
export class StateDocs extends InfraClient {
  /** Budget and circuits of this client's account. */
  private get upstream(): Upstream {
    return upstreamFor(accountMemoryOf(this))
  }

  private readonly appName: string
  /** VBase is per account and workspace: these documents are this tenant's. */
  public readonly tenant: { account: string; workspace: string }

  constructor(ctx: IOContext, options?: InstanceOptions) {
    super('vbase@2.x', ctx, options)
    this.appName = (process.env.VTEX_APP_ID ?? '').split('@')[0]
    this.tenant = { account: ctx.account, workspace: ctx.workspace }
  }

  public async read<T>(
    bucket: string,
    path: string,
    empty: () => T
  ): Promise<Versioned<T>> {
    const response = await this.upstream('storage', () =>
      this.http
        .getRaw<T>(this.file(bucket, path), { metric: 'state-read' })
        .catch((error) => {
          if (statusOf(error) === 404) return null
          throw error
        })
    )

    if (!response || response.data == null)
      return { value: empty(), etag: null }

    return {
      value: response.data,
      etag: (response.headers?.etag as string | undefined) ?? null,
    }
  }

  /** Writes `value` only if the file is still at `etag` (or still absent when etag is null). */
  public async write<T>(
    bucket: string,
    path: string,
    value: T,
    etag: string | null
  ): Promise<string | null> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
    }

    if (etag) headers['If-Match'] = etag
    else headers['If-None-Match'] = '*'

    try {
      const response = await this.upstream('storage', () =>
        this.http.putRaw(this.file(bucket, path), value, {
          headers,
          metric: 'state-write',
        })
      )

      return (response.headers?.etag as string | undefined) ?? null
    } catch (error) {
      if (statusOf(error) === 412) throw new ConflictError(`${bucket}/${path}`)
      throw error
    }
  }

  public async remove(bucket: string, path: string): Promise<void> {
    await this.upstream('storage', () =>
      this.http
        .delete(this.file(bucket, path), { metric: 'state-delete' })
        .catch((error) => {
          if (statusOf(error) !== 404) throw error
        })
    )
  }

  /** Update with optimistic concurrency: re-read and re-apply `change` on conflict (10 attempts). */
  public async update<T>(
    bucket: string,
    path: string,
    empty: () => T,
    change: (current: T) => T | null
  ): Promise<T | null> {
    return updateDoc<T>({
      read: () => this.read(bucket, path, empty),
      write: (value, etag) => this.write(bucket, path, value, etag),
      change,
    })
  }

  private file(bucket: string, path: string) {
    return `/buckets/${this.appName}/${bucket}/files/${encodeURIComponent(
      path
    )}`
  }
}
