import { defineMessages } from 'react-intl'

export default defineMessages({
  subtitle: {
    id: 'admin/marketplace-stock-gate.overview.subtitle',
    defaultMessage: 'Which third-party SKUs each channel gets, and why',
  },
  catalogWritesBlocked: {
    id: 'admin/marketplace-stock-gate.overview.catalog-writes-blocked',
    defaultMessage:
      'Catalog writes are off in this development workspace: {channels} in Enforce run as Observe and write nothing to the trade policies, which are shared with master. Turn them on in Settings to write from here.',
  },
  empty: {
    id: 'admin/marketplace-stock-gate.overview.empty',
    defaultMessage: 'No affiliated channel is configured on this account.',
  },
  channelTitle: {
    id: 'admin/marketplace-stock-gate.overview.channel-title',
    defaultMessage: '{name} ({id}) · trade policy {salesChannel}',
  },
  total: {
    id: 'admin/marketplace-stock-gate.overview.total',
    defaultMessage: '{total, number} SKUs evaluated',
  },
  byStatus: {
    id: 'admin/marketplace-stock-gate.overview.by-status',
    defaultMessage: 'By status',
  },
  byReason: {
    id: 'admin/marketplace-stock-gate.overview.by-reason',
    defaultMessage: 'Why SKUs are withheld',
  },
  noReasons: {
    id: 'admin/marketplace-stock-gate.overview.no-reasons',
    defaultMessage: 'No SKU is withheld.',
  },
  noReasonsYet: {
    id: 'admin/marketplace-stock-gate.overview.no-reasons-yet',
    defaultMessage: 'None of the SKUs decided so far is withheld.',
  },
  firstSweepNone: {
    id: 'admin/marketplace-stock-gate.overview.first-sweep-none',
    defaultMessage:
      'No full sweep has run yet: these figures count only the SKUs that catalog and stock events have decided. The first full sweep starts at the scheduler’s first tick after the install (within 10 minutes), or start it now in Reconciliation.',
  },
  firstSweepRunning: {
    id: 'admin/marketplace-stock-gate.overview.first-sweep-running',
    defaultMessage:
      'The first full sweep is running ({done, number} of {total, number} SKUs): until it finishes, these figures count only the SKUs decided so far.',
  },
  firstSweepStopped: {
    id: 'admin/marketplace-stock-gate.overview.first-sweep-stopped',
    defaultMessage:
      'The first full sweep did not finish ({state}): these figures count only the SKUs decided so far. Start it again in Reconciliation.',
  },
  countShare: {
    id: 'admin/marketplace-stock-gate.overview.count-share',
    defaultMessage: '{count, number} ({share, number, percent})',
  },
  productsLoading: {
    id: 'admin/marketplace-stock-gate.overview.products-loading',
    defaultMessage: 'Loading the products…',
  },
  productsNone: {
    id: 'admin/marketplace-stock-gate.overview.products-none',
    defaultMessage: 'No product to change on this channel.',
  },
  productsCsvCapped: {
    id: 'admin/marketplace-stock-gate.overview.products-csv-capped',
    defaultMessage:
      'The CSV holds the first {max, number} of {total, number} products (Master Data serves no more to a search).',
  },
  observeDrift: {
    id: 'admin/marketplace-stock-gate.overview.observe-drift',
    defaultMessage:
      'Observe mode: would expose {wouldExpose, number} / would withdraw {wouldWithdraw, number} products',
  },
  enforceDrift: {
    id: 'admin/marketplace-stock-gate.overview.enforce-drift',
    defaultMessage:
      'Writes not done yet: expose {wouldExpose, number} / withdraw {wouldWithdraw, number} products',
  },
  latency: {
    id: 'admin/marketplace-stock-gate.overview.latency',
    defaultMessage:
      'Stock change to channel update (median, last 24 h): {latency}',
  },
  latencyNone: {
    id: 'admin/marketplace-stock-gate.overview.latency-none',
    defaultMessage:
      'Stock change to channel update (median, last 24 h): no changes yet',
  },
  lastSweep: {
    id: 'admin/marketplace-stock-gate.overview.last-sweep',
    defaultMessage: 'Last sweep',
  },
  lastSweepNone: {
    id: 'admin/marketplace-stock-gate.overview.last-sweep-none',
    defaultMessage: 'No sweep has run yet.',
  },
  lastSweepLine: {
    id: 'admin/marketplace-stock-gate.overview.last-sweep-line',
    defaultMessage:
      '{state} · {done, number}/{total, number} SKUs · drift found {driftFound, number}, fixed {driftFixed, number} · {when}',
  },
  lastSweepError: {
    id: 'admin/marketplace-stock-gate.overview.last-sweep-error',
    defaultMessage: 'The last sweep could not be loaded.',
  },
  openSweeps: {
    id: 'admin/marketplace-stock-gate.overview.open-sweeps',
    defaultMessage: 'Sweeps',
  },
})
