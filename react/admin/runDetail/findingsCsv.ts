import { cell } from '../shared/csv'
import type { RunFinding } from './types'

// Codes, not translated text, as in the other exports: read by spreadsheets and scripts.
const COLUMNS: Array<[string, (f: RunFinding) => unknown]> = [
  ['at', (f) => f.at],
  ['kind', (f) => f.kind],
  ['skuId', (f) => f.skuId],
  ['productId', (f) => f.productId],
  ['channel', (f) => f.channel],
  ['fromStatus', (f) => f.fromStatus],
  ['toStatus', (f) => f.toStatus],
  ['reasons', (f) => f.reasons.join('|')],
  ['change', (f) => f.change],
  ['tradePolicy', (f) => f.tradePolicy],
  ['code', (f) => f.code],
]

export function findingsCsv(runId: string, items: RunFinding[]) {
  const header = ['runId', ...COLUMNS.map(([name]) => name)].join(',')
  const lines = items.map((f) =>
    [cell(runId), ...COLUMNS.map(([, get]) => cell(get(f)))].join(',')
  )

  return `${[header, ...lines].join('\r\n')}\r\n`
}
