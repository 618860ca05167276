/** Helpers shared by the reconciliation integration tests (real worker + emulator). */
import type { Emulator } from '../support/emulator'
import { control, vtex } from '../support/emulator'
import type { Worker } from '../support/worker'
import { ACCOUNT, graphql, waitFor } from '../support/worker'

export const SWEEP_ENV = {
  RECONCILE_PAGE_SIZE: '10',
  RECONCILE_CHECKPOINT_EVERY: '3',
  RECONCILE_LOCK_MS: '3000',
  FEED_SETTLE_MS: '0',
}

export interface RunOut {
  id: string
  state: string
  done: number
  total: number
  driftFound: number
  driftFixed: number
  errors: Array<{ code: string; count: number }>
  upstreamCallsPerSku: number | null
  rate: number | null
}

const RUN_FIELDS =
  'id state done total driftFound driftFixed errors { code count } upstreamCallsPerSku rate eta'

export async function startRun(
  worker: Worker,
  scope: Record<string, unknown> = {}
) {
  const res = await graphql<{ startReconciliation: RunOut }>(
    worker,
    `mutation ($scope: ReconciliationScopeInput!) { startReconciliation(scope: $scope) { ${RUN_FIELDS} } }`,
    { scope }
  )

  if (!res.data?.startReconciliation)
    throw new Error(`start failed: ${JSON.stringify(res.errors)}`)

  return res.data.startReconciliation
}

export async function runOf(worker: Worker, id?: string) {
  const res = await graphql<{ reconciliation: RunOut | null }>(
    worker,
    `query ($id: ID) { reconciliation(id: $id) { ${RUN_FIELDS} } }`,
    { id }
  )

  return res.data?.reconciliation ?? null
}

export async function finished(worker: Worker, id: string, timeoutMs = 40_000) {
  return waitFor(
    `run ${id} finished`,
    async () => {
      const run = await runOf(worker, id)

      return run && ['DONE', 'FAILED', 'CANCELLED'].includes(run.state)
        ? run
        : null
    },
    timeoutMs
  )
}

export async function setModes(worker: Worker, mode: 'OBSERVE' | 'ENFORCE') {
  const res = await graphql(
    worker,
    `
      mutation ($input: SettingsInput!) {
        saveSettings(input: $input) {
          retentionDays
        }
      }
    `,
    {
      input: {
        channels: [
          { channel: 'MKB', mode },
          { channel: 'GGL', mode },
        ],
      },
    }
  )

  if (res.errors) throw new Error(JSON.stringify(res.errors))
}

/** A fresh generated account with events off (drift accumulates unseen). */
export async function freshAccount(emulator: Emulator, skus: number) {
  await control(emulator, 'POST', '/reset', {
    seed: { kind: 'generated', skus, seed: 7 },
  })
  await control(emulator, 'POST', '/events', { enabled: false })
}

export async function productIds(emulator: Emulator): Promise<string[]> {
  const res = await vtex(
    emulator,
    'GET',
    '/api/catalog_system/pvt/products/GetProductAndSkuIds?_from=1&_to=1000'
  )

  return Object.keys((res.body as { data: Record<string, number[]> }).data)
}

export async function policies(emulator: Emulator, productId: string) {
  const res = await vtex(
    emulator,
    'GET',
    `/api/catalog/pvt/product/${productId}/salespolicy`
  )

  return (res.body as Array<{ StoreId: number }>)
    .map((r) => String(r.StoreId))
    .sort((a, b) => a.localeCompare(b))
}

export async function counters(emulator: Emulator) {
  return (await control(emulator, 'GET', '/counters')).body as {
    endpoints: Record<string, number>
    totals: Record<string, number>
    statuses: Record<string, number>
    total: number
  }
}

export const salesPolicyWrites = (c: { endpoints: Record<string, number> }) =>
  Object.entries(c.endpoints)
    .filter(([k]) =>
      /(POST|DELETE) \/api\/catalog\/pvt\/product\/.*salespolicy/.test(k)
    )
    .reduce((sum, [, n]) => sum + n, 0)

/** The feed as an affiliate calls it through IO's router (public route). */
export function feedGet(
  worker: Worker,
  channel: string,
  query: string,
  key?: string | null
) {
  return fetch(
    `${worker.url}/_v/marketplace-stock-gate/channels/${channel}/exposures${query}`,
    {
      headers: {
        'x-vtex-account': ACCOUNT,
        'x-vtex-workspace': 'master',
        'x-vtex-credential': 'local-app-token',
        'x-colossus-route-id': 'channelExposures',
        'x-colossus-params': `affiliateId=${channel}`,
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
    }
  )
}
