/* global document -- used inside page.waitForFunction, which runs in the browser */
// The overview's trends: three days of MKB's points are seeded in the app's VBase (no clock
// travel), and the charts and their screen-reader tables show the three days, the first sweep's
// drift, and the 90-day window.
const DAY = 86400000

const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10)

async function trendsStep({
  step,
  page,
  byTestId,
  open,
  vbase,
  graphql,
  shot,
}) {
  await step(
    "overview: the trends show MKB's exposed share, withheld reasons, the sweep's drift and latency over three days, with tables for screen readers",
    async () => {
      // The tick records a day's point once a full sweep has finished (the integration test
      // covers it); here three days are seeded from MKB's counts now, with the same shape.
      const { exposureSummary } = await graphql(
        '{ exposureSummary { channel { id } total byStatus { status count } byReason { reason count } } }'
      )

      const mkb = exposureSummary.find((s) => s.channel.id === 'MKB')

      if (!mkb || !(mkb.total > 0)) throw new Error('MKB has no SKU to chart')
      const count = (status) =>
        (mkb.byStatus.find((s) => s.status === status) || { count: 0 }).count

      const byReason = Object.fromEntries(
        mkb.byReason.map((r) => [r.reason, r.count])
      )

      const now = Date.now()
      const points = [2, 1, 0].map((back) => ({
        day: dayOf(now - back * DAY),
        total: mkb.total,
        exposed: Math.max(0, count('EXPOSED') - back * 5),
        withheld: count('WITHHELD') + back * 5,
        byReason,
        medianLatencySeconds: 30 + back * 10,
      }))

      const put = await vbase('PUT', 'trends', 'channels/MKB', { points })

      if (!put.ok) throw new Error(`seeding the points: HTTP ${put.status}`)

      await open('')
      const section = byTestId('trends')

      await section.waitFor()
      await page.waitForFunction(
        () =>
          document.querySelectorAll(
            '[data-testid="trend-share-table"] tbody tr'
          ).length === 3,
        null,
        { timeout: 15000 }
      )
      const drift = await byTestId('trend-drift-table')
        .locator('tbody tr')
        .count()

      if (drift < 1) throw new Error('the drift table lists no sweep')
      if ((await section.locator('svg.recharts-surface').count()) < 4)
        throw new Error('fewer than four charts drawn')
      await section.scrollIntoViewIfNeeded()
      await shot('overview-trends')

      await byTestId('trends-days-90').click()
      await page.waitForFunction(
        () => {
          const button = document.querySelector(
            '[data-testid="trends-days-90"]'
          )

          return (
            !!button &&
            button.getAttribute('aria-pressed') === 'true' &&
            document.querySelectorAll(
              '[data-testid="trend-share-table"] tbody tr'
            ).length === 3
          )
        },
        null,
        { timeout: 15000 }
      )
    },
    { independent: true }
  )
}

module.exports = { trendsStep }
