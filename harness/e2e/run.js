// Real-browser test of the admin against the real system: `npx tsx scripts/start.ts` (emulator,
// @vtex/api worker, this harness) on free ports with a fresh emulator state, then headless
// Chromium walks the operator's flow and saves English screenshots to docs/screenshots/.
// Prints `N passed, N failed` last and exits non-zero on any failure. `node harness/e2e/run.js`.
/* global document -- used inside page.waitForFunction, which runs in the browser */
// CommonJS (harness/e2e/package.json) so the root's ESLint parses it like the other scripts.
const { spawn } = require('child_process')
const fs = require('fs')
const http = require('http')
const net = require('net')
const os = require('os')
const path = require('path')

const { chromium } = require('playwright-core')

const root = path.resolve(__dirname, '../..')
const shots = path.join(root, 'docs/screenshots')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'msg-admin-e2e-'))
const BASE = '/admin/app/marketplace-stock-gate'
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const log = (line) => process.stdout.write(`${line}\n`)

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()

    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()

      server.close(() => resolve(port))
    })
  })
}

async function waitFor(url, ms, system) {
  const until = Date.now() + ms

  while (Date.now() < until) {
    if (system.exitCode !== null)
      throw new Error(
        `the system exited (${system.exitCode}); see ${tmp}/system.log`
      )
    try {
      // eslint-disable-next-line no-await-in-loop
      const res = await fetch(url)

      if (res.status < 500) return
    } catch {
      // not up yet
    }

    // eslint-disable-next-line no-await-in-loop
    await new Promise((r) => setTimeout(r, 300))
  }

  throw new Error(`${url} did not answer in ${ms} ms`)
}

function startSystem(ports) {
  const out = fs.openSync(path.join(tmp, 'system.log'), 'a')
  // Its own process group; start.ts stops its children (each in its own group) on SIGTERM.
  const child = spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    ['scripts/start.ts'],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        EMULATOR_PORT: String(ports.emulator),
        SERVICE_PORT: String(ports.service),
        ADMIN_PORT: String(ports.admin),
        EMULATOR_DATA: path.join(tmp, 'emulator-data.json'),
      },
    }
  )

  return child
}

async function stopSystem(child) {
  if (child.exitCode !== null || !child.pid) return
  const exited = new Promise((r) => child.once('exit', r))

  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    return
  }

  const timeout = new Promise((r) => setTimeout(() => r('timeout'), 8000))

  if ((await Promise.race([exited, timeout])) === 'timeout') {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // gone
    }
  }
}

async function main() {
  const ports = {
    emulator: await freePort(),
    service: await freePort(),
    admin: await freePort(),
  }

  const emulator = `http://127.0.0.1:${ports.emulator}`
  const admin = `http://127.0.0.1:${ports.admin}`
  const results = []
  const problems = []
  const system = startSystem(ports)
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

  // node:http, not fetch: fetch drops the Host header, which names the account in the emulator.
  const vtex = (method, url, body) =>
    new Promise((resolve, reject) => {
      const payload = body ? JSON.stringify(body) : undefined
      const req = http.request(`${emulator}${url}`, {
        method,
        headers: {
          Host: 'marketplacea.vtexcommercestable.com.br',
          'X-VTEX-API-AppKey': 'e2e',
          'X-VTEX-API-AppToken': 'e2e',
          'content-type': 'application/json',
          accept: 'application/json',
          ...(payload ? { 'content-length': Buffer.byteLength(payload) } : {}),
        },
      })

      req.on('response', (res) => {
        const chunks = []

        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')

          resolve({
            ok: res.statusCode < 300,
            status: res.statusCode,
            json: async () => JSON.parse(text),
          })
        })
      })
      req.on('error', reject)
      req.end(payload)
    })

  const graphql = async (query, variables) => {
    const res = await fetch(`${admin}/_v/private/graphql/v1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })

    const body = await res.json()

    if (body.errors) throw new Error(JSON.stringify(body.errors))

    return body.data
  }

  const policiesOf = async (productId) => {
    const res = await vtex(
      'GET',
      `/api/catalog/pvt/product/${productId}/salespolicy`
    )

    if (!res.ok) throw new Error(`salespolicy ${productId}: HTTP ${res.status}`)

    return (await res.json()).map((p) => String(p.StoreId))
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
      await page.waitForTimeout(800) // toasts and modal fades settle
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

    await step(
      'reconciliation: a full sweep started from the page runs to Done with live progress',
      async () => {
        await open('/reconciliation')
        await byTestId('start-sweep-button').click()
        await toast('Sweep started')
        await byTestId('current-run-progress').waitFor()
        await page.waitForFunction(
          () => {
            const state = document.querySelector(
              '[data-testid="current-run-state"]'
            )

            return !!state && (state.textContent || '').includes('Done')
          },
          null,
          { timeout: 90000 }
        )
        const progress = await byTestId('current-run-progress').textContent()

        if (!/217 of 217 SKUs/.test(progress || ''))
          throw new Error(`progress says "${progress}"`)
      },
      { independent: true }
    )

    if (!results[results.length - 1].ok) {
      // The sweep is reported failed; evaluate the SKUs the flow needs so the rest still runs.
      log('  (setup: re-evaluating SKUs 1-40 through GraphQL instead)')
      await graphql('mutation($ids: [ID!]!) { reevaluateMany(skuIds: $ids) }', {
        ids: Array.from({ length: 40 }, (_, i) => String(i + 1)),
      }).catch((error) => log(`  setup failed: ${error.message}`))
    }

    await step(
      'overview: MKB shows counts by status with shares, mode and latency',
      async () => {
        await open('')
        const card = byTestId('channel-card-MKB')

        await card.waitFor()
        const text = await card.textContent()

        for (const expected of [
          'Marketplace B (MKB)',
          'trade policy 2',
          'Observe',
          'would expose',
          '%',
        ]) {
          if (!(text || '').includes(expected))
            throw new Error(`MKB card lacks "${expected}"`)
        }

        await shot('overview')
      }
    )

    await step(
      'exposures: withheld SKUs of MKB, SKU 1 among them with NO_MARKETPLACE_STOCK',
      async () => {
        await byTestId('open-MKB-WITHHELD').click()
        await page.waitForURL(
          /\/exposures\?.*channel=MKB.*status=WITHHELD|\/exposures\?.*status=WITHHELD.*channel=MKB/
        )
        const row = byTestId('row-1:MKB')

        await row.waitFor()
        await row
          .locator('[data-testid="reason-NO_MARKETPLACE_STOCK"]')
          .waitFor()
        const statuses = await page
          .locator('[data-testid="exposure-table"] [data-testid^="status-"]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))

        if (!statuses.length || statuses.some((s) => s !== 'status-WITHHELD'))
          throw new Error(`statuses on screen: ${statuses.join(',')}`)
        await shot('exposures')
      }
    )

    await step(
      'SKU detail: SKU 1 on MKB is withheld for NO_MARKETPLACE_STOCK, with the warehouses it saw',
      async () => {
        await byTestId('row-1:MKB').click()
        await page.waitForURL(`**${BASE}/sku/1`)
        const mkb = byTestId('decision-MKB')

        await mkb.locator('[data-testid="status-WITHHELD"]').waitFor()
        await mkb
          .locator('[data-testid="reason-NO_MARKETPLACE_STOCK"]')
          .waitFor()
        await mkb.locator('[data-testid="warehouse-wh-a"]').waitFor()
      }
    )

    await step(
      'stock added in the emulator (wh-a serves trade policy 2) → EXPOSED after re-evaluate',
      async () => {
        const res = await vtex(
          'PUT',
          '/api/logistics/pvt/inventory/skus/1/warehouses/wh-a',
          { quantity: 3, unlimitedQuantity: false }
        )

        if (!res.ok) throw new Error(`inventory PUT: HTTP ${res.status}`)
        await byTestId('reevaluate-MKB').click()
        await toast('SKU re-evaluated')
        await byTestId('decision-MKB')
          .locator('[data-testid="status-EXPOSED"]')
          .waitFor()
      }
    )

    await step(
      'block with a note → override shown, MANUAL_BLOCK, and an OVERRIDE_SET audit entry',
      async () => {
        await byTestId('override-open-MKB').click()
        await byTestId('override-modal').waitFor()
        await page.getByLabel('Block: never expose').check({ force: true })
        await page
          .locator('[data-testid="override-modal"] textarea')
          .fill('e2e: supplier recall')
        await page.waitForTimeout(700) // modal fade-in
        await page.getByRole('button', { name: /save override/i }).click()
        await toast('Override saved')
        await byTestId('override-MKB').waitFor()
        const mkb = byTestId('decision-MKB')

        await mkb.locator('[data-testid="status-WITHHELD"]').waitFor()
        await mkb.locator('[data-testid="reason-MANUAL_BLOCK"]').waitFor()
        await byTestId('audit-OVERRIDE_SET').first().waitFor()
        const note = await byTestId('override-MKB').textContent()

        if (!(note || '').includes('e2e: supplier recall'))
          throw new Error(`override shows "${note}"`)
        await page
          .locator('.vtex-modal__overlay')
          .waitFor({ state: 'detached' })
          .catch(() => {})
        await shot('sku-detail')
      }
    )

    await step(
      'settings: switching MKB to ENFORCE previews the catalog writes and saves after confirmation',
      async () => {
        await open('/settings')
        await byTestId('settings-MKB').waitFor()
        await page.locator('#mode-MKB-1').check({ force: true })
        await byTestId('settings-review').click()
        const warning = byTestId('enforce-warning-MKB')

        await warning.waitFor()
        const text = await warning.textContent()

        if (
          !/associating \d+ and dissociating \d+ products on trade policy 2/.test(
            text || ''
          )
        )
          throw new Error(`warning says "${text}"`)
        await page.waitForTimeout(700)
        await shot('settings')
        await page.getByRole('button', { name: /save and enforce/i }).click()
        await toast('Settings saved')
      }
    )

    await step(
      'ENFORCE in the catalog: blocked product 1 stays off trade policy 2',
      async () => {
        const policies = await policiesOf(1)

        if (policies.includes('2'))
          throw new Error(`product 1 policies: ${policies.join(',')}`)
      }
    )

    await step(
      'clearing the block puts product 1 on trade policy 2 in the emulator',
      async () => {
        await open('/sku/1')
        await byTestId('clear-override-MKB').click()
        await toast('Override cleared')
        await byTestId('decision-MKB')
          .locator('[data-testid="status-EXPOSED"]')
          .waitFor()
        const until = Date.now() + 30000
        let policies = []

        while (Date.now() < until) {
          // eslint-disable-next-line no-await-in-loop
          policies = await policiesOf(1)
          if (policies.includes('2')) return
          // eslint-disable-next-line no-await-in-loop
          await new Promise((r) => setTimeout(r, 500))
        }

        throw new Error(`product 1 policies after 30 s: ${policies.join(',')}`)
      }
    )

    await step(
      'reconciliation: the history lists the sweep with drift found and fixed',
      async () => {
        await open('/reconciliation')
        await page
          .locator('[data-testid="run-history"] tbody tr')
          .first()
          .waitFor()
        await shot('reconciliation')
      }
    )

    await step(
      'no page errors, console errors or failed requests',
      async () => {
        if (problems.length) throw new Error(problems.slice(0, 5).join(' | '))
      }
    )
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
