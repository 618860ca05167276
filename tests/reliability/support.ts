/** Shared by the reliability suites: decisions, the audit trail and its invariants. */
import type { Emulator } from '../support/emulator'
import { control, vtex } from '../support/emulator'
import type { Worker } from '../support/worker'
import { graphql, waitFor } from '../support/worker'

export interface Decision {
  status: string
  reasons: string[]
  available: number | null
  productId: string | null
}

export interface AuditItem {
  id: string
  at: string
  skuId: string | null
  productId: string | null
  channel: string | null
  kind: string
  cause: string
  fromStatus: string | null
  toStatus: string | null
  reasons: string[]
}

const FIELDS = 'status reasons available productId'

export async function stored(worker: Worker, skuId: string, channel = 'MKB') {
  const res = await graphql<{ exposure: Decision | null }>(
    worker,
    `query ($s: ID!, $c: ID!) { exposure(skuId: $s, channel: $c) { ${FIELDS} } }`,
    { s: skuId, c: channel }
  )

  return res.data?.exposure ?? null
}

/** A fresh evaluation of the SKU (fresh reads), as the operator's re-evaluate does it. */
export async function fresh(worker: Worker, skuId: string, channel = 'MKB') {
  const res = await graphql<{ reevaluate: Decision[] }>(
    worker,
    `mutation ($s: ID!, $c: ID) { reevaluate(skuId: $s, channel: $c) { ${FIELDS} } }`,
    { s: skuId, c: channel }
  )

  if (res.errors) throw new Error(JSON.stringify(res.errors))

  return res.data?.reevaluate[0] ?? null
}

/** Every audit entry for a SKU (its own and its product's), all pages. */
export async function auditOf(worker: Worker, skuId: string) {
  const items: AuditItem[] = []

  for (let page = 1; page < 50; page++) {
    const res = await graphql<{ auditTrail: { items: AuditItem[] } }>(
      worker,
      'query ($s: ID, $p: Int) { auditTrail(skuId: $s, page: $p, pageSize: 100) { items { id at skuId productId channel kind cause fromStatus toStatus reasons } } }',
      { s: skuId, p: page }
    )

    const batch = res.data?.auditTrail.items ?? []

    items.push(...batch)
    if (batch.length < 100) break
  }

  return items
}

/**
 * The SKU's status changes on a channel, oldest first: each starts where the previous ended (no
 * gap, no duplicate) and the last ends at the current status.
 */
export function statusChain(
  items: AuditItem[],
  skuId: string,
  channel: string
) {
  return items
    .filter(
      (i) =>
        i.kind === 'STATUS_CHANGE' && i.skuId === skuId && i.channel === channel
    )
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
    .map((i) => [i.fromStatus, i.toStatus] as const)
}

export function chainProblems(
  chain: ReadonlyArray<readonly [string | null, string | null]>,
  current: string | null
) {
  const problems: string[] = []

  chain.forEach(([from], i) => {
    if (i > 0 && from !== chain[i - 1][1])
      problems.push(`#${i} from ${from} after ${chain[i - 1][1]}`)
  })
  const last = chain[chain.length - 1]?.[1] ?? null

  if (last !== current) problems.push(`ends at ${last}, current ${current}`)

  return problems
}

export async function setStock(
  emulator: Pick<Emulator, 'url'>,
  skuId: string,
  quantity: number,
  warehouse = 'wh-a'
) {
  const res = await vtex(
    emulator,
    'PUT',
    `/api/logistics/pvt/inventory/skus/${skuId}/warehouses/${warehouse}`,
    { quantity, unlimitedQuantity: false, leadTime: '00:00:00' }
  )

  if (res.status !== 200) throw new Error(`stock ${skuId}: ${res.status}`)
}

export async function productSkus(
  emulator: Pick<Emulator, 'url'>,
  productId: string
) {
  const res = await vtex(
    emulator,
    'GET',
    `/api/catalog_system/pvt/sku/stockkeepingunitByProductId/${productId}`
  )

  return (res.body as Array<{ Id: number }>).map((s) => String(s.Id))
}

const ASSOCIATE =
  '/POST \\/api\\/catalog\\/pvt\\/product\\/\\d+\\/salespolicy\\/\\d+/'

/**
 * VTEX refuses every attempt to put a product on a trade policy (until the test lifts the
 * faults), and the demo's SKU 1 (product 1, on trade policy 1 only) gets stock in wh-a, whose
 * dock serves MKB's trade policy 2. Returns once the worker's write was refused.
 */
export async function refuseSku1OnMkb(emulator: Emulator, worker: Worker) {
  await control(emulator, 'POST', '/faults', {
    match: ASSOCIATE,
    status: 503,
    times: 100,
  })
  await vtex(
    emulator,
    'PUT',
    '/api/logistics/pvt/inventory/skus/1/warehouses/wh-a',
    { quantity: 3, unlimitedQuantity: false, leadTime: '00:00:00' }
  )
  await control(emulator, 'POST', '/events/flush')
  await waitFor('the refused write', async () =>
    worker.logs.some((l) => l.includes('"message":"enforce-write-failed"'))
  )
}

/** The SKU's row in the Master Data projection (what the admin's list and sweeps read). */
export async function row(worker: Worker, skuId: string, channel = 'MKB') {
  const res = await graphql<{
    exposures: { items: Array<Decision & { skuId: string }> }
  }>(
    worker,
    `query ($f: ExposureFilter) { exposures(filter: $f, pageSize: 100) { items { skuId ${FIELDS} } } }`,
    { f: { channel, text: skuId } }
  )

  if (res.errors) throw new Error(JSON.stringify(res.errors))
  const found = res.data?.exposures.items.find((i) => i.skuId === skuId)

  if (!found) return null
  const { skuId: _, ...decision } = found

  return decision
}
