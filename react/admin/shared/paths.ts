export const BASE_PATH = '/admin/app/marketplace-stock-gate'

export const paths = {
  overview: BASE_PATH,
  exposures: `${BASE_PATH}/exposures`,
  sku: (skuId: string) => `${BASE_PATH}/sku/${encodeURIComponent(skuId)}`,
  settings: `${BASE_PATH}/settings`,
  reconciliation: `${BASE_PATH}/reconciliation`,
}

export type PageKey = 'overview' | 'exposures' | 'settings' | 'reconciliation'
