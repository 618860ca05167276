// Real-browser test of the admin against the real system: `npx tsx scripts/start.ts` (emulator,
// @vtex/api worker, this harness) on free ports with a fresh emulator state, then headless
// Chromium walks the operator's flow. Prints `N passed, N failed` last and exits non-zero on any
// failure. `node harness/e2e/run.js` (in `npm test`) keeps its screenshots in a temporary folder,
// so a test run leaves the working tree clean; `npm run screenshots` (`--screenshots`) writes
// them to docs/screenshots/ for the README and the App Store page.
// CommonJS (harness/e2e/package.json) so the root's ESLint parses it like the other scripts.
const fs = require('fs')
const os = require('os')
const path = require('path')

const { chromium } = require('playwright-core')

const { clients } = require('./clients')
const { flow } = require('./flow')
const { freePort, startSystem, stopSystem, waitFor, root } = require('./system')

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'msg-admin-e2e-'))
const shots = process.argv.includes('--screenshots')
  ? path.join(root, 'docs/screenshots')
  : tmp

const BASE = '/admin/app/marketplace-stock-gate'
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const log = (line) => process.stdout.write(`${line}\n`)

async function main() {
  const ports = {
    emulator: await freePort(),
    service: await freePort(),
    admin: await freePort(),
  }

  const emulator = `http://127.0.0.1:${ports.emulator}`
  const admin = `http://127.0.0.1:${ports.admin}`
  const service = `http://127.0.0.1:${ports.service}`
  const { vtex, vbase, graphql, policiesOf, feed, control, tick } = clients({
    emulator,
    admin,
    service,
  })

  const results = []
  const problems = []
  const system = startSystem(ports, tmp)
  const interrupted = async (signal) => {
    log(`interrupted (${signal}): stopping the system`)
    await stopSystem(system)
    process.exit(130)
  }

  ;['SIGINT', 'SIGTERM', 'SIGHUP'].forEach((signal) =>
    process.once(signal, () => interrupted(signal))
  )
  // A closed stdout (e.g. piped to `head`) must not skip the cleanup in `finally`.
  process.stdout.on('error', () => {})
  let context = null
  let failedEarly = false

  // A failed step stops the flow (later steps depend on it), unless it is marked independent.
  const step = async (name, fn, { independent = false } = {}) => {
    if (failedEarly) {
      results.push({ name, ok: false })
      log(`not ok - ${name} (not run: an earlier step failed)`)

      return
    }

    const started = Date.now()

    try {
      await fn()
      results.push({ name, ok: true })
      log(`ok - ${name} (${Date.now() - started} ms)`)
    } catch (error) {
      results.push({ name, ok: false })
      if (!independent) failedEarly = true
      log(
        `not ok - ${name}: ${
          error instanceof Error ? error.message.split('\n')[0] : String(error)
        }`
      )
      if (context) {
        const [failing] = context.pages()

        if (failing) {
          await failing
            .screenshot({
              path: path.join(tmp, `failure-${results.length}.png`),
              fullPage: true,
            })
            .catch(() => {})
        }

        log(`  screenshot: ${path.join(tmp, `failure-${results.length}.png`)}`)
      }
    }
  }

  try {
    await step('system starts (emulator, worker, admin harness)', async () => {
      await waitFor(`${emulator}/_emulator/health`, 90000, system)
      await waitFor(
        `http://127.0.0.1:${ports.service}/healthcheck`,
        90000,
        system
      )
      await waitFor(`${admin}${BASE}`, 90000, system)
    })

    const profile = fs.mkdtempSync(path.join(tmp, 'chromium-'))

    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1400, height: 1000 },
      locale: 'en-US',
    })
    context.setDefaultTimeout(30000)
    const page = context.pages()[0] || (await context.newPage())

    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    page.on('console', (m) => {
      // React's dev warnings (e.g. styleguide's Tabs reading `key`) are not failures.
      if (m.type() === 'error' && !m.text().startsWith('Warning:'))
        problems.push(`console: ${m.text().slice(0, 300)}`)
    })
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('favicon.ico'))
        problems.push(`HTTP ${r.status()} ${r.url()}`)
    })

    const byTestId = (id) => page.locator(`[data-testid="${id}"]`)
    const shot = async (name) => {
      // Toasts would cover the page: wait for them to go (they close by themselves), then fades.
      await page
        .locator('.vtex-toast')
        .first()
        .waitFor({ state: 'detached', timeout: 15000 })
        .catch(() => {})
      await page.waitForTimeout(800)
      await page.screenshot({
        path: path.join(shots, `${name}.png`),
        fullPage: true,
      })
    }

    const open = async (route) => {
      await page.goto(`${admin}${BASE}${route}`)
      await page.waitForSelector('.vtex-pageHeader__title')
    }

    const toast = async (text) =>
      page.getByText(text, { exact: false }).first().waitFor()

    await flow({
      step,
      page,
      byTestId,
      open,
      toast,
      shot,
      vtex,
      vbase,
      graphql,
      policiesOf,
      control,
      tick,
      feed,
      problems,
      results,
      log,
      BASE,
    })
  } finally {
    if (context) await context.close().catch(() => {})
    await stopSystem(system)
  }

  const passed = results.filter((r) => r.ok).length
  const failed = results.length - passed

  if (failed) log(`logs: ${tmp}`)
  else fs.rmSync(tmp, { recursive: true, force: true })
  log(`${passed} passed, ${failed} failed`)
  process.exitCode = failed ? 1 : 0
}

main().catch((error) => {
  log(`e2e crashed: ${error instanceof Error ? error.stack : String(error)}`)
  log('0 passed, 1 failed')
  process.exitCode = 1
})
