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
  countShare: {
    id: 'admin/marketplace-stock-gate.overview.count-share',
    defaultMessage: '{count, number} ({share, number, percent})',
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
