/**
 * A run's detail through the real worker and the emulator: what a sweep found (the SKUs that
 * drifted, the product it wrote, the write VTEX refused, with its reason) and what a settings
 * save's ENFORCE switch wrote, listed from the audit entries tagged with the run's id.
 */
import { readFileSync } from 'fs'
import { join } from 'path'

import type { Emulator } from '../support/emulator'
import { control, emulatorFor, vtex } from '../support/emulator'
import type { Worker } from '../support/worker'
import { freePort, graphql, startWorker, waitFor } from '../support/worker'
import {
  finished,
  freshAccount,
  policies,
  setModes,
  startRun,
  SWEEP_ENV,
} from './reconcileSupport'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const port = await freePort()

  emulator = await emulatorFor(`http://127.0.0.1:${port}`, 'none')
  worker = await startWorker(emulator.url, port, SWEEP_ENV)
})

afterAll(async () => {
  await worker?.stop()
  await emulator?.close()
})

interface Finding {
  id: string
  kind: string
  skuId: string | null
  productId: string | null
  channel: string | null
  fromStatus: string | null
  toStatus: string | null
  change: string | null
  tradePolicy: string | null
  code: string | null
}

interface FindingPage {
  items: Finding[]
  total: number
}

async function findings(
  runId: string,
  args: {
    channel?: string
    kind?: string
    page?: number
    pageSize?: number
  } = {}
) {
  const res = await graphql<{ runFindings: FindingPage }>(
    worker,
    `
      query (
        $runId: ID!
        $channel: ID
        $kind: RunFindingKind
        $page: Int
        $pageSize: Int
      ) {
        runFindings(
          runId: $runId
          channel: $channel
          kind: $kind
          page: $page
          pageSize: $pageSize
        ) {
          total
          items {
            id
            kind
            skuId
            productId
            channel
            fromStatus
            toStatus
            change
            tradePolicy
            code
          }
        }
      }
    `,
    { runId, ...args }
  )

  if (!res.data) throw new Error(JSON.stringify(res.errors))

  return res.data.runFindings
}

/** MKB's exposed SKUs, alone exposed in their product on MKB: withdrawing one dissociates it. */
async function loneExposedOnMkb() {
  const res = await graphql<{
    exposures: {
      items: Array<{ skuId: string; productId: string; status: string }>
    }
  }>(
    worker,
    '{ exposures(filter: { channel: "MKB" }, pageSize: 100) { items { skuId productId status } } }'
  )

  const items = res.data?.exposures.items ?? []
  const exposed = items.filter((e) => e.status === 'EXPOSED')

  return exposed.filter(
    (e) => exposed.filter((o) => o.productId === e.productId).length === 1
  )
}

/** Warehouse A reaches trade policy 2 alone (MKB): its stock gone withdraws the SKU there only. */
const emptyWarehouseA = (skuId: string) =>
  vtex(
    emulator,
    'PUT',
    `/api/logistics/pvt/inventory/skus/${skuId}/warehouses/wh-a`,
    { quantity: 0, unlimitedQuantity: false, leadTime: '00:00:00' }
  )

const sorted = (list: Finding[]) =>
  [...list].sort((a, b) =>
    `${a.kind}${a.skuId}${a.productId}`.localeCompare(
      `${b.kind}${b.skuId}${b.productId}`
    )
  )

describe('given an ENFORCE account in line, then 2 SKUs of 2 products out of stock unseen', () => {
  describe('when a sweep finds them and VTEX refuses one of the 2 writes', () => {
    it('should list exactly the 2 drifts, the write made and the write refused with its reason, paged and filtered', async () => {
      await freshAccount(emulator, 30)
      await setModes(worker, 'ENFORCE')
      await finished(worker, (await startRun(worker)).id)

      const [a, b] = await loneExposedOnMkb()

      expect(a && b).toBeTruthy()
      expect(await policies(emulator, a.productId)).toContain('2')
      expect(await policies(emulator, b.productId)).toContain('2')
      await emptyWarehouseA(a.skuId)
      await emptyWarehouseA(b.skuId)
      await control(emulator, 'POST', '/faults', {
        match: `DELETE /api/catalog/pvt/product/${b.productId}/salespolicy/2`,
        status: 503,
      })

      let run

      try {
        run = await finished(worker, (await startRun(worker)).id)
      } finally {
        await control(emulator, 'DELETE', '/faults')
      }

      expect(run.state).toBe('DONE')
      const all = await findings(run.id)

      expect(all.total).toBe(4)
      expect(sorted(all.items).map(({ id, ...rest }) => rest)).toEqual(
        sorted([
          ...[a, b].map((s) => ({
            id: '',
            kind: 'DRIFTED',
            skuId: s.skuId,
            productId: s.productId,
            channel: 'MKB',
            fromStatus: 'EXPOSED',
            toStatus: 'WITHHELD',
            change: null,
            tradePolicy: null,
            code: null,
          })),
          {
            id: '',
            kind: 'WRITTEN',
            skuId: a.skuId,
            productId: a.productId,
            channel: 'MKB',
            fromStatus: null,
            toStatus: null,
            change: 'DISSOCIATE',
            tradePolicy: '2',
            code: null,
          },
          {
            id: '',
            kind: 'FAILED',
            skuId: b.skuId,
            productId: b.productId,
            channel: 'MKB',
            fromStatus: null,
            toStatus: null,
            change: 'DISSOCIATE',
            tradePolicy: '2',
            code: 'UPSTREAM_UNAVAILABLE',
          },
        ]).map(({ id, ...rest }) => rest)
      )

      // Pages of one: each finding once, in the order of the whole list.
      const pages = await Promise.all(
        [1, 2, 3, 4, 5].map((page) => findings(run.id, { page, pageSize: 1 }))
      )

      expect(pages.map((p) => p.items.map((f) => f.id))).toEqual([
        ...all.items.map((f) => [f.id]),
        [],
      ])
      expect(pages.every((p) => p.total === 4)).toBe(true)

      const failed = await findings(run.id, { kind: 'FAILED' })

      expect(failed.items.map((f) => [f.productId, f.code])).toEqual([
        [b.productId, 'UPSTREAM_UNAVAILABLE'],
      ])
      expect((await findings(run.id, { kind: 'DRIFTED' })).total).toBe(2)
      expect((await findings(run.id, { channel: 'GGL' })).total).toBe(0)
      expect((await findings(run.id, { channel: 'MKB' })).total).toBe(4)
    }, 90_000)
  })
})

describe('given MKB in OBSERVE with products to put on its trade policy', () => {
  describe('when a save switches MKB to ENFORCE', () => {
    it("should open the save's apply as a run: its writes listed under the job's id", async () => {
      await freshAccount(emulator, 30)
      await setModes(worker, 'OBSERVE')
      await finished(worker, (await startRun(worker)).id)
      let a: { productId: string } | undefined

      for (const e of await loneExposedOnMkb()) {
        if (!(await policies(emulator, e.productId)).includes('2')) {
          a = e
          break
        }
      }

      if (!a) throw new Error('no product for ENFORCE to put on MKB')

      const saved = await graphql<{ saveSettings: { applyJobId: string } }>(
        worker,
        'mutation { saveSettings(input: { channels: [{ channel: "MKB", mode: ENFORCE }] }) { applyJobId } }'
      )

      const jobId = saved.data?.saveSettings.applyJobId ?? ''

      expect(jobId).toMatch(/^[0-9]+-[0-9a-f]{8}$/)
      const job = await waitFor('apply done', async () => {
        const res = await graphql<{
          job: {
            kind: string
            status: string
            result: { applied: { calls: Array<{ api: string }> } } | null
          }
        }>(
          worker,
          'query ($id: ID!) { job(id: $id) { kind status result { applied { decidedAgain failed calls { api count } } } } }',
          { id: jobId }
        )

        return res.data?.job.status === 'DONE' ? res.data.job : null
      })

      expect(job.kind).toBe('SETTINGS_APPLY')
      expect(job.result?.applied.calls.map((c) => c.api)).toContain('catalog')
      expect(await policies(emulator, a.productId)).toContain('2')
      const written = await findings(jobId, { kind: 'WRITTEN' })

      expect(written.items).toContainEqual(
        expect.objectContaining({
          productId: a.productId,
          channel: 'MKB',
          change: 'ASSOCIATE',
        })
      )
      expect(written.items.every((f) => f.channel === 'MKB')).toBe(true)
      // The detail page's own document for an apply answers for the job's id.
      const page = await graphql<{ job: { kind: string } | null }>(
        worker,
        readFileSync(
          join(
            __dirname,
            '../../react/admin/runDetail/graphql/applyDetail.gql'
          ),
          'utf8'
        ),
        { id: jobId }
      )

      expect(page.errors).toBeUndefined()
      expect(page.data?.job?.kind).toBe('SETTINGS_APPLY')
      // The Reconciliation page lists the save, with the job to open.
      const saves = await graphql<{
        settingsSaves: { items: Array<{ applyJobId: string | null }> }
      }>(worker, '{ settingsSaves(pageSize: 1) { items { applyJobId } } }')

      expect(saves.data?.settingsSaves.items).toEqual([{ applyJobId: jobId }])
      // An apply that only writes finds no drift and meets no failure here.
      expect((await findings(jobId)).total).toBe(written.total)
    }, 90_000)
  })
})
