import { defineMessages } from 'react-intl'

export default defineMessages({
  subtitle: {
    id: 'admin/marketplace-stock-gate.exposures.subtitle',
    defaultMessage:
      'Every SKU on every channel, with the reasons for its status',
  },
  empty: {
    id: 'admin/marketplace-stock-gate.exposures.empty',
    defaultMessage: 'No SKU matches these filters.',
  },
  filterChannel: {
    id: 'admin/marketplace-stock-gate.exposures.filter-channel',
    defaultMessage: 'Channel',
  },
  filterStatus: {
    id: 'admin/marketplace-stock-gate.exposures.filter-status',
    defaultMessage: 'Status',
  },
  filterReason: {
    id: 'admin/marketplace-stock-gate.exposures.filter-reason',
    defaultMessage: 'Reason',
  },
  filterSeller: {
    id: 'admin/marketplace-stock-gate.exposures.filter-seller',
    defaultMessage: 'Seller id',
  },
  search: {
    id: 'admin/marketplace-stock-gate.exposures.search',
    defaultMessage: 'Search by SKU id, SKU name or product',
  },
  clearFilters: {
    id: 'admin/marketplace-stock-gate.exposures.clear-filters',
    defaultMessage: 'Clear filters',
  },
  colSku: {
    id: 'admin/marketplace-stock-gate.exposures.col-sku',
    defaultMessage: 'SKU',
  },
  colProduct: {
    id: 'admin/marketplace-stock-gate.exposures.col-product',
    defaultMessage: 'Product',
  },
  colChannel: {
    id: 'admin/marketplace-stock-gate.exposures.col-channel',
    defaultMessage: 'Channel',
  },
  colStatus: {
    id: 'admin/marketplace-stock-gate.exposures.col-status',
    defaultMessage: 'Status',
  },
  colReasons: {
    id: 'admin/marketplace-stock-gate.exposures.col-reasons',
    defaultMessage: 'Reasons',
  },
  colAvailable: {
    id: 'admin/marketplace-stock-gate.exposures.col-available',
    defaultMessage: 'Marketplace stock',
  },
  availableUnlimited: {
    id: 'admin/marketplace-stock-gate.exposures.available-unlimited',
    defaultMessage: 'unlimited',
  },
  colSellers: {
    id: 'admin/marketplace-stock-gate.exposures.col-sellers',
    defaultMessage: 'Sellers',
  },
  colEvaluated: {
    id: 'admin/marketplace-stock-gate.exposures.col-evaluated',
    defaultMessage: 'Evaluated',
  },
  overrideActive: {
    id: 'admin/marketplace-stock-gate.exposures.override-active',
    defaultMessage: 'Override: {action}',
  },
  selectAll: {
    id: 'admin/marketplace-stock-gate.exposures.select-all',
    defaultMessage: 'Select all rows on this page',
  },
  openSku: {
    id: 'admin/marketplace-stock-gate.exposures.open-sku',
    defaultMessage: 'Open SKU {skuId} ({channel})',
  },
  selectRow: {
    id: 'admin/marketplace-stock-gate.exposures.select-row',
    defaultMessage: 'Select SKU {skuId} on {channel}',
  },
  selected: {
    id: 'admin/marketplace-stock-gate.exposures.selected',
    defaultMessage:
      '{count, plural, one {# row selected} other {# rows selected}}',
  },
  bulkReevaluate: {
    id: 'admin/marketplace-stock-gate.exposures.bulk-reevaluate',
    defaultMessage: 'Re-evaluate',
  },
  bulkOverride: {
    id: 'admin/marketplace-stock-gate.exposures.bulk-override',
    defaultMessage: 'Allow or block…',
  },
  reevaluating: {
    id: 'admin/marketplace-stock-gate.exposures.reevaluating',
    defaultMessage: 'Re-evaluating: {done} of {total} SKUs…',
  },
  reevaluated: {
    id: 'admin/marketplace-stock-gate.exposures.reevaluated',
    defaultMessage:
      '{count, plural, one {# SKU re-evaluated} other {# SKUs re-evaluated}}',
  },
  overridden: {
    id: 'admin/marketplace-stock-gate.exposures.overridden',
    defaultMessage:
      '{count, plural, one {Override saved on # row} other {Override saved on # rows}}',
  },
  exportCsv: {
    id: 'admin/marketplace-stock-gate.exposures.export-csv',
    defaultMessage: 'Export CSV',
  },
  exporting: {
    id: 'admin/marketplace-stock-gate.exposures.exporting',
    defaultMessage: 'Exporting {done, number} of {total, number} rows…',
  },
  exported: {
    id: 'admin/marketplace-stock-gate.exposures.exported',
    defaultMessage:
      '{count, plural, one {# row exported} other {# rows exported}}',
  },
  sweepMatching: {
    id: 'admin/marketplace-stock-gate.exposures.sweep-matching',
    defaultMessage:
      '{count, plural, one {Re-check # matching row} other {Re-check all # matching rows}}',
  },
  sweepConfirmTitle: {
    id: 'admin/marketplace-stock-gate.exposures.sweep-confirm-title',
    defaultMessage: 'Start a sweep of the filtered rows?',
  },
  sweepConfirmCount: {
    id: 'admin/marketplace-stock-gate.exposures.sweep-confirm-count',
    defaultMessage:
      '{count, plural, one {# row (SKU on a channel) matches these filters.} other {# rows (SKU on a channel) match these filters.}}',
  },
  sweepConfirmScope: {
    id: 'admin/marketplace-stock-gate.exposures.sweep-confirm-scope',
    defaultMessage: 'Scope: {scope}',
  },
  sweepConfirmCost: {
    id: 'admin/marketplace-stock-gate.exposures.sweep-confirm-cost',
    defaultMessage:
      "The sweep compares each of these SKUs with the catalog and fixes the drift. Its calls to VTEX spend the account's API budget, and only one sweep runs at a time.",
  },
  sweepConfirm: {
    id: 'admin/marketplace-stock-gate.exposures.sweep-confirm',
    defaultMessage: 'Start sweep',
  },
  sweepStarted: {
    id: 'admin/marketplace-stock-gate.exposures.sweep-started',
    defaultMessage:
      '{count, plural, one {Sweep started on # row.} other {Sweep started on # rows.}} Its progress shows on the Reconciliation page.',
  },
  sweepAlreadyRunning: {
    id: 'admin/marketplace-stock-gate.exposures.sweep-already-running',
    defaultMessage:
      'Another sweep is already running, and only one runs at a time. Start this one when it has finished.',
  },
  sweepInvalidScope: {
    id: 'admin/marketplace-stock-gate.exposures.sweep-invalid-scope',
    defaultMessage:
      'A sweep cannot use these filters. Check the search text and try again.',
  },
  openReconciliation: {
    id: 'admin/marketplace-stock-gate.exposures.open-reconciliation',
    defaultMessage: 'Open Reconciliation',
  },
  pageOf: {
    id: 'admin/marketplace-stock-gate.exposures.page-of',
    defaultMessage: 'of',
  },
  rowsPerPage: {
    id: 'admin/marketplace-stock-gate.exposures.rows-per-page',
    defaultMessage: 'Rows per page:',
  },
  previousPage: {
    id: 'admin/marketplace-stock-gate.exposures.previous-page',
    defaultMessage: 'Previous page',
  },
  nextPage: {
    id: 'admin/marketplace-stock-gate.exposures.next-page',
    defaultMessage: 'Next page',
  },
})
