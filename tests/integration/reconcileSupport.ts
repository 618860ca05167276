/** Helpers shared by the reconciliation integration tests (real worker + emulator). */
import type { Emulator } from '../support/emulator'
import { control, lifecycle, vtex } from '../support/emulator'
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
/** A GET of an affiliate's route (`exposures`: the change feed, `snapshot`: where it starts). */
function channelGet(
  worker: Worker,
  route: { id: string; path: string },
  {
    channel,
    query,
    key,
  }: { channel: string; query: string; key?: string | null }
) {
  return fetch(
    `${worker.url}/_v/marketplace-stock-gate/channels/${channel}/${route.path}${query}`,
    {
      headers: {
        'x-vtex-account': ACCOUNT,
        'x-vtex-workspace': 'master',
        'x-vtex-credential': worker.appToken,
        'x-colossus-route-id': route.id,
        'x-colossus-params': `affiliateId=${channel}`,
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
    }
  )
}

type ChannelGet = (
  worker: Worker,
  channel: string,
  query: string,
  key?: string | null
) => Promise<Response>

export const feedGet: ChannelGet = (worker, channel, query, key) =>
  channelGet(
    worker,
    { id: 'channelExposures', path: 'exposures' },
    { channel, query, key }
  )

export const snapshotGet: ChannelGet = (worker, channel, query, key) =>
  channelGet(
    worker,
    { id: 'channelSnapshot', path: 'snapshot' },
    { channel, query, key }
  )

export async function snapshot(emulator: Emulator) {
  const ids = await productIds(emulator)
  const entries = await Promise.all(
    ids.map(async (id) => [id, await policies(emulator, id)] as const)
  )

  return new Map(entries)
}

export const changed = (a: Map<string, string[]>, b: Map<string, string[]>) =>
  [...a.keys()].reduce((n, id) => {
    const before = new Set(a.get(id))
    const after = new Set(b.get(id))

    return (
      n +
      [...before].filter((s) => !after.has(s)).length +
      [...after].filter((s) => !before.has(s)).length
    )
  }, 0)

/** productId -> channel -> should the product be on the channel's trade policy (from the decisions). */
export async function decisions(worker: Worker) {
  const res = await graphql<{
    exposures: {
      items: Array<{ productId: string; channel: string; status: string }>
    }
  }>(
    worker,
    '{ exposures(pageSize: 100) { items { productId channel status } } }'
  )

  const statuses = new Map<string, Record<string, string[]>>()

  for (const e of res.data?.exposures.items ?? []) {
    const byChannel = statuses.get(e.productId) ?? {}

    byChannel[e.channel] = [...(byChannel[e.channel] ?? []), e.status]
    statuses.set(e.productId, byChannel)
  }

  const wanted = new Map<string, Record<string, boolean | null>>()

  for (const [productId, byChannel] of statuses) {
    const want: Record<string, boolean | null> = {}

    for (const [channel, list] of Object.entries(byChannel))
      want[channel] = list.includes('EXPOSED')
        ? true
        : list.every((st) => st === 'WITHHELD')
        ? false
        : null
    wanted.set(productId, want)
  }

  return wanted
}

const SC: Record<string, string> = { MKB: '2', GGL: '3' }

/** Every product the decisions govern is on exactly the trade policies they require. */
export function expectRightAssociations(
  wanted: Map<string, Record<string, boolean | null>>,
  state: Map<string, string[]>
) {
  expect(wanted.size).toBeGreaterThan(5)
  const wrong = [...wanted].flatMap(([productId, want]) =>
    Object.entries(want)
      .filter(
        ([channel, on]) =>
          on !== null &&
          (state.get(productId) ?? []).includes(SC[channel]) !== on
      )
      .map(([channel]) => `${productId}@${channel}`)
  )

  expect(wrong).toEqual([])
}

export async function firstExposedSku(worker: Worker) {
  const res = await graphql<{ exposures: { items: Array<{ skuId: string }> } }>(
    worker,
    '{ exposures(filter: { channel: "MKB", status: EXPOSED }, pageSize: 1) { items { skuId } } }'
  )

  return res.data?.exposures.items[0]?.skuId
}

/** The tick as vtex.scheduler sends it: the public route with the secret the app registered. */
export async function tickRoute(emulator: Emulator, w: Worker) {
  // The app's install registers the tick and creates its secret (IO's apps setup event).
  await lifecycle(emulator, 'install')
  const secret = await waitFor('tick secret', async () => {
    const res = await vtex(
      emulator,
      'GET',
      '/vbase/v2/marketplacea/master/buckets/marketplacea.marketplace-stock-gate/reconcile/files/tick-secret',
      undefined,
      'infra.io.vtex.com'
    )

    return (res.body as { secret?: string } | null)?.secret ?? null
  })

  const call = (headers: Record<string, string>) =>
    fetch(`${w.url}/_v/marketplace-stock-gate/reconcile/tick`, {
      method: 'POST',
      headers: {
        'x-vtex-account': 'marketplacea',
        'x-vtex-workspace': 'master',
        'x-vtex-credential': w.appToken,
        'x-colossus-route-id': 'reconcileTick',
        ...headers,
      },
    })

  expect((await call({})).status).toBe(401)
  expect((await call({ 'x-stock-gate-tick': 'nope' })).status).toBe(401)
  const res = await call({ 'x-stock-gate-tick': secret })

  return (await res.json()) as { outcome: string; runId: string | null }
}
