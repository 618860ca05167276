import { defineMessages } from 'react-intl'

// The "Stock buffers" section of Settings.
export default defineMessages({
  title: {
    id: 'admin/marketplace-stock-gate.stock-buffers.title',
    defaultMessage: 'Stock buffers',
  },
  help: {
    id: 'admin/marketplace-stock-gate.stock-buffers.help',
    defaultMessage:
      'A product\'s or SKU\'s own thresholds, used instead of the channel\'s "Expose at" and "Withdraw below" on one channel or on all of them. A SKU\'s buffer wins over its product\'s; on the same product or SKU, a channel\'s own buffer wins over an all-channels one. Saving or deleting a buffer applies at once, without "Review and save".',
  },
  empty: {
    id: 'admin/marketplace-stock-gate.stock-buffers.empty',
    defaultMessage: 'No buffer: every SKU uses its channel thresholds.',
  },
  listLabel: {
    id: 'admin/marketplace-stock-gate.stock-buffers.list-label',
    defaultMessage: 'Stock buffers',
  },
  count: {
    id: 'admin/marketplace-stock-gate.stock-buffers.count',
    defaultMessage: '{count, number} of {max, number} buffers',
  },
  colTarget: {
    id: 'admin/marketplace-stock-gate.stock-buffers.col-target',
    defaultMessage: 'Product or SKU',
  },
  colChannel: {
    id: 'admin/marketplace-stock-gate.stock-buffers.col-channel',
    defaultMessage: 'Channel',
  },
  colThresholds: {
    id: 'admin/marketplace-stock-gate.stock-buffers.col-thresholds',
    defaultMessage: 'Thresholds',
  },
  colNote: {
    id: 'admin/marketplace-stock-gate.stock-buffers.col-note',
    defaultMessage: 'Note',
  },
  colSaved: {
    id: 'admin/marketplace-stock-gate.stock-buffers.col-saved',
    defaultMessage: 'Saved',
  },
  colActions: {
    id: 'admin/marketplace-stock-gate.stock-buffers.col-actions',
    defaultMessage: 'Actions',
  },
  target: {
    id: 'admin/marketplace-stock-gate.stock-buffers.target',
    defaultMessage: '{scope, select, SKU {SKU} other {Product}} {id}',
  },
  allChannels: {
    id: 'admin/marketplace-stock-gate.stock-buffers.all-channels',
    defaultMessage: 'All channels',
  },
  thresholds: {
    id: 'admin/marketplace-stock-gate.stock-buffers.thresholds',
    defaultMessage:
      'expose at {exposeAt, number}, withdraw below {withdrawBelow, number}',
  },
  byWhom: {
    id: 'admin/marketplace-stock-gate.stock-buffers.by-whom',
    defaultMessage: '{when} by {who}',
  },
  edit: {
    id: 'admin/marketplace-stock-gate.stock-buffers.edit',
    defaultMessage: 'Edit',
  },
  delete: {
    id: 'admin/marketplace-stock-gate.stock-buffers.delete',
    defaultMessage: 'Delete',
  },
  rowHidden: {
    id: 'admin/marketplace-stock-gate.stock-buffers.row-hidden',
    defaultMessage: 'buffer {id}',
  },
  deleteTitle: {
    id: 'admin/marketplace-stock-gate.stock-buffers.delete-title',
    defaultMessage: 'Delete the buffer of {target} on {channel}?',
  },
  deleteBody: {
    id: 'admin/marketplace-stock-gate.stock-buffers.delete-body',
    defaultMessage:
      'Its SKUs go back to the channel thresholds, or to a buffer it outranked, at once.',
  },
  deletedToast: {
    id: 'admin/marketplace-stock-gate.stock-buffers.deleted-toast',
    defaultMessage: 'Buffer {id} deleted.',
  },
  savedToast: {
    id: 'admin/marketplace-stock-gate.stock-buffers.saved-toast',
    defaultMessage:
      'Buffer {id} saved; the SKUs it changes were decided again.',
  },
  formAdd: {
    id: 'admin/marketplace-stock-gate.stock-buffers.form-add',
    defaultMessage: 'Add a buffer',
  },
  formEdit: {
    id: 'admin/marketplace-stock-gate.stock-buffers.form-edit',
    defaultMessage: 'Edit buffer {id}',
  },
  scope: {
    id: 'admin/marketplace-stock-gate.stock-buffers.scope',
    defaultMessage: 'Applies to',
  },
  scopeProduct: {
    id: 'admin/marketplace-stock-gate.stock-buffers.scope-product',
    defaultMessage: 'A product (all its SKUs)',
  },
  scopeSku: {
    id: 'admin/marketplace-stock-gate.stock-buffers.scope-sku',
    defaultMessage: 'One SKU',
  },
  targetId: {
    id: 'admin/marketplace-stock-gate.stock-buffers.target-id',
    defaultMessage: 'Product or SKU id',
  },
  channel: {
    id: 'admin/marketplace-stock-gate.stock-buffers.channel',
    defaultMessage: 'Channel',
  },
  exposeAt: {
    id: 'admin/marketplace-stock-gate.stock-buffers.expose-at',
    defaultMessage: 'Expose at (units)',
  },
  withdrawBelow: {
    id: 'admin/marketplace-stock-gate.stock-buffers.withdraw-below',
    defaultMessage: 'Withdraw below (units)',
  },
  note: {
    id: 'admin/marketplace-stock-gate.stock-buffers.note',
    defaultMessage: 'Note (why this buffer)',
  },
  save: {
    id: 'admin/marketplace-stock-gate.stock-buffers.save',
    defaultMessage: 'Save buffer',
  },
  cancelEdit: {
    id: 'admin/marketplace-stock-gate.stock-buffers.cancel-edit',
    defaultMessage: 'Cancel',
  },
  atLimit: {
    id: 'admin/marketplace-stock-gate.stock-buffers.at-limit',
    defaultMessage: 'Delete a buffer before adding another one.',
  },
})
