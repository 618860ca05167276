import { defineMessages } from 'react-intl'

// The SKU detail's rule inputs and channel view; the rest of the feature is in messages.ts.
export const traceMessages = defineMessages({
  stockLine: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.stock-line',
    defaultMessage:
      'Available {available} · needs {threshold, number} ({kind, select, withdrawBelow {stays while at least this} other {to be exposed}}) · expose at {exposeAt, number}, withdraw below {withdrawBelow, number}',
  },
  unlimited: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.unlimited',
    defaultMessage: 'unlimited',
  },
  warehouse: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.warehouse',
    defaultMessage: 'Warehouse',
  },
  docks: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.docks',
    defaultMessage: 'Docks serving the trade policy',
  },
  counted: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.counted',
    defaultMessage: 'Counted',
  },
  total: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.total',
    defaultMessage: 'Total',
  },
  reserved: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.reserved',
    defaultMessage: 'Reserved',
  },
  available: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.available',
    defaultMessage: 'Available',
  },
  docksIgnored: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.docks-ignored',
    defaultMessage: 'Docks not counted: {docks}',
  },
  yes: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.yes',
    defaultMessage: 'Yes',
  },
  no: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.no',
    defaultMessage: 'No',
  },
  priceLine: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.price-line',
    defaultMessage:
      'Price on trade policy {tradePolicy}: {price} · price required: {required}',
  },
  noPrice: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.no-price',
    defaultMessage: 'none',
  },
  seller: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.seller',
    defaultMessage: 'Seller',
  },
  active: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.active',
    defaultMessage: 'Active',
  },
  excludedBy: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.excluded-by',
    defaultMessage: 'Excluded by',
  },
  raw: {
    id: 'admin/marketplace-stock-gate.sku-detail.trace.raw',
    defaultMessage: 'Inputs',
  },
})

export const channelToldMessages = defineMessages({
  LISTED_WITH_STOCK: {
    id: 'admin/marketplace-stock-gate.sku-detail.view.LISTED_WITH_STOCK',
    defaultMessage: 'The channel lists the product and this SKU with stock.',
  },
  LISTED_WITHOUT_STOCK: {
    id: 'admin/marketplace-stock-gate.sku-detail.view.LISTED_WITHOUT_STOCK',
    defaultMessage:
      'The channel lists the product; this SKU has no marketplace stock for it, so the channel shows it unavailable.',
  },
  REMOVED: {
    id: 'admin/marketplace-stock-gate.sku-detail.view.REMOVED',
    defaultMessage:
      'The channel was told the product was removed from its trade policy.',
  },
  UNKNOWN: {
    id: 'admin/marketplace-stock-gate.sku-detail.view.UNKNOWN',
    defaultMessage: 'What the channel was told is not known yet.',
  },
  APP_WRITE: {
    id: 'admin/marketplace-stock-gate.sku-detail.source.APP_WRITE',
    defaultMessage: 'Association written by this app',
  },
  CATALOG_READ: {
    id: 'admin/marketplace-stock-gate.sku-detail.source.CATALOG_READ',
    defaultMessage:
      'Association read from the catalog, not changed by this app',
  },
  SOURCE_UNKNOWN: {
    id: 'admin/marketplace-stock-gate.sku-detail.source.UNKNOWN',
    defaultMessage: 'Association source unknown',
  },
  inSync: {
    id: 'admin/marketplace-stock-gate.sku-detail.in-sync',
    defaultMessage: 'In line with the decision',
  },
  outOfSync: {
    id: 'admin/marketplace-stock-gate.sku-detail.out-of-sync',
    defaultMessage:
      'Differs from the decision: the next enforcement or sweep will fix it',
  },
  outOfSyncObserve: {
    id: 'admin/marketplace-stock-gate.sku-detail.out-of-sync-observe',
    defaultMessage:
      'Differs from the decision: in OBSERVE the app writes nothing; in ENFORCE it would change it',
  },
})

export const excludedByMessages = defineMessages({
  INACTIVE_BINDING: {
    id: 'admin/marketplace-stock-gate.sku-detail.excluded-by.INACTIVE_BINDING',
    defaultMessage: 'Binding inactive',
  },
  NOT_IN_ALLOW_LIST: {
    id: 'admin/marketplace-stock-gate.sku-detail.excluded-by.NOT_IN_ALLOW_LIST',
    defaultMessage: "Not in the channel's allow list",
  },
  DENY_LIST: {
    id: 'admin/marketplace-stock-gate.sku-detail.excluded-by.DENY_LIST',
    defaultMessage: "In the channel's deny list",
  },
})

export const rulesChangedMessages = defineMessages({
  changed: {
    id: 'admin/marketplace-stock-gate.sku-detail.rules-changed',
    defaultMessage:
      'The channel’s rules changed after this decision ({changed}): the rules below are the ones it was made under. The rules now: expose at {exposeAt, number}, withdraw below {withdrawBelow, number}, {requirePrice, select, true {price required} other {price not required}}.',
  },
  same: {
    id: 'admin/marketplace-stock-gate.sku-detail.rules-changed-same',
    defaultMessage:
      'With the facts it read, the rules now give the same status ({status}). Its next evaluation (an event, a sweep or Re-evaluate) records the new rules.',
  },
  differs: {
    id: 'admin/marketplace-stock-gate.sku-detail.rules-changed-differs',
    defaultMessage:
      'With the facts it read, the rules now would make it {status}. Its next evaluation (an event, a sweep or Re-evaluate) records it.',
  },
  exposeAt: {
    id: 'admin/marketplace-stock-gate.sku-detail.rule-setting.exposeAt',
    defaultMessage: 'expose at',
  },
  withdrawBelow: {
    id: 'admin/marketplace-stock-gate.sku-detail.rule-setting.withdrawBelow',
    defaultMessage: 'withdraw below',
  },
  requirePrice: {
    id: 'admin/marketplace-stock-gate.sku-detail.rule-setting.requirePrice',
    defaultMessage: 'price required',
  },
  sellerAllow: {
    id: 'admin/marketplace-stock-gate.sku-detail.rule-setting.sellerAllow',
    defaultMessage: 'sellers allowed',
  },
  sellerDeny: {
    id: 'admin/marketplace-stock-gate.sku-detail.rule-setting.sellerDeny',
    defaultMessage: 'sellers denied',
  },
  buffer: {
    id: 'admin/marketplace-stock-gate.sku-detail.rule-setting.buffer',
    defaultMessage: 'stock buffer',
  },
})

export const bufferTraceMessages = defineMessages({
  used: {
    id: 'admin/marketplace-stock-gate.sku-detail.buffer.used',
    defaultMessage:
      'Stock buffer {id} ({scope, select, SKU {SKU} other {product}} {targetId}, {channel}) was used instead of the channel thresholds (expose at {channelExposeAt, number}, withdraw below {channelWithdrawBelow, number}).',
  },
  note: {
    id: 'admin/marketplace-stock-gate.sku-detail.buffer.note',
    defaultMessage: 'Buffer note: {note}',
  },
  outranked: {
    id: 'admin/marketplace-stock-gate.sku-detail.buffer.outranked',
    defaultMessage:
      'It wins over {ids}: a SKU buffer wins over its product buffer, and a channel buffer over an all-channels one.',
  },
  allChannels: {
    id: 'admin/marketplace-stock-gate.sku-detail.buffer.all-channels',
    defaultMessage: 'all channels',
  },
  applies: {
    id: 'admin/marketplace-stock-gate.sku-detail.buffer.applies',
    defaultMessage:
      'Stock buffer {id}: this SKU needs {exposeAt, number} units to be exposed here and is withdrawn below {withdrawBelow, number}, instead of the channel thresholds. Edit it in Settings.',
  },
})
