export const BASE_PATH = '/admin/app/marketplace-stock-gate'

export const paths = {
  overview: BASE_PATH,
  exposures: `${BASE_PATH}/exposures`,
  sku: (skuId: string) => `${BASE_PATH}/sku/${encodeURIComponent(skuId)}`,
  settings: `${BASE_PATH}/settings`,
  reconciliation: `${BASE_PATH}/reconciliation`,
  /** A sweep's or a settings save's apply detail (its run or job id). */
  run: (runId: string) =>
    `${BASE_PATH}/reconciliation/runs/${encodeURIComponent(runId)}`,
}

export type PageKey = 'overview' | 'exposures' | 'settings' | 'reconciliation'
