import { associationChange, desiredAssociation } from '../domain'
import type { ChannelConfig, ExposureStatus } from '../domain/types'
import type { EngineDeps } from './deps'
import { BUCKET_PRODUCTS } from './deps'
import type { EvaluateOptions } from './evaluate'
import { LEASE_MS } from './lease'
import { toExposureDoc } from './projection'
import type { ProductState, SkuState } from './state'
import { emptyProductState } from './state'

let claims = 0

/**
 * Product-level enforcement. VTEX associates products, not SKUs, with trade policies: the product
 * belongs on a channel when at least one of its governed SKUs is EXPOSED there. The product's
 * VBase document collects its SKUs' statuses (conditional writes), and a worker claims a channel's
 * catalog write in that same write, so two workers never write the same association twice.
 */
export async function applyToProduct(
  deps: EngineDeps,
  sku: SkuState,
  channels: ChannelConfig[],
  options: EvaluateOptions
) {
  if (!sku.productId) return
  await enforceProduct(deps, sku.productId, channels, options, sku)
}

/**
 * Brings one product's association in line with its SKUs' statuses on every ENFORCE channel.
 * With `sku`, first records that SKU's new statuses in the product document.
 */
export async function enforceProduct(
  deps: EngineDeps,
  productId: string,
  channels: ChannelConfig[],
  options: EvaluateOptions,
  sku?: SkuState
) {
  const owner = `${deps.workerId}:p${++claims}`
  const statuses: Record<string, ExposureStatus> = {}

  for (const [channel, decision] of Object.entries(sku?.decisions ?? {}))
    statuses[channel] = decision.status
  let claimed: Array<{ channel: ChannelConfig; to: boolean }> = []
  let planned: Record<string, boolean | null> = {}

  const product = await deps.docs.update<ProductState>(
    BUCKET_PRODUCTS,
    productId,
    () => emptyProductState(productId),
    (current) => {
      const next: ProductState = {
        ...current,
        skus: { ...current.skus },
        applying: { ...current.applying },
      }

      if (sku && Object.keys(statuses).length > 0)
        next.skus[sku.skuId] = statuses
      else if (sku) delete next.skus[sku.skuId]
      claimed = []
      planned = {}
      const now = deps.now().getTime()

      for (const channel of channels) {
        const desired = desiredAssociation(
          Object.values(next.skus)
            .map((s) => s[channel.id])
            .filter(Boolean)
        )

        planned[channel.id] = desired
        if (channel.mode !== 'ENFORCE' || desired === null) continue
        if (Object.keys(next.skus).length === 0) continue
        if (next.applied[channel.id] === desired) continue
        const claim = next.applying[channel.id]

        if (claim && claim.until > now) continue
        next.applying[channel.id] = {
          owner,
          until: now + LEASE_MS,
          to: desired,
        }
        claimed.push({ channel, to: desired })
      }

      return next
    }
  )

  if (!product) return

  // The projection shows, per SKU and channel, what the product's association should be.
  await Promise.all(
    Object.values(sku?.decisions ?? {}).map((decision) =>
      deps.projection.put(
        toExposureDoc(
          decision,
          sku?.overrides[decision.channel]?.action ?? null,
          planned[decision.channel] ?? null
        )
      )
    )
  )

  if (claimed.length === 0) return
  const current = await deps.catalog.productTradePolicies(productId)

  for (const { channel, to } of claimed) {
    // eslint-disable-next-line no-await-in-loop
    await write(
      deps,
      product,
      channel,
      to,
      current.includes(channel.salesChannel),
      options,
      owner,
      sku?.skuId ?? null
    )
  }
}

async function write(
  deps: EngineDeps,
  product: ProductState,
  channel: ChannelConfig,
  to: boolean,
  associated: boolean,
  options: EvaluateOptions,
  owner: string,
  skuId: string | null
) {
  const change = associationChange(to, associated)
  let failed: unknown = null

  try {
    if (change === 'ASSOCIATE')
      await deps.catalog.associateProduct(
        product.productId,
        channel.salesChannel
      )
    if (change === 'DISSOCIATE')
      await deps.catalog.dissociateProduct(
        product.productId,
        channel.salesChannel
      )
  } catch (error) {
    failed = error
  }

  const version = await deps.docs.update<ProductState>(
    BUCKET_PRODUCTS,
    product.productId,
    () => emptyProductState(product.productId),
    (current) => {
      if (current.applying[channel.id]?.owner !== owner) return null
      const applying = { ...current.applying }

      delete applying[channel.id]

      return failed
        ? { ...current, applying }
        : {
            ...current,
            applying,
            applied: { ...current.applied, [channel.id]: to },
            version: current.version + 1,
          }
    }
  )

  if (failed) {
    deps.log.error({
      message: 'enforce-write-failed',
      productId: product.productId,
      channel: channel.id,
      error: String(failed),
    })
    throw failed
  }

  if (!change || !version) return
  const at = deps.now()
  const latencyMs = options.changedAt
    ? Math.max(0, at.getTime() - Date.parse(options.changedAt))
    : null

  deps.log.info({
    message: 'enforce-write-done',
    productId: product.productId,
    channel: channel.id,
    change,
  })
  await deps.audit.append({
    id: `p${product.productId}-${channel.id}-w${version.version}`,
    at: at.toISOString(),
    skuId,
    productId: product.productId,
    channel: channel.id,
    kind: 'ENFORCEMENT_WRITE',
    cause: options.cause,
    actor: options.actor ?? null,
    fromStatus: null,
    toStatus: null,
    reasons: [],
    details: JSON.stringify({
      change,
      tradePolicy: channel.salesChannel,
      latencyMs,
    }),
  })
}
