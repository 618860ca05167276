/** The bench's sizes, from the command line: `--quick` for a few minutes, `--skus N` for the catalog. */
export function paramsOf(argv: string[]) {
  const quick = argv.includes('--quick')
  const skusArg = argv.indexOf('--skus')
  const params = quick
    ? {
        skus: 5000,
        events: 300,
        runs: 2,
        eventRuns: 3,
        budgetSkus: 150,
        changes: 20,
        latencySkus: 2000,
        queries: 60,
      }
    : {
        skus: 100_000,
        events: 1500,
        runs: 3,
        // A run of 1,500 events takes seconds, and on this machine the fastest and slowest of a
        // level's runs can be 15 % apart: more of them steady the median at little cost.
        eventRuns: 5,
        budgetSkus: 1000,
        changes: 100,
        latencySkus: 5000,
        queries: 200,
      }

  // `--skus N` overrides the catalog size (e.g. a mid-size run when a full sweep does not fit).
  if (skusArg > 0) params.skus = Number(argv[skusArg + 1])

  return { quick, params }
}

export type Params = ReturnType<typeof paramsOf>['params']

/** Events in flight for the latency figures and the duplicate runs (a steady burst). */
export const CONCURRENCY = 16

/** The app's own per-API budgets off (0 = no limit): the unthrottled figures. */
export const UNLIMITED = {
  totalRatePerSecond: 0,
  catalogRatePerSecond: 0,
  logisticsRatePerSecond: 0,
  pricingRatePerSecond: 0,
  storageRatePerSecond: 0,
}
