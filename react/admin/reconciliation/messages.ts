import { defineMessages } from 'react-intl'

export const reconciliationStateMessages = defineMessages({
  QUEUED: {
    id: 'admin/marketplace-stock-gate.reconciliation.state.QUEUED',
    defaultMessage: 'Queued',
  },
  RUNNING: {
    id: 'admin/marketplace-stock-gate.reconciliation.state.RUNNING',
    defaultMessage: 'Running',
  },
  DONE: {
    id: 'admin/marketplace-stock-gate.reconciliation.state.DONE',
    defaultMessage: 'Done',
  },
  CANCELLED: {
    id: 'admin/marketplace-stock-gate.reconciliation.state.CANCELLED',
    defaultMessage: 'Cancelled',
  },
  FAILED: {
    id: 'admin/marketplace-stock-gate.reconciliation.state.FAILED',
    defaultMessage: 'Failed',
  },
})

export default defineMessages({
  subtitle: {
    id: 'admin/marketplace-stock-gate.reconciliation.subtitle',
    defaultMessage:
      'Sweeps compare every decision with the catalog and fix the drift',
  },
  startTitle: {
    id: 'admin/marketplace-stock-gate.reconciliation.start-title',
    defaultMessage: 'Start a sweep',
  },
  scopeHint: {
    id: 'admin/marketplace-stock-gate.reconciliation.scope-hint',
    defaultMessage: 'Leave every field empty for a full sweep.',
  },
  scopeChannel: {
    id: 'admin/marketplace-stock-gate.reconciliation.scope-channel',
    defaultMessage: 'Channel',
  },
  scopeSeller: {
    id: 'admin/marketplace-stock-gate.reconciliation.scope-seller',
    defaultMessage: 'Seller id',
  },
  scopeSkus: {
    id: 'admin/marketplace-stock-gate.reconciliation.scope-skus',
    defaultMessage: 'SKU ids (comma or space separated)',
  },
  scopeChangedSince: {
    id: 'admin/marketplace-stock-gate.reconciliation.scope-changed-since',
    defaultMessage: 'Changed since (date)',
  },
  invalidSkus: {
    id: 'admin/marketplace-stock-gate.reconciliation.invalid-skus',
    defaultMessage: 'SKU ids are positive whole numbers.',
  },
  invalidDate: {
    id: 'admin/marketplace-stock-gate.reconciliation.invalid-date',
    defaultMessage: 'Enter a valid date and time.',
  },
  allChannels: {
    id: 'admin/marketplace-stock-gate.reconciliation.all-channels',
    defaultMessage: 'All channels',
  },
  noCurrent: {
    id: 'admin/marketplace-stock-gate.reconciliation.no-current',
    defaultMessage: 'No sweep is running.',
  },
  startedBy: {
    id: 'admin/marketplace-stock-gate.reconciliation.started-by',
    defaultMessage: 'Started {when} by {who}',
  },
  driftLine: {
    id: 'admin/marketplace-stock-gate.reconciliation.drift-line',
    defaultMessage: 'Drift found {found, number}, fixed {fixed, number}',
  },
  waiting: {
    id: 'admin/marketplace-stock-gate.reconciliation.waiting',
    defaultMessage:
      'Waiting for VTEX ({api} API: {error}). Next attempt at {next} (attempt {attempts, number}); the sweep resumes on its own.',
  },
  failure: {
    id: 'admin/marketplace-stock-gate.reconciliation.failure',
    defaultMessage:
      'Stopped: {error} ({api} API). Retrying would fail the same way; the next scheduled sweep starts anew.',
  },
  scopePartChannel: {
    id: 'admin/marketplace-stock-gate.reconciliation.scope-part-channel',
    defaultMessage: 'channel {value}',
  },
  scopePartSeller: {
    id: 'admin/marketplace-stock-gate.reconciliation.scope-part-seller',
    defaultMessage: 'seller {value}',
  },
  scopePartSkus: {
    id: 'admin/marketplace-stock-gate.reconciliation.scope-part-skus',
    defaultMessage: '{count, plural, one {# SKU} other {# SKUs}}',
  },
  scopePartSince: {
    id: 'admin/marketplace-stock-gate.reconciliation.scope-part-since',
    defaultMessage: 'changed since {value}',
  },
  scopePartStatuses: {
    id: 'admin/marketplace-stock-gate.reconciliation.scope-part-statuses',
    defaultMessage: 'statuses {value}',
  },
  scopePartReason: {
    id: 'admin/marketplace-stock-gate.reconciliation.scope-part-reason',
    defaultMessage: 'reason {value}',
  },
  scopePartText: {
    id: 'admin/marketplace-stock-gate.reconciliation.scope-part-text',
    defaultMessage: 'search “{value}”',
  },
  startFull: {
    id: 'admin/marketplace-stock-gate.reconciliation.start-full',
    defaultMessage: 'Start full sweep',
  },
  startPartial: {
    id: 'admin/marketplace-stock-gate.reconciliation.start-partial',
    defaultMessage: 'Start partial sweep',
  },
  started: {
    id: 'admin/marketplace-stock-gate.reconciliation.started',
    defaultMessage: 'Sweep started',
  },
  cancel: {
    id: 'admin/marketplace-stock-gate.reconciliation.cancel',
    defaultMessage: 'Cancel sweep',
  },
  cancelled: {
    id: 'admin/marketplace-stock-gate.reconciliation.cancelled',
    defaultMessage: 'Sweep cancelled',
  },
  currentTitle: {
    id: 'admin/marketplace-stock-gate.reconciliation.current-title',
    defaultMessage: 'Current sweep',
  },
  progress: {
    id: 'admin/marketplace-stock-gate.reconciliation.progress',
    defaultMessage:
      '{done, number} of {total, number} SKUs · {rate} SKUs/s · {eta} left',
  },
  historyTitle: {
    id: 'admin/marketplace-stock-gate.reconciliation.history-title',
    defaultMessage: 'History',
  },
  historyEmpty: {
    id: 'admin/marketplace-stock-gate.reconciliation.history-empty',
    defaultMessage: 'No sweep has run yet.',
  },
  colStarted: {
    id: 'admin/marketplace-stock-gate.reconciliation.col-started',
    defaultMessage: 'Started',
  },
  colState: {
    id: 'admin/marketplace-stock-gate.reconciliation.col-state',
    defaultMessage: 'State',
  },
  colScope: {
    id: 'admin/marketplace-stock-gate.reconciliation.col-scope',
    defaultMessage: 'Scope',
  },
  colTrigger: {
    id: 'admin/marketplace-stock-gate.reconciliation.col-trigger',
    defaultMessage: 'Trigger',
  },
  colProgress: {
    id: 'admin/marketplace-stock-gate.reconciliation.col-progress',
    defaultMessage: 'SKUs',
  },
  colDrift: {
    id: 'admin/marketplace-stock-gate.reconciliation.col-drift',
    defaultMessage: 'Drift found / fixed',
  },
  colErrors: {
    id: 'admin/marketplace-stock-gate.reconciliation.col-errors',
    defaultMessage: 'Errors',
  },
  scopeFull: {
    id: 'admin/marketplace-stock-gate.reconciliation.scope-full',
    defaultMessage: 'Full',
  },
  previous: {
    id: 'admin/marketplace-stock-gate.reconciliation.previous',
    defaultMessage: 'Previous',
  },
  next: {
    id: 'admin/marketplace-stock-gate.reconciliation.next',
    defaultMessage: 'Next',
  },
})

/** Who started a run when no operator did (the run's `trigger`). */
export const triggerMessages = defineMessages({
  ADMIN: {
    id: 'admin/marketplace-stock-gate.reconciliation.trigger.ADMIN',
    defaultMessage: 'an administrator',
  },
  SCHEDULE_FULL: {
    id: 'admin/marketplace-stock-gate.reconciliation.trigger.SCHEDULE_FULL',
    defaultMessage: 'the schedule (full sweep)',
  },
  SCHEDULE_PARTIAL: {
    id: 'admin/marketplace-stock-gate.reconciliation.trigger.SCHEDULE_PARTIAL',
    defaultMessage: 'the schedule (partial sweep)',
  },
})
