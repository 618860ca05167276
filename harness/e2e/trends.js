/* global document -- used inside page.waitForFunction, which runs in the browser */
// The overview's trends: the scheduler's tick recorded today's point of each channel; two
// earlier days are seeded in the app's VBase (no clock travel), and the charts and their
// screen-reader tables show the three days, the sweep's drift, and the 90-day window.
const DAY = 86400000

const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10)

async function trendsStep({ step, page, byTestId, open, vbase, tick, shot }) {
  await step(
    "overview: the trends show MKB's exposed share, withheld reasons, the sweep's drift and latency over three days, with tables for screen readers",
    async () => {
      const read = async () => {
        const res = await vbase('GET', 'trends', 'channels/MKB')

        return res.ok ? res.json() : null
      }

      // The first run's tick recorded it in the background; a tick the same day adds nothing.
      let doc = await read()

      const has = (d) => !!d && Array.isArray(d.points) && d.points.length > 0

      for (let i = 0; i < 20 && !has(doc); i++) {
        if (i === 10) await tick()
        await new Promise((resolve) => setTimeout(resolve, 500))
        doc = await read()
      }

      if (!has(doc)) throw new Error('no point recorded for MKB')
      const [today] = doc.points
      const now = Date.parse(`${today.day}T12:00:00.000Z`)
      const earlier = [2, 1].map((back, i) => ({
        ...today,
        day: dayOf(now - back * DAY),
        exposed: Math.max(0, today.exposed - (2 - i)),
        medianLatencySeconds: 30 + i * 10,
      }))

      const put = await vbase('PUT', 'trends', 'channels/MKB', {
        points: [...earlier, today],
      })

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
