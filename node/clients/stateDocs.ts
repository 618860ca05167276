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

  /** Update with optimistic concurrency: re-read and re-apply `change` on conflict. */
  public async update<T>(
    bucket: string,
    path: string,
    empty: () => T,
    change: (current: T) => T | null,
    attempts = 10
  ): Promise<T | null> {
    for (let attempt = 1; ; attempt++) {
      const { value, etag } = await this.read(bucket, path, empty)
      const next = change(value)

      if (next === null) return null
      try {
        await this.write(bucket, path, next, etag)

        return next
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= attempts)
          throw error
      }
    }
  }

  private file(bucket: string, path: string) {
    return `/buckets/${this.appName}/${bucket}/files/${encodeURIComponent(
      path
    )}`
  }
}
