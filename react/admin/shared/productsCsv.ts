import { cell, download } from './csv'
import type { ProductToChange } from './types'

// Codes, not translated text, as in the exposures export: read by spreadsheets and scripts.
const COLUMNS: Array<[string, (p: ProductToChange) => unknown]> = [
  ['productId', (p) => p.productId],
  ['productName', (p) => p.productName],
  ['action', (p) => p.action],
  ['skuIds', (p) => p.skuIds.join('|')],
]

export function productsCsv(channel: string, items: ProductToChange[]) {
  const header = ['channel', ...COLUMNS.map(([name]) => name)].join(',')
  const lines = items.map((p) =>
    [cell(channel), ...COLUMNS.map(([, get]) => cell(get(p)))].join(',')
  )

  return `${[header, ...lines].join('\r\n')}\r\n`
}

/** Downloads the channel's products as `{prefix}-{channel}-{time}.csv`. */
export function downloadProducts(
  prefix: string,
  channel: string,
  items: ProductToChange[]
) {
  download(
    productsCsv(channel, items),
    `${prefix}-${channel}-${new Date()
      .toISOString()
      .slice(0, 19)
      .replace(/:/g, '')}.csv`
  )
}
