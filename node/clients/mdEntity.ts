import type { MasterData } from '@vtex/api'

import { ensureSchemas } from '../masterdata/schemas'
import { accountMemoryOf } from './memory'
import { upstreamFor } from './resilience'
import type { Upstream } from './resilience'

const statusOf = (error: unknown) =>
  (error as { response?: { status?: number } })?.response?.status

/**
 * `@vtex/api` types a scroll's `data` as `{ data, mdToken }`, but it is the response body: the
 * array of documents. Either shape is read.
 */
function scrolled<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[]
  const inner = (data as { data?: unknown } | null)?.data

  return Array.isArray(inner) ? (inner as T[]) : []
}

/** Master Data v2 serves at most 1,000 documents per scroll page. */
export const MD_SCROLL_PAGE = 1000

/**
 * Master Data documents are account-wide while VBase and settings are per workspace, so two
 * workspaces would overwrite each other's rows. Each row carries its workspace (a `v-indexed`
 * field every read filters on) and, outside `master`, the workspace in its id. `master` keeps its
 * ids, and its rows written before the field existed (no `workspace`) still count as its own.
 */
export class MdScope {
  public readonly master: boolean

  constructor(public readonly workspace: string) {
    this.master = workspace === 'master'
  }

  /** The IO workspace a Master Data client was built for (`@vtex/api` keeps it in its context). */
  public static of(md: MasterData): MdScope {
    const { context } = md as unknown as { context?: { workspace?: string } }

    return new MdScope(context?.workspace ?? 'master')
  }

  public docId(id: string): string {
    return this.master ? id : `${this.workspace}--${id}`
  }

  public appId(docId: string): string {
    const prefix = `${this.workspace}--`

    return !this.master && docId.startsWith(prefix)
      ? docId.slice(prefix.length)
      : docId
  }

  public where(where: string | undefined): string {
    const own = this.master
      ? '(workspace is null OR workspace="master")'
      : `workspace=${JSON.stringify(this.workspace.replace(/["\\]/g, ''))}`

    return where ? `${own} AND (${where})` : own
  }
}

/**
 * One Master Data v2 data entity of the app, at the schema version it writes, in the workspace of
 * its client: every call goes through the storage budget and makes sure the app's schemas exist.
 * Ids in and out are the app's; the workspace is added on the way in and removed on the way out.
 */
export class MdEntity<T extends object> {
  public readonly scope: MdScope
  // The storage budget and circuit of the client's account.
  private readonly upstream: Upstream

  constructor(
    private readonly md: MasterData,
    private readonly dataEntity: string,
    private readonly schema: string,
    private readonly fields: string[]
  ) {
    this.scope = MdScope.of(md)
    this.upstream = upstreamFor(accountMemoryOf(md))
  }

  public async put(id: string, fields: Omit<T, 'id'> | T): Promise<void> {
    await ensureSchemas(this.md)
    await this.upstream('storage', () =>
      this.md.createOrUpdateEntireDocument({
        dataEntity: this.dataEntity,
        id: this.scope.docId(id),
        fields: { ...fields, workspace: this.scope.workspace },
        schema: this.schema,
      })
    )
  }

  /**
   * Writes these fields of a document, creating it if it has none ("create partial document",
   * PATCH on the entity's documents): fields not sent keep their stored value.
   */
  public async patch(id: string, fields: Partial<T>): Promise<void> {
    await ensureSchemas(this.md)
    await this.upstream('storage', () =>
      this.md.createOrUpdatePartialDocument({
        dataEntity: this.dataEntity,
        id: this.scope.docId(id),
        fields: { ...fields, workspace: this.scope.workspace },
        schema: this.schema,
      })
    )
  }

  public async remove(id: string): Promise<void> {
    await this.upstream('storage', () =>
      this.md
        .deleteDocument({
          dataEntity: this.dataEntity,
          id: this.scope.docId(id),
        })
        .catch((error) => {
          if (statusOf(error) !== 404) throw error

          return undefined
        })
    )
  }

  /**
   * One `search` page: bounded reads only (a count, a first page, a keyset page). Master Data
   * serves 100 documents a page and none past the 10,000th: deep or unbounded reads use `scroll`
   * or a keyset `where` (see `keysetWhere`).
   */
  // eslint-disable-next-line max-params -- an options object is left to the storage work on this call (issue 19 item 3)
  public async search(
    where: string | undefined,
    page: number,
    pageSize: number,
    sort?: string,
    fields = this.fields
  ) {
    await ensureSchemas(this.md)

    const result = await this.upstream('storage', () =>
      this.md.searchDocumentsWithPaginationInfo<T>({
        dataEntity: this.dataEntity,
        fields,
        where: this.scope.where(where),
        pagination: { page, pageSize },
        schema: this.schema,
        sort,
      })
    )

    return { ...result, data: result.data.map((doc) => this.out(doc)) }
  }

  /**
   * Every matching document, page after page of up to 1,000 (Master Data's `scroll`), read until
   * the empty page that ends the scroll and frees its token (a scroll left open blocks the same
   * query for 20 minutes). For sweeps that must reach past search's 10,000-document window.
   */
  public async *scroll(
    where: string | undefined,
    sort?: string,
    size = MD_SCROLL_PAGE,
    fields = this.fields
  ): AsyncGenerator<T[]> {
    await ensureSchemas(this.md)
    let mdToken: string | undefined

    for (;;) {
      const token = mdToken
      const page = await this.upstream('storage', () =>
        this.md.scrollDocuments<T>({
          dataEntity: this.dataEntity,
          fields,
          schema: this.schema,
          size: Math.min(size, MD_SCROLL_PAGE),
          ...(token
            ? { mdToken: token }
            : { where: this.scope.where(where), sort }),
        })
      )

      mdToken = page.mdToken
      const docs = scrolled<T>(page.data)

      if (docs.length === 0) return
      yield docs.map((doc) => this.out(doc))
    }
  }

  private out(doc: T): T {
    const { id } = doc as { id?: unknown }

    return typeof id === 'string' ? { ...doc, id: this.scope.appId(id) } : doc
  }
}
