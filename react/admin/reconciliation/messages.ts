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
  savesTitle: {
    id: 'admin/marketplace-stock-gate.reconciliation.saves-title',
    defaultMessage: 'Settings saves',
  },
  savesEmpty: {
    id: 'admin/marketplace-stock-gate.reconciliation.saves-empty',
    defaultMessage: 'No settings save yet.',
  },
  savesColAt: {
    id: 'admin/marketplace-stock-gate.reconciliation.saves-col-at',
    defaultMessage: 'Saved',
  },
  savesColBy: {
    id: 'admin/marketplace-stock-gate.reconciliation.saves-col-by',
    defaultMessage: 'By',
  },
  savesNothing: {
    id: 'admin/marketplace-stock-gate.reconciliation.saves-nothing',
    defaultMessage: 'nothing to apply',
  },
  previous: {
    id: 'admin/marketplace-stock-gate.reconciliation.previous',
    defaultMessage: 'Previous',
  },
  next: {
    id: 'admin/marketplace-stock-gate.reconciliation.next',
    defaultMessage: 'Next',
  },
  progressLabel: {
    id: 'admin/marketplace-stock-gate.reconciliation.progress-label',
    defaultMessage: 'Sweep progress',
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

/** The Reconciliation page's schedule card. */
export const scheduleMessages = defineMessages({
  title: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.title',
    defaultMessage: 'Schedule',
  },
  full: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.full',
    defaultMessage:
      'Full sweep every {hours, number} h · last started {last} · next due from {next} (at the scheduler’s first call after it)',
  },
  fullOff: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.full-off',
    defaultMessage: 'Full sweep: off',
  },
  partial: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.partial',
    defaultMessage:
      'Partial sweep of {statuses} every {minutes, number} min · last started {last} · next due from {next}',
  },
  partialOff: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.partial-off',
    defaultMessage: 'Partial sweep: off',
  },
  tick: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.tick',
    defaultMessage:
      'Last call from vtex.scheduler: {when} (it calls every 10 minutes while the app is installed)',
  },
  tickLate: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.tick-late',
    defaultMessage:
      'No call from vtex.scheduler since {when}, more than 30 minutes: scheduled sweeps are not starting. Check that the app is installed in this workspace (installing it again registers the schedule).',
  },
  tickNever: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.tick-never',
    defaultMessage:
      'No call from vtex.scheduler yet: it calls within 10 minutes of the install. If it never does, install the app again in this workspace.',
  },
  edit: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.edit',
    defaultMessage: 'Change schedule',
  },
  fullEvery: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.full-every',
    defaultMessage: 'Full sweep every (hours)',
  },
  fullEveryHelp: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.full-every-help',
    defaultMessage: '0 turns it off; at most 720 (30 days)',
  },
  fullEveryError: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.full-every-error',
    defaultMessage: 'A whole number of hours from 0 to 720',
  },
  partialEvery: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.partial-every',
    defaultMessage: 'Partial sweep every (minutes)',
  },
  partialEveryHelp: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.partial-every-help',
    defaultMessage:
      '0 turns it off; at most 1440 (a day); it starts at a scheduler call, every 10 minutes, so under 10 it runs every 10',
  },
  partialEveryError: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.partial-every-error',
    defaultMessage: 'A whole number of minutes from 0 to 1440',
  },
  partialStatuses: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.partial-statuses',
    defaultMessage: 'The partial sweep re-checks SKUs in',
  },
  partialStatusesError: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.partial-statuses-error',
    defaultMessage: 'Choose at least one status',
  },
  save: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.save',
    defaultMessage: 'Save schedule',
  },
  cancel: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.cancel',
    defaultMessage: 'Cancel',
  },
  saved: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.saved',
    defaultMessage: 'Schedule saved',
  },
  tickFailed: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.tick-failed',
    defaultMessage:
      'The last call from vtex.scheduler, {when}, failed: scheduled sweeps may not be starting. The app’s logs say why (reconcile-tick-failed).',
  },
  dueNow: {
    id: 'admin/marketplace-stock-gate.reconciliation.schedule.due-now',
    defaultMessage: 'now',
  },
})
