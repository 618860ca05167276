/* global document -- used inside page.waitForFunction, which runs in the browser */
// The operator's flow, one step per check: the first run, a sweep waiting on VTEX, overview,
// exposures, SKU detail, stock change, block, ENFORCE and the catalog, a feed key, a save that
// switches and tightens a channel, a stock buffer, the pages in Portuguese and Spanish, history.
// Screenshots (English) go to docs/screenshots/.
const { trendsStep } = require('./trends')

async function flow(ctx) {
  const {
    step,
    page,
    byTestId,
    open,
    toast,
    shot,
    vtex,
    graphql,
    policiesOf,
    control,
    tick,
    feed,
    problems,
    results,
    log,
    BASE,
  } = ctx

  // Waits for the current run to be Done on the Reconciliation page, and says how far it got.
  const runDone = async (timeout) => {
    await page.waitForFunction(
      () => {
        const state = document.querySelector(
          '[data-testid="current-run-state"]'
        )

        return !!state && (state.textContent || '').includes('Done')
      },
      null,
      { timeout }
    )

    return byTestId('current-run-progress').textContent()
  }

  await step(
    'first run: before any sweep the overview says no full sweep has run yet, not that all is well',
    async () => {
      await open('')
      const notice = await byTestId('first-sweep').textContent()

      if (!/No full sweep has run yet/.test(notice || ''))
        throw new Error(`the overview says "${notice}"`)
    },
    { independent: true }
  )

  await step(
    "first run: the scheduler's first tick starts the first full sweep on its own, which runs to Done over every SKU",
    async () => {
      // What vtex.scheduler does at the first mark of its cron after the install.
      await tick()
      await open('/reconciliation')
      await byTestId('current-run-progress').waitFor()
      const progress = await runDone(90000)

      if (!/217 of 217 SKUs/.test(progress || ''))
        throw new Error(`progress says "${progress}"`)
      await open('')
      await byTestId('channel-card-MKB').waitFor()
      if (await byTestId('first-sweep').count())
        throw new Error(
          `after the first sweep the overview still says "${await byTestId(
            'first-sweep'
          ).textContent()}"`
        )
    },
    { independent: true }
  )

  if (!results[results.length - 1].ok) {
    // The sweep is reported failed; evaluate the SKUs the flow needs so the rest still runs.
    log('  (setup: re-evaluating SKUs 1-40 through GraphQL instead)')
    // A job on the backend: started, then followed until it ends.
    await graphql(
      'mutation($ids: [ID!]!) { reevaluateMany(skuIds: $ids) { id } }',
      { ids: Array.from({ length: 40 }, (_, i) => String(i + 1)) }
    )
      .then(async ({ reevaluateMany: { id } }) => {
        for (let i = 0; i < 120; i++) {
          const { job } = await graphql(
            'query($id: ID!) { job(id: $id) { status } }',
            { id }
          )

          if (!job || job.status !== 'RUNNING') return
          await new Promise((r) => setTimeout(r, 500))
        }
      })
      .catch((error) => log(`  setup failed: ${error.message}`))
  }

  await step(
    'overview: what needs attention leads the page; a SKU in error is a link to the exposures filtered by Error on its channel',
    async () => {
      const reevaluate = () =>
        graphql('mutation { reevaluate(skuId: "2") { status } }').catch(
          () => null
        )

      await control('POST', '/faults', {
        match: 'GET /api/logistics/pvt/inventory/skus/2*',
        status: 503,
      })
      try {
        await reevaluate()
        await open('')
        const item = byTestId('attention-SKUS_IN_ERROR-MKB')

        await item.waitFor({ timeout: 30000 })
        const text = await item.textContent()

        if (!/^MKB: \d+ SKUs? (is|are) in error$/.test(text || ''))
          throw new Error(`the list says "${text}"`)
        await item.getByRole('link').click()
        await page.waitForURL(
          /\/exposures\?.*channel=MKB.*status=ERROR|\/exposures\?.*status=ERROR.*channel=MKB/
        )
        await byTestId('row-2:MKB').waitFor()
      } finally {
        await control('DELETE', '/faults')
        await reevaluate()
      }
    },
    { independent: true }
  )

  await step(
    'reconciliation: a sweep started while the catalog answers 503 says it waits for the catalog, and resumes to Done once it answers',
    async () => {
      await control('POST', '/faults', {
        match: 'GET /api/catalog_system/pvt/sku/stockkeepingunitids*',
        status: 503,
      })
      try {
        await open('/reconciliation')
        await byTestId('start-sweep-button').click()
        await toast('Sweep started')
        const waiting = byTestId('current-run-waiting')

        await waiting.waitFor({ timeout: 30000 })
        const text = await waiting.textContent()

        if (!/catalog/.test(text || ''))
          throw new Error(`the run says "${text}", naming no catalog`)
      } finally {
        await control('DELETE', '/faults')
      }

      // On its own, without another start: its next attempt is at most 30 s away (the retry
      // step), then the 217 SKUs are swept as the first sweep was (90 s at most).
      const progress = await runDone(120000)

      if (!/217 of 217 SKUs/.test(progress || ''))
        throw new Error(`progress says "${progress}"`)
      if (await byTestId('current-run-waiting').count())
        throw new Error('a finished run still says it waits')
    },
    { independent: true }
  )

  await step(
    "reconciliation: the schedule shows the scheduler's last call and the full sweep's last start; changed on the page, it says the new period",
    async () => {
      await open('/reconciliation')
      const lastCall = await byTestId('schedule-tick').textContent()

      if (!/Last call from vtex\.scheduler: (?!—)/.test(lastCall || ''))
        throw new Error(`the schedule says "${lastCall}"`)
      const full = await byTestId('schedule-full').textContent()

      if (!/every 24 h · last started (?!—)/.test(full || ''))
        throw new Error(`the schedule says "${full}"`)
      await byTestId('schedule-edit').click()
      await byTestId('schedule-partial-every').fill('30')
      await byTestId('schedule-save').click()
      await toast('Schedule saved')
      await page.waitForFunction(() => {
        const line = document.querySelector('[data-testid="schedule-partial"]')

        return !!line && (line.textContent || '').includes('every 30 min')
      })
      // Back to the default, so that the later steps and screenshots see the usual schedule.
      await byTestId('schedule-edit').click()
      await byTestId('schedule-partial-every').fill('60')
      await byTestId('schedule-save').click()
      await page.waitForFunction(() => {
        const line = document.querySelector('[data-testid="schedule-partial"]')

        return !!line && (line.textContent || '').includes('every 60 min')
      })
    },
    { independent: true }
  )

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
    'overview: "See which products" lists as many products as MKB\'s would-expose / would-withdraw count',
    async () => {
      const drift = await byTestId('channel-card-MKB')
        .locator('[data-testid="drift"]')
        .textContent()

      const [, expose, withdraw] =
        /would expose (\d+) \/ would withdraw (\d+)/.exec(drift || '') || []

      const counted = Number(expose) + Number(withdraw)

      if (!(counted > 0)) throw new Error(`MKB's counts say "${drift}"`)
      await byTestId('products-toggle-MKB').click()
      const list = byTestId('products-to-change-MKB')

      await list
        .locator('[data-testid^="product-to-change-"]')
        .first()
        .waitFor()
      const text = await list.textContent()

      if (!new RegExp(`· ${counted} products`).test(text || ''))
        throw new Error(`the list says "${text}", the counts ${counted}`)
      if (!/Put on the trade policy|Take off the trade policy/.test(text || ''))
        throw new Error(`the list names no change: "${text}"`)
      await byTestId('products-toggle-MKB').click()
    }
  )

  await trendsStep(ctx)

  await step(
    'exposures: withheld SKUs of MKB, SKU 1 among them with NO_MARKETPLACE_STOCK',
    async () => {
      await byTestId('open-MKB-WITHHELD').click()
      await page.waitForURL(
        /\/exposures\?.*channel=MKB.*status=WITHHELD|\/exposures\?.*status=WITHHELD.*channel=MKB/
      )
      const row = byTestId('row-1:MKB')

      await row.waitFor()
      await row.locator('[data-testid="reason-NO_MARKETPLACE_STOCK"]').waitFor()
      const statuses = await page
        .locator('[data-testid="exposure-table"] [data-testid^="status-"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))

      if (!statuses.length || statuses.some((s) => s !== 'status-WITHHELD'))
        throw new Error(`statuses on screen: ${statuses.join(',')}`)
      await shot('exposures')
    }
  )

  await step(
    'exposures: sorted by stock, largest first, unlimited stock (SKU 5) comes first and reads "unlimited"',
    async () => {
      await open('/exposures?channel=MKB&sort=AVAILABLE&order=DESC')
      const cells = page.locator(
        '[data-testid="exposure-table"] [data-testid^="available-"]'
      )

      await cells.first().waitFor()
      const shown = await cells.evaluateAll((els) =>
        els.map((e) => [
          e.getAttribute('data-testid'),
          (e.textContent || '').trim(),
        ])
      )

      const sku5 = shown.find(([id]) => id === 'available-5:MKB')

      if (!sku5 || sku5[1] !== 'unlimited')
        throw new Error(`SKU 5 reads ${JSON.stringify(sku5)}`)
      // Every unlimited row before every count, and the counts from the largest down.
      const values = shown.map(([, text]) =>
        text === 'unlimited' ? Infinity : text === '—' ? -1 : Number(text)
      )

      if (
        values[0] !== Infinity ||
        values.some((v, i) => i > 0 && v > values[i - 1])
      )
        throw new Error(`stock column in order shown: ${values.join(',')}`)
      // Back to MKB's withheld SKUs, where the next step picks SKU 1.
      await page.goBack()
      await byTestId('row-1:MKB').waitFor()
    }
  )

  await step(
    'SKU detail: SKU 1 on MKB is withheld for NO_MARKETPLACE_STOCK, with the warehouses it saw',
    async () => {
      await byTestId('row-1:MKB').click()
      await page.waitForURL(`**${BASE}/sku/1`)
      const mkb = byTestId('decision-MKB')

      await mkb.locator('[data-testid="status-WITHHELD"]').waitFor()
      await mkb.locator('[data-testid="reason-NO_MARKETPLACE_STOCK"]').waitFor()
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
    'settings: switching MKB to ENFORCE previews the catalog writes, lists the products they are, and saves after confirmation',
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
      // The review lists the products its counts are, from the same computation.
      const [, a, d] =
        /associating (\d+) and dissociating (\d+)/.exec(text) || []

      const counted = Number(a) + Number(d)

      if (counted > 0) {
        await byTestId('review-products-toggle-MKB').click()
        const listed = await byTestId('review-products-MKB').textContent()

        if (!new RegExp(`· ${counted} products`).test(listed || ''))
          throw new Error(`the review lists "${listed}", its counts ${counted}`)
        await byTestId('review-products-toggle-MKB').click()
      }

      await page.waitForTimeout(700)
      await shot('settings')
      await page.getByRole('button', { name: /save and enforce/i }).click()
      await toast('Settings saved')
    }
  )

  await step(
    'settings: a feed key created for MKB is shown once and opens the feed; revoked, the feed answers 401',
    async () => {
      await open('/settings')
      const section = byTestId('feed-keys-MKB')

      await section.locator('[data-testid="keys-count-MKB"]').waitFor()
      await byTestId('create-key-MKB').click()
      await byTestId('created-key-modal').waitFor()
      const input = byTestId('created-key-secret')
      const secret = await input.inputValue()
      const [, id] = /^sgk\.MKB\.([0-9a-f]{8})\./.exec(secret) || []

      // Never print the secret: only its id reaches the log.
      if (!id) throw new Error('the dialog shows no MKB key')
      const focused = await input.evaluate(
        (el) => el === document.activeElement
      )

      if (!focused) throw new Error('the key field does not have the focus')
      const allowed = await feed('MKB', secret)

      if (allowed.status !== 200)
        throw new Error(`feed with key ${id}: HTTP ${allowed.status}`)
      const body = await allowed.json()

      if (!Array.isArray(body.items))
        throw new Error(`feed with key ${id}: no items in the answer`)
      await page
        .getByLabel('I have copied the key and stored it safely')
        .check({ force: true })
      await byTestId('created-key-done').click()
      await byTestId('created-key-modal').waitFor({ state: 'detached' })
      if ((await page.content()).includes(secret))
        throw new Error('the secret is still in the page after closing')
      await byTestId(`key-MKB-${id}`).waitFor()
      // The section with the new key listed (the dialog with its secret is never pictured).
      await section.scrollIntoViewIfNeeded()
      await shot('settings-keys')

      await page
        .getByRole('button', { name: `Revoke key ${id} of MKB` })
        .click()
      await byTestId('revoke-key-modal').waitFor()
      await page.waitForTimeout(700) // modal fade-in
      await page.getByRole('button', { name: /^revoke key$/i }).click()
      await toast(`Key ${id} revoked`)
      await page.waitForFunction((keyId) => {
        const state = document.querySelector(
          `[data-testid="key-state-${keyId}"]`
        )

        return !!state && (state.textContent || '').includes('Revoked')
      }, id)
      const refused = await feed('MKB', secret)

      if (refused.status !== 401)
        throw new Error(`feed with revoked key ${id}: HTTP ${refused.status}`)
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
        policies = await policiesOf(1)
        if (policies.includes('2')) return
        await new Promise((r) => setTimeout(r, 500))
      }

      throw new Error(`product 1 policies after 30 s: ${policies.join(',')}`)
    }
  )

  await step(
    "settings: GGL switched to ENFORCE with expose at 3 in one save writes exactly the review's numbers, and puts no product on trade policy 3 only to take it off again",
    async () => {
      const writes = async () => {
        const { endpoints } = await control('GET', '/counters')
        const of = (method) =>
          Object.entries(endpoints)
            .filter(([key]) =>
              new RegExp(
                `^catalog ${method} /api/catalog/pvt/product/[^ ]+/salespolicy`
              ).test(key)
            )
            .reduce((n, [, v]) => n + v, 0)

        return { associate: of('POST'), dissociate: of('DELETE') }
      }

      const before = await writes()
      const inboxBefore = (await control('GET', '/affiliates/GGL/inbox')).length

      await open('/settings')
      await byTestId('settings-GGL').waitFor()
      await page.locator('#mode-GGL-1').check({ force: true })
      await byTestId('exposeAt-GGL').fill('3')
      await byTestId('settings-review').click()
      const warning = byTestId('enforce-warning-GGL')

      await warning.waitFor()
      const text = await warning.textContent()
      const [, associate, dissociate] =
        /associating (\d+) and dissociating (\d+) products on trade policy 3/.exec(
          text || ''
        ) || []

      if (associate === undefined) throw new Error(`warning says "${text}"`)
      const promised = {
        associate: Number(associate),
        dissociate: Number(dissociate),
      }

      if (promised.associate + promised.dissociate === 0)
        throw new Error('the review promises no write: nothing to compare')
      await page.waitForTimeout(700) // modal fade-in
      await page.getByRole('button', { name: /save and enforce/i }).click()
      await toast('Settings saved')

      // The writes land in the save's background, some after a retry: wait until the counts reach
      // the review's (or 90 s pass), then 3 s more, so that a write beyond them (a flap) is seen.
      const reached = (now) =>
        now.associate - before.associate >= promised.associate &&
        now.dissociate - before.dissociate >= promised.dissociate

      let done = await writes()

      for (
        const until = Date.now() + 90000;
        !reached(done) && Date.now() < until;

      ) {
        await new Promise((r) => setTimeout(r, 500))
        done = await writes()
      }

      await new Promise((r) => setTimeout(r, 3000))
      done = await writes()
      const wrote = {
        associate: done.associate - before.associate,
        dissociate: done.dissociate - before.dissociate,
      }

      if (
        wrote.associate !== promised.associate ||
        wrote.dissociate !== promised.dissociate
      )
        throw new Error(
          `the review said ${JSON.stringify(
            promised
          )}, the catalog got ${JSON.stringify(wrote)}`
        )
      log(
        `  GGL: the review said associate ${promised.associate} / dissociate ${promised.dissociate}; the catalog got the same`
      )
      // A flap tells GGL twice about one SKU: put on, then taken off.
      const told = (await control('GET', '/affiliates/GGL/inbox')).slice(
        inboxBefore
      )

      const kinds = new Map()

      for (const n of told) {
        const seen = kinds.get(n.IdSku) || new Set()

        seen.add(Boolean(n.HasStockKeepingUnitRemovedFromAffiliate))
        kinds.set(n.IdSku, seen)
      }

      const flapped = [...kinds].filter(([, seen]) => seen.size > 1)

      if (flapped.length)
        throw new Error(
          `GGL was told both ways about SKUs ${flapped
            .map(([id]) => id)
            .join(',')}`
        )
    }
  )

  await step(
    'stock buffers: a buffer of 1000 units for product 1 on MKB, saved in Settings, withholds SKU 1 on MKB at once, says so on its page, and takes product 1 off trade policy 2',
    async () => {
      await open('/settings')
      const form = byTestId('buffer-form')

      await byTestId('buffers-count').waitFor()
      await form.getByLabel('Product or SKU id').fill('1')
      await form.getByLabel('Channel').selectOption('MKB')
      await form.getByLabel('Expose at (units)').fill('1000')
      await form.getByLabel('Withdraw below (units)').fill('1000')
      await form
        .getByLabel('Note (why this buffer)')
        .fill('e2e: MKB needs a safety stock')
      await byTestId('buffer-save').click()
      await toast('Buffer PRODUCT-1-MKB saved')
      const row = await byTestId('buffer-PRODUCT-1-MKB').textContent()

      if (!/expose at 1,000, withdraw below 1,000/.test(row || ''))
        throw new Error(`the buffer's row says "${row}"`)
      await byTestId('buffer-PRODUCT-1-MKB').scrollIntoViewIfNeeded()
      await shot('settings-buffers')

      await open('/sku/1')
      await byTestId('decision-MKB')
        .locator('[data-testid="status-WITHHELD"]')
        .waitFor()
      const notice = await byTestId('buffer-MKB').textContent()

      if (!/PRODUCT-1-MKB: this SKU needs 1,000 units/.test(notice || ''))
        throw new Error(`the SKU page says "${notice}"`)
      if (await byTestId('buffer-GGL').count())
        throw new Error('the MKB buffer is shown on GGL')
      const until = Date.now() + 30000
      let policies = await policiesOf(1)

      while (policies.includes('2') && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 500))
        policies = await policiesOf(1)
      }

      if (policies.includes('2'))
        throw new Error(`product 1 policies after 30 s: ${policies.join(',')}`)
    }
  )

  await step(
    'in Portuguese and Spanish, no page shows a raw code (reasons, seller exclusions, VTEX errors, run findings)',
    async () => {
      // A code is upper-case words joined by "_" (NO_MARKETPLACE_STOCK, INACTIVE_BINDING...).
      const CODE = /\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/g
      const { reconciliations } = await graphql(
        '{ reconciliations(pageSize: 1) { items { id } } }'
      )

      // Each page with what shows it has loaded its data.
      const pages = [
        ['', 'channel-card-MKB'],
        [`/reconciliation/runs/${reconciliations.items[0].id}`, 'run-calls'],
        ['/exposures?channel=MKB', 'exposure-table'],
        ['/exposures?channel=GGL&status=WITHHELD', 'exposure-table'],
        // SKU 17: its seller binding is inactive (the demo catalog's skuId % 17).
        ['/sku/17', 'decision-MKB'],
        ['/sku/1', 'decision-MKB'],
        ['/reconciliation', 'schedule'],
        ['/settings', 'settings-MKB'],
      ]

      const found = []

      for (const locale of ['pt', 'es']) {
        for (const [route, ready] of pages) {
          await open(
            `${route}${route.includes('?') ? '&' : '?'}locale=${locale}`
          )
          await byTestId(ready).first().waitFor()
          await page.waitForFunction(
            () =>
              !document.querySelector(
                '[data-testid="page-loading"], .vtex-spinner, [data-testid$="-loading"]'
              )
          )
          const text = await page.evaluate(() => document.body.innerText)

          for (const code of new Set(text.match(CODE) || []))
            found.push(`${locale} ${route || '/'}: ${code}`)
        }
      }

      if (found.length) throw new Error(found.join(' | '))
    }
  )

  await step(
    'stock buffers: deleting the buffer in Settings puts SKU 1 back on MKB and product 1 back on trade policy 2',
    async () => {
      await open('/settings')
      await byTestId('buffer-delete-PRODUCT-1-MKB').click()
      await byTestId('delete-buffer-modal').waitFor()
      await page.waitForTimeout(700) // modal fade-in
      await page.getByRole('button', { name: 'Delete', exact: true }).click()
      await toast('Buffer PRODUCT-1-MKB deleted')
      await byTestId('buffers-empty').waitFor()
      const until = Date.now() + 30000
      let policies = await policiesOf(1)

      while (!policies.includes('2') && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 500))
        policies = await policiesOf(1)
      }

      if (!policies.includes('2'))
        throw new Error(`product 1 policies after 30 s: ${policies.join(',')}`)
      await open('/sku/1')
      await byTestId('decision-MKB')
        .locator('[data-testid="status-EXPOSED"]')
        .waitFor()
    }
  )

  await step(
    'reconciliation: a sweep opens from the history to its own page, which lists the drift it found and its calls by API',
    async () => {
      // Drift the events do not tell: an exposed MKB SKU's only stock for trade policy 2 gone.
      const { exposures } = await graphql(
        '{ exposures(filter: { channel: "MKB", status: EXPOSED }, pageSize: 5) { items { skuId } } }'
      )

      const skuId = exposures.items.map((e) => e.skuId).find((id) => id !== '1')

      if (!skuId) throw new Error('no exposed MKB SKU to drift')
      const stock = await (
        await vtex('GET', `/api/logistics/pvt/inventory/skus/${skuId}`)
      ).json()

      const put = (row) =>
        vtex(
          'PUT',
          `/api/logistics/pvt/inventory/skus/${skuId}/warehouses/${row.warehouseId}`,
          {
            quantity: row.totalQuantity,
            unlimitedQuantity: row.hasUnlimitedQuantity,
            leadTime: '00:00:00',
          }
        )

      await control('POST', '/events', { enabled: false })
      try {
        await put({
          warehouseId: 'wh-a',
          totalQuantity: 0,
          hasUnlimitedQuantity: false,
        })
        await open('/reconciliation')
        await page.getByLabel('SKU ids (comma or space separated)').fill(skuId)
        await byTestId('start-sweep-button').click()
        await toast('Sweep started')
        await runDone(60000)
        await open('/reconciliation')
        const link = page.locator('[data-testid="run-history"] tbody tr a')

        await link.first().click()
        await page.waitForURL(/\/reconciliation\/runs\/[0-9]+-[0-9a-f]+$/)
        const row = page
          .locator('[data-testid="findings"] tbody tr')
          .filter({ hasText: 'Exposed → Withheld' })

        await row.first().waitFor()
        const text = await row.first().textContent()

        if (!text.includes(skuId) || !text.includes('MKB'))
          throw new Error(`the finding says "${text}", not SKU ${skuId} on MKB`)
        const calls = await byTestId('run-calls').textContent()

        await shot('run-detail')
        if (!/catalog: \d+/.test(calls || ''))
          throw new Error(`the calls say "${calls}"`)
      } finally {
        await control('POST', '/events', { enabled: true })
        for (const row of stock.balance) await put(row)
      }
    },
    { independent: true }
  )

  await step(
    "reconciliation: the latest settings save (GGL switched to ENFORCE) opens to its apply's catalog writes",
    async () => {
      await open('/reconciliation')
      await page
        .locator('[data-testid="settings-saves"] tbody tr a')
        .first()
        .click()
      await page.waitForURL(/\/reconciliation\/runs\/[0-9]+-[0-9a-f]+$/)
      await byTestId('run-summary').waitFor()
      const rows = page
        .locator('[data-testid="findings"] tbody tr')
        .filter({ hasText: 'Put on trade policy 3' })

      await rows.first().waitFor()
      if (!(await rows.first().textContent()).includes('GGL'))
        throw new Error('the apply lists no write on GGL')
    },
    { independent: true }
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
    "navigation: VTEX Admin's menu (admin/navigation.json) opens each page, which draws no section tabs of its own",
    async () => {
      await open('')
      const menu = page.getByRole('navigation', { name: 'VTEX Admin' })

      for (const [label, testId] of [
        ['Exposures', 'exposure-table'],
        ['Settings', 'settings-MKB'],
        ['Reconciliation', 'schedule'],
        ['Overview', 'channel-card-MKB'],
      ]) {
        await menu.getByRole('link', { name: label, exact: true }).click()
        await byTestId(testId).first().waitFor()
        const current = await menu
          .locator('[aria-current="page"]')
          .textContent()

        if (current !== label)
          throw new Error(`the menu marks "${current}" on the ${label} page`)
        const inPage = await page
          .locator('main')
          .getByRole('button', { name: label, exact: true })
          .count()

        if (inPage)
          throw new Error(`the ${label} page repeats the menu as tabs`)
      }
    }
  )

  await step(
    'accessibility: axe-core finds no serious or critical violation on any page, colour contrast included',
    async () => {
      const { reconciliations } = await graphql(
        '{ reconciliations(pageSize: 1) { items { id } } }'
      )

      const pages = [
        ['', 'channel-card-MKB'],
        ['/exposures?channel=MKB', 'exposure-table'],
        ['/sku/1', 'decision-MKB'],
        ['/settings', 'settings-MKB'],
        ['/reconciliation', 'schedule'],
        [`/reconciliation/runs/${reconciliations.items[0].id}`, 'run-calls'],
      ]

      const found = []

      for (const [route, ready] of pages) {
        await open(route)
        await byTestId(ready).first().waitFor()
        await page.addScriptTag({ path: require.resolve('axe-core') })
        const violations = await page.evaluate(async () => {
          // eslint-disable-next-line no-undef
          const result = await axe.run(document, {
            resultTypes: ['violations'],
          })

          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map(
              (v) =>
                `${v.id} (${v.impact}, ${
                  v.nodes.length
                }: ${v.nodes[0].target.join(' ')})`
            )
        })

        for (const v of violations) found.push(`${route || '/'}: ${v}`)
      }

      if (found.length) throw new Error(found.join(' | '))
    },
    { independent: true }
  )

  await step(
    'exposures: a brand picked from the catalog list on trade policy 3 shows only its GGL rows, and blocking every matching row (past the page) confirms the filter total first',
    async () => {
      await open('/exposures?tp=3&pageSize=25')
      await byTestId('exposure-table').waitFor()
      // The brands come from the catalog: pick the first one the list offers.
      await page.waitForFunction(
        () =>
          document.querySelectorAll('[data-testid="filter-brand"] option')
            .length > 1
      )
      const brand = byTestId('filter-brand').locator('select')
      const option = brand.locator('option').nth(1)
      const value = await option.getAttribute('value')
      const [name] = ((await option.textContent()) || '').split(' (')

      await brand.selectOption(value)
      await page.waitForURL(`**brand=${value}**`)
      const places = page.locator('[data-testid^="place-"]')

      await page.waitForFunction(
        (wanted) => {
          const cells = [
            ...document.querySelectorAll('[data-testid^="place-"]'),
          ]

          return (
            cells.length > 0 &&
            cells.every((c) => (c.textContent || '').startsWith(wanted))
          )
        },
        name,
        { timeout: 15000 }
      )
      const ids = await places.evaluateAll((els) =>
        els.map((e) => e.getAttribute('data-testid'))
      )

      if (ids.some((id) => !id.endsWith(':GGL')))
        throw new Error(`rows off trade policy 3: ${ids.join(',')}`)
      await page.getByLabel('Select all rows on this page').check()
      const offer = (await byTestId('select-matching').textContent()) || ''
      const total = Number(
        (offer.match(/([\d,]+)/) || ['', ''])[1].replace(/,/g, '')
      )

      if (!(total > ids.length))
        throw new Error(`"${offer}" is not more than the page's ${ids.length}`)
      await byTestId('select-matching').click()
      await byTestId('bulk-override').click()
      await byTestId('override-modal').waitFor()
      await page
        .locator('[data-testid="override-modal"] textarea')
        .fill('e2e: brand recall')
      await page.waitForTimeout(700) // modal fade-in
      await page.getByRole('button', { name: /save override/i }).click()
      const count = await byTestId('matching-confirm-count').textContent()

      if (!(count || '').includes(`${total} rows`))
        throw new Error(`the dialog confirms "${count}", not ${total}`)
      await page.waitForTimeout(700) // modal fade-in
      await page.getByRole('button', { name: `Block ${total} rows` }).click()
      await toast(`Override saved on ${total} rows`)
    },
    { independent: true }
  )

  await step('no page errors, console errors or failed requests', async () => {
    if (problems.length) throw new Error(problems.slice(0, 5).join(' | '))
  })
}

module.exports = { flow }
