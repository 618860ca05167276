import type { MasterData } from '@vtex/api'

import { ensureSchemas } from '../masterdata/schemas'
import { upstream } from './resilience'

const statusOf = (error: unknown) =>
  (error as { response?: { status?: number } })?.response?.status

/**
 * One Master Data v2 data entity of the app, at the schema version it writes: every call goes
 * through the storage budget and makes sure the app's schemas exist first.
 */
export class MdEntity<T extends object> {
  constructor(
    private readonly md: MasterData,
    private readonly dataEntity: string,
    private readonly schema: string,
    private readonly fields: string[]
  ) {}

  public async put(id: string, fields: Omit<T, 'id'> | T): Promise<void> {
    await ensureSchemas(this.md)
    await upstream('storage', () =>
      this.md.createOrUpdateEntireDocument({
        dataEntity: this.dataEntity,
        id,
        fields,
        schema: this.schema,
      })
    )
  }

  public async remove(id: string): Promise<void> {
    await upstream('storage', () =>
      this.md
        .deleteDocument({ dataEntity: this.dataEntity, id })
        .catch((error) => {
          if (statusOf(error) !== 404) throw error

          return undefined
        })
    )
  }

  public async search(
    where: string | undefined,
    page: number,
    pageSize: number,
    sort?: string,
    fields = this.fields
  ) {
    await ensureSchemas(this.md)

    return upstream('storage', () =>
      this.md.searchDocumentsWithPaginationInfo<T>({
        dataEntity: this.dataEntity,
        fields,
        where,
        pagination: { page, pageSize },
        schema: this.schema,
        sort,
      })
    )
  }
}
