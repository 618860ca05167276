import { defineMessages } from 'react-intl'

export const findingKindMessages = defineMessages({
  DRIFTED: {
    id: 'admin/marketplace-stock-gate.run-detail.kind.DRIFTED',
    defaultMessage: 'Status changed',
  },
  WRITTEN: {
    id: 'admin/marketplace-stock-gate.run-detail.kind.WRITTEN',
    defaultMessage: 'Written to the catalog',
  },
  FAILED: {
    id: 'admin/marketplace-stock-gate.run-detail.kind.FAILED',
    defaultMessage: 'Failed',
  },
})

export default defineMessages({
  back: {
    id: 'admin/marketplace-stock-gate.run-detail.back',
    defaultMessage: 'Back to Reconciliation',
  },
  sweepSubtitle: {
    id: 'admin/marketplace-stock-gate.run-detail.sweep-subtitle',
    defaultMessage: 'Sweep started {when}',
  },
  applySubtitle: {
    id: 'admin/marketplace-stock-gate.run-detail.apply-subtitle',
    defaultMessage: 'Settings save of {when}: decided again, then written',
  },
  notFound: {
    id: 'admin/marketplace-stock-gate.run-detail.not-found',
    defaultMessage:
      "This run's figures are not kept any more, or it never existed. What it found is listed below for as long as the audit trail keeps it.",
  },
  summaryTitle: {
    id: 'admin/marketplace-stock-gate.run-detail.summary-title',
    defaultMessage: 'Summary',
  },
  state: {
    id: 'admin/marketplace-stock-gate.run-detail.state',
    defaultMessage: 'State',
  },
  scope: {
    id: 'admin/marketplace-stock-gate.run-detail.scope',
    defaultMessage: 'Scope',
  },
  startedBy: {
    id: 'admin/marketplace-stock-gate.run-detail.started-by',
    defaultMessage: 'Started by',
  },
  finished: {
    id: 'admin/marketplace-stock-gate.run-detail.finished',
    defaultMessage: 'Finished',
  },
  duration: {
    id: 'admin/marketplace-stock-gate.run-detail.duration',
    defaultMessage: 'Duration',
  },
  durationValue: {
    id: 'admin/marketplace-stock-gate.run-detail.duration-value',
    defaultMessage:
      '{wall, number} s ({active, number} s processing, across resumes)',
  },
  durationApply: {
    id: 'admin/marketplace-stock-gate.run-detail.duration-apply',
    defaultMessage: '{wall, number} s',
  },
  progress: {
    id: 'admin/marketplace-stock-gate.run-detail.progress',
    defaultMessage: 'SKUs swept',
  },
  drift: {
    id: 'admin/marketplace-stock-gate.run-detail.drift',
    defaultMessage: 'Drift found / fixed',
  },
  decidedAgain: {
    id: 'admin/marketplace-stock-gate.run-detail.decided-again',
    defaultMessage: 'SKUs decided again',
  },
  productsFailed: {
    id: 'admin/marketplace-stock-gate.run-detail.products-failed',
    defaultMessage: 'Products left for the next tick',
  },
  calls: {
    id: 'admin/marketplace-stock-gate.run-detail.calls',
    defaultMessage: 'Calls by API',
  },
  callsValue: {
    id: 'admin/marketplace-stock-gate.run-detail.calls-value',
    defaultMessage: '{api}: {count, number}',
  },
  errors: {
    id: 'admin/marketplace-stock-gate.run-detail.errors',
    defaultMessage: 'Errors',
  },
  findingsTitle: {
    id: 'admin/marketplace-stock-gate.run-detail.findings-title',
    defaultMessage: 'What it found',
  },
  findingsHint: {
    id: 'admin/marketplace-stock-gate.run-detail.findings-hint',
    defaultMessage:
      'Kept as long as the audit trail. A first decision is not drift and is not listed.',
  },
  findingsEmpty: {
    id: 'admin/marketplace-stock-gate.run-detail.findings-empty',
    defaultMessage: 'Nothing to list for this run and filter.',
  },
  findingsTotal: {
    id: 'admin/marketplace-stock-gate.run-detail.findings-total',
    defaultMessage: '{total, plural, one {# finding} other {# findings}}',
  },
  filterChannel: {
    id: 'admin/marketplace-stock-gate.run-detail.filter-channel',
    defaultMessage: 'Channel',
  },
  filterKind: {
    id: 'admin/marketplace-stock-gate.run-detail.filter-kind',
    defaultMessage: 'Finding',
  },
  colAt: {
    id: 'admin/marketplace-stock-gate.run-detail.col-at',
    defaultMessage: 'When',
  },
  colKind: {
    id: 'admin/marketplace-stock-gate.run-detail.col-kind',
    defaultMessage: 'Finding',
  },
  colSku: {
    id: 'admin/marketplace-stock-gate.run-detail.col-sku',
    defaultMessage: 'SKU',
  },
  colProduct: {
    id: 'admin/marketplace-stock-gate.run-detail.col-product',
    defaultMessage: 'Product',
  },
  colChannel: {
    id: 'admin/marketplace-stock-gate.run-detail.col-channel',
    defaultMessage: 'Channel',
  },
  colWhat: {
    id: 'admin/marketplace-stock-gate.run-detail.col-what',
    defaultMessage: 'What',
  },
  statusChange: {
    id: 'admin/marketplace-stock-gate.run-detail.status-change',
    defaultMessage: '{from} → {to}',
  },
  associated: {
    id: 'admin/marketplace-stock-gate.run-detail.associated',
    defaultMessage: 'Put on trade policy {tradePolicy}',
  },
  dissociated: {
    id: 'admin/marketplace-stock-gate.run-detail.dissociated',
    defaultMessage: 'Taken off trade policy {tradePolicy}',
  },
  associateFailed: {
    id: 'admin/marketplace-stock-gate.run-detail.associate-failed',
    defaultMessage:
      'Could not put it on trade policy {tradePolicy}: {reason}. Tried again later.',
  },
  dissociateFailed: {
    id: 'admin/marketplace-stock-gate.run-detail.dissociate-failed',
    defaultMessage:
      'Could not take it off trade policy {tradePolicy}: {reason}. Tried again later.',
  },
  evaluationFailed: {
    id: 'admin/marketplace-stock-gate.run-detail.evaluation-failed',
    defaultMessage:
      'Could not decide the SKU: {reason}. The next sweep of ERROR SKUs takes it.',
  },
  exportCsv: {
    id: 'admin/marketplace-stock-gate.run-detail.export-csv',
    defaultMessage: 'Export CSV',
  },
  exporting: {
    id: 'admin/marketplace-stock-gate.run-detail.exporting',
    defaultMessage: 'Exporting {done, number} of {total, number}…',
  },
  exported: {
    id: 'admin/marketplace-stock-gate.run-detail.exported',
    defaultMessage:
      '{count, plural, one {# finding exported} other {# findings exported}}',
  },
  open: {
    id: 'admin/marketplace-stock-gate.run-detail.open',
    defaultMessage: 'Open the run of {when}',
  },
})
