import { defineMessages } from 'react-intl'

export default defineMessages({
  title: {
    id: 'admin/marketplace-stock-gate.trends.title',
    defaultMessage: 'Trends',
  },
  channel: {
    id: 'admin/marketplace-stock-gate.trends.channel',
    defaultMessage: 'Channel',
  },
  window: {
    id: 'admin/marketplace-stock-gate.trends.window',
    defaultMessage: 'Period',
  },
  days: {
    id: 'admin/marketplace-stock-gate.trends.days',
    defaultMessage: '{days, number} days',
  },
  noPoints: {
    id: 'admin/marketplace-stock-gate.trends.no-points',
    defaultMessage:
      'No daily point yet: the scheduler records one per channel each day, once a first full sweep has finished.',
  },
  share: {
    id: 'admin/marketplace-stock-gate.trends.share',
    defaultMessage: 'Exposed share',
  },
  shareSummary: {
    id: 'admin/marketplace-stock-gate.trends.share-summary',
    defaultMessage:
      '{share, number, percent} of {total, number} SKUs exposed on {day}; {first, number, percent} on {firstDay}.',
  },
  withheld: {
    id: 'admin/marketplace-stock-gate.trends.withheld',
    defaultMessage: 'Withheld SKUs by reason',
  },
  noneWithheld: {
    id: 'admin/marketplace-stock-gate.trends.none-withheld',
    defaultMessage: 'No SKU was withheld in this period.',
  },
  drift: {
    id: 'admin/marketplace-stock-gate.trends.drift',
    defaultMessage: 'Drift found and fixed per sweep',
  },
  noSweeps: {
    id: 'admin/marketplace-stock-gate.trends.no-sweeps',
    defaultMessage: 'No sweep covering this channel finished in this period.',
  },
  driftFound: {
    id: 'admin/marketplace-stock-gate.trends.drift-found',
    defaultMessage: 'Drift found',
  },
  driftFixed: {
    id: 'admin/marketplace-stock-gate.trends.drift-fixed',
    defaultMessage: 'Drift fixed',
  },
  latency: {
    id: 'admin/marketplace-stock-gate.trends.latency',
    defaultMessage: 'Stock change to channel update (median of the day before)',
  },
  noLatency: {
    id: 'admin/marketplace-stock-gate.trends.no-latency',
    defaultMessage: 'No change reached this channel in this period.',
  },
  day: {
    id: 'admin/marketplace-stock-gate.trends.day',
    defaultMessage: 'Day',
  },
  sweepFinished: {
    id: 'admin/marketplace-stock-gate.trends.sweep-finished',
    defaultMessage: 'Sweep finished',
  },
  seconds: {
    id: 'admin/marketplace-stock-gate.trends.seconds',
    defaultMessage: 'Median',
  },
})
