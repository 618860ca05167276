import { defineMessages } from 'react-intl'

export const ruleMessages = defineMessages({
  SKU_EXISTS: {
    id: 'admin/marketplace-stock-gate.sku-detail.rule.SKU_EXISTS',
    defaultMessage: 'SKU exists in the catalog',
  },
  SKU_ACTIVE: {
    id: 'admin/marketplace-stock-gate.sku-detail.rule.SKU_ACTIVE',
    defaultMessage: 'SKU and product are active',
  },
  MARKETPLACE_STOCK: {
    id: 'admin/marketplace-stock-gate.sku-detail.rule.MARKETPLACE_STOCK',
    defaultMessage: 'Marketplace stock on the trade policy',
  },
  PRICE: {
    id: 'admin/marketplace-stock-gate.sku-detail.rule.PRICE',
    defaultMessage: 'Price on the trade policy',
  },
  SELLERS: {
    id: 'admin/marketplace-stock-gate.sku-detail.rule.SELLERS',
    defaultMessage: 'Third-party sellers',
  },
  OVERRIDE: {
    id: 'admin/marketplace-stock-gate.sku-detail.rule.OVERRIDE',
    defaultMessage: 'Operator override',
  },
})

export const auditKindMessages = defineMessages({
  STATUS_CHANGE: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-kind.STATUS_CHANGE',
    defaultMessage: 'Status changed',
  },
  ENFORCEMENT_WRITE: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-kind.ENFORCEMENT_WRITE',
    defaultMessage: 'Trade policy updated in the catalog',
  },
  OVERRIDE_SET: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-kind.OVERRIDE_SET',
    defaultMessage: 'Override set',
  },
  OVERRIDE_CLEARED: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-kind.OVERRIDE_CLEARED',
    defaultMessage: 'Override cleared',
  },
  OVERRIDE_EXPIRED: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-kind.OVERRIDE_EXPIRED',
    defaultMessage: 'Override expired',
  },
  SETTINGS_CHANGE: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-kind.SETTINGS_CHANGE',
    defaultMessage: 'Settings changed',
  },
  BUFFER_CREATED: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-kind.BUFFER_CREATED',
    defaultMessage: 'Stock buffer added',
  },
  BUFFER_CHANGED: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-kind.BUFFER_CHANGED',
    defaultMessage: 'Stock buffer changed',
  },
  BUFFER_REMOVED: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-kind.BUFFER_REMOVED',
    defaultMessage: 'Stock buffer deleted',
  },
  EVENT_REJECTED: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-kind.EVENT_REJECTED',
    defaultMessage: 'Event rejected',
  },
  ENFORCEMENT_FAILED: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-kind.ENFORCEMENT_FAILED',
    defaultMessage: 'Catalog write refused',
  },
  EVALUATION_FAILED: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-kind.EVALUATION_FAILED',
    defaultMessage: 'Sweep could not decide the SKU',
  },
})

export const auditCauseMessages = defineMessages({
  EVENT: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-cause.EVENT',
    defaultMessage: 'catalog or stock event',
  },
  SWEEP: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-cause.SWEEP',
    defaultMessage: 'sweep',
  },
  OPERATOR: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-cause.OPERATOR',
    defaultMessage: 'operator',
  },
  SYSTEM: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-cause.SYSTEM',
    defaultMessage: 'system',
  },
})

export default defineMessages({
  subtitle: {
    id: 'admin/marketplace-stock-gate.sku-detail.subtitle',
    defaultMessage: 'SKU {skuId} · {skuName} · product {productId}',
  },
  back: {
    id: 'admin/marketplace-stock-gate.sku-detail.back',
    defaultMessage: 'Exposures',
  },
  empty: {
    id: 'admin/marketplace-stock-gate.sku-detail.empty',
    defaultMessage: 'SKU {skuId} has not been evaluated yet.',
  },
  evaluateNow: {
    id: 'admin/marketplace-stock-gate.sku-detail.evaluate-now',
    defaultMessage: 'Evaluate now',
  },
  channelTitle: {
    id: 'admin/marketplace-stock-gate.sku-detail.channel-title',
    defaultMessage: '{name} ({id}) · trade policy {salesChannel}',
  },
  evaluatedAt: {
    id: 'admin/marketplace-stock-gate.sku-detail.evaluated-at',
    defaultMessage: 'Evaluated {when}',
  },
  reevaluate: {
    id: 'admin/marketplace-stock-gate.sku-detail.reevaluate',
    defaultMessage: 'Re-evaluate',
  },
  reevaluated: {
    id: 'admin/marketplace-stock-gate.sku-detail.reevaluated',
    defaultMessage: 'SKU re-evaluated',
  },
  allowBlock: {
    id: 'admin/marketplace-stock-gate.sku-detail.allow-block',
    defaultMessage: 'Allow or block…',
  },
  overrideSaved: {
    id: 'admin/marketplace-stock-gate.sku-detail.override-saved',
    defaultMessage: 'Override saved',
  },
  clearOverride: {
    id: 'admin/marketplace-stock-gate.sku-detail.clear-override',
    defaultMessage: 'Clear override',
  },
  overrideCleared: {
    id: 'admin/marketplace-stock-gate.sku-detail.override-cleared',
    defaultMessage: 'Override cleared',
  },
  overrideLine: {
    id: 'admin/marketplace-stock-gate.sku-detail.override-line',
    defaultMessage: '{action} by {by} on {at}: “{note}”',
  },
  overrideExpires: {
    id: 'admin/marketplace-stock-gate.sku-detail.override-expires',
    defaultMessage: 'Expires {when}',
  },
  traceTitle: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace-title',
    defaultMessage: 'Rules checked',
  },
  passed: {
    id: 'admin/marketplace-stock-gate.sku-detail.passed',
    defaultMessage: 'Passed',
  },
  failed: {
    id: 'admin/marketplace-stock-gate.sku-detail.failed',
    defaultMessage: 'Failed',
  },
  syncTitle: {
    id: 'admin/marketplace-stock-gate.sku-detail.sync-title',
    defaultMessage: 'What the channel was last told',
  },
  syncAssociatedObserve: {
    id: 'admin/marketplace-stock-gate.sku-detail.sync-associated-observe',
    defaultMessage:
      'Observe mode: the product would be {associated, select, true {on} other {off}} trade policy {salesChannel}.',
  },
  syncAssociatedEnforce: {
    id: 'admin/marketplace-stock-gate.sku-detail.sync-associated-enforce',
    defaultMessage:
      'The product is {associated, select, true {on} other {off}} trade policy {salesChannel}.',
  },
  syncUnknown: {
    id: 'admin/marketplace-stock-gate.sku-detail.sync-unknown',
    defaultMessage: 'Not known yet.',
  },
  auditTitle: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-title',
    defaultMessage: 'Audit trail',
  },
  auditEmpty: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-empty',
    defaultMessage:
      "No change recorded for this SKU since its first decision (the first sweep's decisions change nothing, so they are not recorded).",
  },
  auditError: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-error',
    defaultMessage: 'The audit trail could not be loaded.',
  },
  auditBy: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-by',
    defaultMessage: 'by {actor} ({cause})',
  },
  auditMore: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-more',
    defaultMessage: 'Show older entries',
  },
})

// The audit entries' details as sentences (see auditDetails.ts), and the raw-JSON disclosure.
export const auditDetailMessages = defineMessages({
  raw: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-details.raw',
    defaultMessage: 'Technical details',
  },
  available: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-details.available',
    defaultMessage:
      'Available for the channel: {available, plural, one {# unit} other {# units}}',
  },
  availableUnlimited: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-details.available-unlimited',
    defaultMessage: 'Available for the channel: unlimited',
  },
  triggeredAt: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-details.triggered-at',
    defaultMessage: 'Triggered by a change at {when}',
  },
  notGoverned: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-details.not-governed',
    defaultMessage: 'Not governed: the SKU has no third-party seller',
  },
  associated: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-details.associated',
    defaultMessage: 'Product put on trade policy {tradePolicy}',
  },
  dissociated: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-details.dissociated',
    defaultMessage: 'Product taken off trade policy {tradePolicy}',
  },
  latency: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-details.latency',
    defaultMessage: '{latencyMs, number} ms after the change',
  },
  note: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-details.note',
    defaultMessage: 'Note: {note}',
  },
  expires: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-details.expires',
    defaultMessage: 'Expires {when}',
  },
  clearedAllow: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-details.cleared-allow',
    defaultMessage: 'Cleared a manual allow',
  },
  clearedBlock: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-details.cleared-block',
    defaultMessage: 'Cleared a manual block',
  },
  bufferBefore: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-details.buffer-before',
    defaultMessage:
      'Before: expose at {exposeAt, number}, withdraw below {withdrawBelow, number}',
  },
  bufferAfter: {
    id: 'admin/marketplace-stock-gate.sku-detail.audit-details.buffer-after',
    defaultMessage:
      'After: expose at {exposeAt, number}, withdraw below {withdrawBelow, number}',
  },
})
