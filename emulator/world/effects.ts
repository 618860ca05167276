import { availableFor } from './availability'
import { inboxId, post } from '../server/delivery'
import type { State } from './state'

/**
 * .NET-style timestamp with 7 fractional digits, as VTEX prints them (the events' DateModified).
 * Here, not in http.ts: http.ts names the Emu, and the Emu holds these effects.
 */
function vtexDate(date = new Date()): string {
  return `${date.toISOString().slice(0, 23)}${String(
    Math.floor(Math.random() * 10000)
  ).padStart(4, '0')}Z`
}

export interface Flags {
  StockModified?: boolean
  PriceModified?: boolean
  HasStockKeepingUnitModified?: boolean
  HasStockKeepingUnitRemovedFromAffiliate?: boolean
}

export interface Delivery {
  seq: number
  kind: 'broadcaster' | 'affiliate'
  affiliateId?: string
  url: string
  payload: Record<string, unknown>
  status: 'pending' | 'delivered' | 'failed' | 'suppressed' | 'inbox'
  httpStatus?: number
  attempts: number
  error?: string
  at: string
}

export interface EffectsConfig {
  account: string
  serviceUrl: string
  enabled: boolean
  affiliatesEnabled: boolean
  credential: string
  retryDelayMs: number
  /**
   * How far VTEX's clock is from this machine's (ms, negative when behind), for the
   * DateModified stamped on broadcaster events: tests of how the app compares VTEX's time
   * with its own.
   */
  clockOffsetMs: number
}

/** The log and each inbox keep their newest entries; trimmed in batches so pushes stay O(1). */
const LOG_LIMIT = 20000
const INBOX_LIMIT = 20000

function trim<T>(list: T[], limit: number) {
  if (list.length > limit * 1.5) list.splice(0, list.length - limit)
}

/**
 * The catalog's side effects: a broadcaster.notification event to the app's service for every
 * changed SKU, and the affiliate notification (per product, every SKU) to each affiliate whose
 * trade policy holds the product. Delivery is asynchronous and never blocks the API answer.
 */
export class Effects {
  public log: Delivery[] = []
  private seq = 0
  private pending = 0
  private idleWaiters: Array<() => void> = []

  constructor(private state: State, public config: EffectsConfig) {}

  /** Available quantity per affiliate trade policy, captured before a stock change. */
  public captureStock(skuId: string): Map<string, number> {
    const result = new Map<string, number>()

    for (const affiliate of this.state.affiliates.values()) {
      if (!result.has(affiliate.salesChannel)) {
        result.set(
          affiliate.salesChannel,
          availableFor(this.state, skuId, affiliate.salesChannel)
        )
      }
    }

    return result
  }

  /** Inventory changed for one SKU: event always; affiliates only past the five-unit rule. */
  public stockChanged(skuId: string, before: Map<string, number>) {
    this.broadcast(skuId, { StockModified: true })
    const sku = this.state.skus.get(Number(skuId))

    if (!sku) return
    this.notifyAffiliates(sku.ProductId, { StockModified: true }, (sc) => {
      const after = availableFor(this.state, skuId, sc)
      const was = before.get(sc) ?? 0

      // Minimum availability rule: notify only when the quantity before or after is <= 5.
      return after !== was && (was <= 5 || after <= 5)
    })
  }

  public skuChanged(skuId: number, flags: Flags) {
    this.broadcast(String(skuId), flags)
    const sku = this.state.skus.get(skuId)

    if (sku) this.notifyAffiliates(sku.ProductId, flags)
  }

  /** A product-level change (product data, trade policy association): every SKU is notified. */
  public productChanged(
    productId: number,
    flags: Flags,
    removedFromSc?: string
  ) {
    for (const skuId of this.state.skusOfProduct(productId))
      this.broadcast(String(skuId), flags)
    this.notifyAffiliates(productId, flags, undefined, removedFromSc)
  }

  public idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve()

    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  public clearLog() {
    this.log = []
  }

  private isActive(skuId: number): boolean {
    const sku = this.state.skus.get(skuId)
    const product = sku && this.state.products.get(sku.ProductId)

    return !!sku && !!product && sku.IsActive && product.IsActive
  }

  private payload(skuId: string, flags: Flags, affiliateId?: string) {
    return {
      IdSku: skuId,
      An: this.config.account,
      ...(affiliateId ? { IdAffiliate: affiliateId } : {}),
      DateModified: vtexDate(new Date(Date.now() + this.config.clockOffsetMs)),
      IsActive: this.isActive(Number(skuId)),
      StockModified: flags.StockModified ?? false,
      PriceModified: flags.PriceModified ?? false,
      HasStockKeepingUnitModified: flags.HasStockKeepingUnitModified ?? false,
      HasStockKeepingUnitRemovedFromAffiliate:
        flags.HasStockKeepingUnitRemovedFromAffiliate ?? false,
    }
  }

  private broadcast(skuId: string, flags: Flags) {
    const { serviceUrl, account } = this.config
    const url = `${serviceUrl.replace(/\/$/, '')}/${account}/master/_events`
    const entry = this.record('broadcaster', url, this.payload(skuId, flags))

    if (!this.config.enabled) {
      entry.status = 'suppressed'

      return
    }

    this.send(entry, {
      'x-event-handler-id': 'broadcasterNotification',
      'x-event-key': 'broadcaster.notification',
      'x-event-sender': 'vtex.broadcaster@0.10.2',
      'x-vtex-account': account,
      'x-vtex-workspace': 'master',
      'x-vtex-credential': this.config.credential,
    })
  }

  private notifyAffiliates(
    productId: number,
    flags: Flags,
    channelFilter?: (sc: string) => boolean,
    removedFromSc?: string
  ) {
    const policies = this.state.policiesOf(productId).map(String)

    for (const affiliate of this.state.affiliates.values()) {
      const sc = affiliate.salesChannel
      const removed = removedFromSc === sc

      if (!removed && !policies.includes(sc)) continue
      if (channelFilter && !channelFilter(sc)) continue
      if (!affiliate.searchURIEndpoint) continue
      const affiliateFlags = removed
        ? { ...flags, HasStockKeepingUnitRemovedFromAffiliate: true }
        : flags

      for (const skuId of this.state.skusOfProduct(productId)) {
        const entry = this.record(
          'affiliate',
          affiliate.searchURIEndpoint,
          this.payload(String(skuId), affiliateFlags, affiliate.id)
        )

        entry.affiliateId = affiliate.id
        if (!this.config.affiliatesEnabled) entry.status = 'suppressed'
        else if (!this.deliverToInbox(entry)) this.send(entry, {})
      }
    }
  }

  /** Endpoints that point at the emulator's own inbox are stored without an HTTP round trip. */
  private deliverToInbox(entry: Delivery): boolean {
    const id = inboxId(entry.url)

    if (!id) return false
    const inbox = this.state.inboxes.get(id) ?? []

    inbox.push(entry.payload)
    trim(inbox, INBOX_LIMIT)
    this.state.inboxes.set(id, inbox)
    entry.status = 'inbox'

    return true
  }

  private record(
    kind: Delivery['kind'],
    url: string,
    payload: Record<string, unknown>
  ): Delivery {
    this.seq += 1
    const entry: Delivery = {
      seq: this.seq,
      kind,
      url,
      payload,
      status: 'pending',
      attempts: 0,
      at: new Date().toISOString(),
    }

    this.log.push(entry)
    trim(this.log, LOG_LIMIT)

    return entry
  }

  private send(entry: Delivery, headers: Record<string, string>) {
    this.pending += 1
    const attempt = async () => {
      entry.attempts += 1
      try {
        entry.httpStatus = await post(entry.url, entry.payload, headers)
        if (entry.httpStatus >= 200 && entry.httpStatus < 300) {
          entry.status = 'delivered'

          return true
        }

        entry.error = `HTTP ${entry.httpStatus}`
      } catch (err) {
        entry.error = (err as Error).message
      }

      return false
    }

    // VTEX retries a failed delivery; one retry keeps drift reproducible in tests.
    const run = async () => {
      const ok = await attempt()

      if (!ok) {
        await new Promise((resolve) =>
          setTimeout(resolve, this.config.retryDelayMs)
        )
        if (!(await attempt())) entry.status = 'failed'
      }

      this.pending -= 1
      if (this.pending === 0)
        this.idleWaiters.splice(0).forEach((resolve) => resolve())
    }

    run().catch(() => undefined)
  }
}
