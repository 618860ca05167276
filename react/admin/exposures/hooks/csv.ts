import { cell } from '../../shared/csv'
import { availableOf } from '../../shared/format'
import type { Exposure } from '../../shared/types'

type CsvRow = Pick<
  Exposure,
  | 'skuId'
  | 'skuName'
  | 'productId'
  | 'productName'
  | 'channel'
  | 'status'
  | 'reasons'
  | 'available'
  | 'sellerIds'
  | 'brandId'
  | 'brandName'
  | 'categoryId'
  | 'categoryPath'
  | 'evaluatedAt'
  | 'changedAt'
  | 'productAssociated'
> & { override: { action: string; expiresAt: string | null } | null }

// Column names and values are codes, not translated text: the file is read by spreadsheets and scripts.
const COLUMNS: Array<[string, (r: CsvRow) => unknown]> = [
  ['skuId', (r) => r.skuId],
  ['skuName', (r) => r.skuName],
  ['productId', (r) => r.productId],
  ['productName', (r) => r.productName],
  ['channel', (r) => r.channel],
  ['status', (r) => r.status],
  ['reasons', (r) => r.reasons.join('|')],
  // A number, or the code `unlimited`; empty when no stock was read (ERROR, PENDING).
  ['available', (r) => availableOf(r)],
  ['sellerIds', (r) => r.sellerIds.join('|')],
  ['brandId', (r) => r.brandId ?? ''],
  ['brandName', (r) => r.brandName ?? ''],
  ['categoryId', (r) => r.categoryId ?? ''],
  ['categoryPath', (r) => r.categoryPath ?? ''],
  ['override', (r) => r.override?.action ?? ''],
  ['overrideExpiresAt', (r) => r.override?.expiresAt ?? ''],
  ['productAssociated', (r) => r.productAssociated],
  ['evaluatedAt', (r) => r.evaluatedAt],
  ['changedAt', (r) => r.changedAt],
]

export function toCsv(rows: CsvRow[]) {
  const header = COLUMNS.map(([name]) => name).join(',')
  const lines = rows.map((row) =>
    COLUMNS.map(([, get]) => cell(get(row))).join(',')
  )

  return `${[header, ...lines].join('\r\n')}\r\n`
}

export type { CsvRow }
