/** Above this many SKUs a full first sweep does not fit in a session: sweeps are sampled. */
export const SAMPLE_ABOVE = 100_000

const numberAfter = (argv: string[], flag: string) => {
  const at = argv.indexOf(flag)

  return at > 0 ? argv[at + 1] : undefined
}

/**
 * The bench's sizes, from the command line: `--quick` for a few minutes, `--skus N` for the
 * catalog, `--channels C` for its affiliates (default 2), `--sample` (implied above
 * SAMPLE_ABOVE SKUs) to sweep catalogs of `--samples a,b` SKUs (default 10,000 and 100,000)
 * and extrapolate.
 */
export function paramsOf(argv: string[]) {
  const quick = argv.includes('--quick')
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
  const skus = numberAfter(argv, '--skus')

  if (skus) params.skus = Number(skus)
  const channels = Number(numberAfter(argv, '--channels') ?? 2)
  const samples = (numberAfter(argv, '--samples') ?? '10000,100000')
    .split(',')
    .map(Number)
    .sort((a, b) => a - b)

  if (!Number.isInteger(channels) || channels < 1)
    throw new Error(`--channels must be a whole number ≥ 1, not ${channels}`)
  if (samples.length !== 2 || samples.some((n) => !(n > 0)))
    throw new Error('--samples takes two sizes: --samples 10000,100000')
  const sample = argv.includes('--sample') || params.skus > SAMPLE_ABOVE

  if (sample && samples[1] > params.skus)
    throw new Error(`--samples ${samples} exceed the catalog's ${params.skus}`)

  return {
    quick,
    params: { ...params, channels, ...(sample ? { samples } : {}) },
  }
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
