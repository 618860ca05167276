import { ConflictError, updateDoc } from '../../../clients/stateDocs'
import type { Versioned } from '../../../clients/stateDocs'
import type { SkuContextResponse } from '../../../typings/catalog'
import type { InventoryResponse } from '../../../typings/logistics'
import type { PriceResponse } from '../../../typings/pricing'
import { skuContextOf } from '../../../clients/catalogShapes'
import { balancesOf, dockOf, warehouseOf } from '../../../clients/logistics'
import type { AuditEntry } from '../../projection/audit'
import type { EngineDeps } from '../deps'
import type { ExposureDoc, ProductDoc } from '../../projection/projection'
import { TenantMemory } from '../../../memory/tenantMemory'
import { evaluate } from '../../evaluation/engine'
import { pendingOf } from '../../projection/projection'
import { exposureWhere } from '../../projection/exposureQuery'

let etagSeq = 0

/** VBase as the app uses it: ETags, If-Match and If-None-Match, shared by every fake worker. */
let accounts = 0

export class FakeDocs {
  /**
   * Each store is its own account: what one test's background work (a sibling's evaluation, a
   * retry) leaves in process memory after the test ended never answers for the next test's.
   */
  public readonly account = `fake${++accounts}`
  public readonly files = new Map<string, { value: unknown; etag: string }>()
  public writes = 0
  /** Reads by bucket, to count what an evaluation costs. */
  public readonly reads: Record<string, number> = {}
  /** Fail the next N writes with a 503, as VBase would under an outage. */
  public failWrites = 0

  public async read<T>(
    bucket: string,
    path: string,
    empty: () => T
  ): Promise<Versioned<T>> {
    await tick()
    this.reads[bucket] = (this.reads[bucket] ?? 0) + 1
    const file = this.files.get(`${bucket}/${path}`)

    return file
      ? { value: clone(file.value) as T, etag: file.etag }
      : { value: empty(), etag: null }
  }

  public async write<T>(
    bucket: string,
    path: string,
    value: T,
    etag: string | null
  ): Promise<string | null> {
    await tick()
    const key = `${bucket}/${path}`
    const file = this.files.get(key)

    if (this.failWrites > 0) {
      this.failWrites -= 1
      throw Object.assign(new Error('503'), { response: { status: 503 } })
    }

    if ((etag === null && file) || (etag !== null && file?.etag !== etag))
      throw new ConflictError(key)
    // Unique across instances, like VBase ETags: a process cache never mistakes one for another.
    const next = `"${++etagSeq}"`

    this.files.set(key, { value: clone(value), etag: next })
    this.writes += 1

    return next
  }

  /** As StateDocs.update: the same compare-and-swap, bounded the same way. */
  public async update<T>(
    bucket: string,
    path: string,
    empty: () => T,
    change: (c: T) => T | null
  ) {
    return updateDoc<T>({
      read: () => this.read(bucket, path, empty),
      write: (value, etag) => this.write(bucket, path, value, etag),
      change,
    })
  }
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v))
const tick = () => new Promise((resolve) => setImmediate(resolve))

export interface World {
  skus: Record<string, SkuContextResponse>
  inventory: Record<string, InventoryResponse['balance']>
  prices: Record<string, PriceResponse>
  associations: Record<string, string[]>
  /** Upstream calls to fail once each; `associateLate` applies the write, then times out. */
  failNext: Array<'skuContext' | 'inventory' | 'associate' | 'associateLate'>
  /** productId -> trade policies a lagging SKU context reports instead of the catalog's. */
  staleContext?: Record<string, string[]>
}

export function demoWorld(): World {
  return {
    skus: {
      '1': sku('1', '10', ['sellera']),
      '2': sku('2', '10', ['sellera']),
      '3': sku('3', '30', []),
    },
    inventory: {},
    prices: { '1': price('1'), '2': price('2'), '3': price('3') },
    associations: { '10': ['1'], '30': ['1'] },
    failNext: [],
  }
}

export function sku(
  id: string,
  productId: string,
  sellers: string[]
): SkuContextResponse {
  return {
    Id: Number(id),
    ProductId: Number(productId),
    NameComplete: `SKU ${id}`,
    ProductName: `Product ${productId}`,
    IsActive: true,
    IsProductActive: true,
    SkuSellers: sellers.map((s) => ({
      SellerId: s,
      SellerStockKeepingUnitId: `${s}-${id}`,
      IsActive: true,
    })),
    SalesChannels: [1],
  }
}

export const price = (id: string): PriceResponse => ({
  itemId: id,
  basePrice: 100,
  fixedPrices: [],
})

export interface Calls {
  catalog: string[]
  logistics: string[]
  pricing: string[]
}

export function fakeDeps(
  world: World,
  docs: FakeDocs,
  opts: {
    workerId?: string
    modes?: Record<string, 'OBSERVE' | 'ENFORCE'>
    /** The worker process's memory: a new one (a fresh process) unless a test shares one. */
    memory?: TenantMemory
  } = {}
) {
  const calls: Calls = { catalog: [], logistics: [], pricing: [] }
  const exposures = new Map<string, ExposureDoc>()
  const products = new Map<string, ProductDoc>()
  const audit = new Map<string, AuditEntry>()

  // A scroll's one page of the rows its `_where` names (see `scroll` below).
  async function* scrollRows(
    where: string | undefined
  ): AsyncGenerator<ExposureDoc[]> {
    const values = (name: string) =>
      [
        ...(where ?? '').matchAll(
          new RegExp(`\\b${name}="?([^"\\s)]+)"?`, 'g')
        ),
      ].map((m) => m[1])

    const [channel] = values('channel')
    const skuIds = values('skuId')
    const productIds = values('productId')

    yield [...exposures.values()].filter(
      (doc) =>
        (!channel || doc.channel === channel) &&
        (!skuIds.length || skuIds.includes(doc.skuId)) &&
        (!productIds.length || productIds.includes(doc.productId ?? ''))
    )
  }

  const everyEntry = () => ({
    data: [...audit.values()],
    pagination: { total: audit.size, page: 1, pageSize: 50 },
  })

  const auditWrites: string[] = []

  const fail = (what: World['failNext'][number]) => {
    const index = world.failNext.indexOf(what)

    if (index >= 0) {
      world.failNext.splice(index, 1)
      const error = Object.assign(new Error('503'), {
        response: { status: 503 },
      })

      throw error
    }
  }

  const deps: EngineDeps = {
    catalog: {
      skuContext: async (id) => {
        calls.catalog.push(`skuContext ${id}`)
        await tick()
        fail('skuContext')
        const found = world.skus[id]

        // Like VTEX, the context lists the trade policies the SKU's product is on; the world
        // keeps VTEX's shape, mapped as the real client maps it.
        return found
          ? skuContextOf({
              ...found,
              SalesChannels: (
                world.staleContext?.[String(found.ProductId)] ??
                world.associations[String(found.ProductId)] ??
                []
              ).map(Number),
            })
          : null
      },
      productSkuIds: async (pid) => {
        calls.catalog.push(`productSkuIds ${pid}`)
        await tick()

        return Object.values(world.skus)
          .filter((s) => String(s.ProductId) === pid)
          .map((s) => String(s.Id))
      },
      productTradePolicies: async (pid) => {
        calls.catalog.push(`productTradePolicies ${pid}`)
        await tick()

        return [...(world.associations[pid] ?? [])]
      },
      associateProduct: async (pid, sc) => {
        calls.catalog.push(`associate ${pid} ${sc}`)
        await tick()
        fail('associate')
        world.associations[pid] = [
          ...new Set([...(world.associations[pid] ?? []), sc]),
        ]
        fail('associateLate')
      },
      dissociateProduct: async (pid, sc) => {
        calls.catalog.push(`dissociate ${pid} ${sc}`)
        await tick()
        world.associations[pid] = (world.associations[pid] ?? []).filter(
          (s) => s !== sc
        )
      },
    },
    logistics: {
      inventory: async (id) => {
        calls.logistics.push(`inventory ${id}`)
        await tick()
        fail('inventory')

        return balancesOf({ skuId: id, balance: world.inventory[id] ?? [] })
      },
      warehouses: async () =>
        [
          {
            id: 'wh-a',
            name: 'A',
            isActive: true,
            warehouseDocks: [{ dockId: 'dock-12' }],
          },
          {
            id: 'wh-b',
            name: 'B',
            isActive: true,
            warehouseDocks: [{ dockId: 'dock-13' }],
          },
        ].map(warehouseOf),
      docks: async () =>
        [
          {
            id: 'dock-12',
            name: 'Dock 1-2',
            isActive: true,
            salesChannels: ['1', '2'],
          },
          {
            id: 'dock-13',
            name: 'Dock 1-3',
            isActive: true,
            salesChannels: ['1', '3'],
          },
        ].map(dockOf),
    },
    pricing: {
      price: async (id) => {
        calls.pricing.push(`price ${id}`)
        await tick()
        const p = world.prices[id]

        return p ?? null
      },
    },
    affiliates: {
      list: async () => [
        { id: 'MKB', name: 'Marketplace B', salesChannel: '2' },
        { id: 'GGL', name: 'External', salesChannel: '3' },
      ],
    },
    docs,
    projection: {
      // The SKU's rows as one write (the adapter's one document per SKU): the touched
      // channels' rows go, then every row given is the SKU's.
      putSku: async (skuId, rows, touched = rows.map((r) => r.channel)) => {
        await tick()
        for (const channel of touched) exposures.delete(`${skuId}-${channel}`)
        for (const row of rows) exposures.set(row.id, row)
      },
      putProducts: async (_productId, written) => {
        await tick()
        for (const doc of written)
          products.set(`${doc.productId}-${doc.channel}`, doc)
      },
      countPending: async (channel, pending) =>
        [...products.values()].filter(
          (p) => p.channel === channel && pendingOf(p) === pending
        ).length,
      pendingProducts: async (channels, before, limit) =>
        [...products.values()]
          .filter(
            (p) =>
              channels.includes(p.channel) &&
              pendingOf(p) !== 'NONE' &&
              p.updatedAt < before
          )
          .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
          .slice(0, limit)
          .map((p) => p.productId),
      pendingPage: async (channel, page, pageSize) => {
        const all = [...products.values()]
          .filter((p) => p.channel === channel && pendingOf(p) !== 'NONE')
          .sort((a, b) => a.productId.localeCompare(b.productId))
          .map((p) => ({ ...p, pending: pendingOf(p) }))

        return {
          data: all.slice((page - 1) * pageSize, page * pageSize),
          pagination: { total: all.length, page, pageSize },
        }
      },
      pendingAssociations: async function* pendingAssociations(channel) {
        yield [...products.values()]
          .filter((p) => p.channel === channel && pendingOf(p) !== 'NONE')
          .map(({ productId, associated }) => ({ productId, associated }))
      },
      count: async () => exposures.size,
      find: async () => ({
        data: [...exposures.values()],
        pagination: { total: exposures.size, page: 1, pageSize: 500 },
      }),
      // The filter's `_where` as a row store would spell it; only `channel=`, and `skuId=` /
      // `productId=` (any of those named: `a OR b`) are honoured: a channel's rows, or some
      // products' or SKUs'.
      scan: (filter) => scrollRows(exposureWhere(filter)),
    },
    audit: {
      append: async (entry) => {
        await tick()
        auditWrites.push(entry.id)
        audit.set(entry.id, entry)
      },
      expire: async (id) => {
        audit.delete(id)
      },
      // Every named read answers the whole trail, as one page (its filter unread).
      trail: async () => everyEntry(),
      ofRun: async () => everyEntry(),
      ofKind: async () => everyEntry(),
      latestWrite: async () => [...audit.values()][0] ?? null,
      writesSince: async () => [...audit.values()],
      olderThan: async function* olderThan() {
        yield [...audit.values()]
      },
    },
    now: () => new Date('2026-11-26T12:00:00.000Z'),
    log: {
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    },
    workerId: opts.workerId ?? 'w1',
    memory: opts.memory ?? new TenantMemory(),
    // Workers that share a store share its account, as two pods of one account would.
    tenant: { account: docs.account, workspace: 'master' },
    evaluateSibling: evaluate,
  }

  if (opts.modes) {
    const settings = {
      channels: Object.fromEntries(
        Object.entries(opts.modes).map(([id, mode]) => [
          id,
          {
            mode,
            exposeAt: 1,
            withdrawBelow: 1,
            requirePrice: true,
            sellerAllow: [],
            sellerDeny: [],
          },
        ])
      ),
      retentionDays: 90,
    }

    docs.files.set('config/settings.json', {
      value: settings,
      etag: '"settings"',
    })
  }

  return { deps, calls, exposures, audit, auditWrites, products }
}

/**
 * The worker process restarts: what it kept for the tenant (recent reads, committed states,
 * evaluations, retries and their timers, reference data) is gone; the documents stay.
 */
export function restart(deps: EngineDeps) {
  deps.memory.drop()
  deps.memory = new TenantMemory()
}
