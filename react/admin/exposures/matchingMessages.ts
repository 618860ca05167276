import { defineMessages } from 'react-intl'

/** Selecting every row the filters match, and allowing or blocking them all. */
export default defineMessages({
  pageSelected: {
    id: 'admin/marketplace-stock-gate.exposures.page-selected',
    defaultMessage:
      '{count, plural, one {The # row on this page is selected.} other {All # rows on this page are selected.}}',
  },
  selectMatching: {
    id: 'admin/marketplace-stock-gate.exposures.select-matching',
    defaultMessage:
      '{count, plural, one {Select the # matching row} other {Select all # matching rows}}',
  },
  matchingSelected: {
    id: 'admin/marketplace-stock-gate.exposures.matching-selected',
    defaultMessage:
      '{count, plural, one {The # row matching these filters is selected.} other {All # rows matching these filters are selected, on every page.}}',
  },
  matchingTooMany: {
    id: 'admin/marketplace-stock-gate.exposures.matching-too-many',
    defaultMessage:
      '{count, number} rows match: narrow the filters to {max, number} or fewer to allow or block them all at once.',
  },
  clearSelection: {
    id: 'admin/marketplace-stock-gate.exposures.clear-selection',
    defaultMessage: 'Clear selection',
  },
  confirmTitle: {
    id: 'admin/marketplace-stock-gate.exposures.matching-confirm-title',
    defaultMessage:
      '{action, select, ALLOW {Allow every matching row?} other {Block every matching row?}}',
  },
  confirmCount: {
    id: 'admin/marketplace-stock-gate.exposures.matching-confirm-count',
    defaultMessage:
      '{count, plural, one {The override is set on # row (SKU on a channel): the one matching these filters.} other {The override is set on # rows (SKU on a channel): every row matching these filters, not only this page.}}',
  },
  confirmCost: {
    id: 'admin/marketplace-stock-gate.exposures.matching-confirm-cost',
    defaultMessage:
      "Each row is evaluated again, which spends the account's API budget. If the number of matching rows changes before it starts, nothing is done and you are asked again.",
  },
  confirm: {
    id: 'admin/marketplace-stock-gate.exposures.matching-confirm',
    defaultMessage:
      '{action, select, ALLOW {Allow {count, number} rows} other {Block {count, number} rows}}',
  },
  running: {
    id: 'admin/marketplace-stock-gate.exposures.matching-running',
    defaultMessage: 'Saving overrides: {done, number} of {total, number} rows…',
  },
  resume: {
    id: 'admin/marketplace-stock-gate.exposures.matching-resume',
    defaultMessage: 'Resume',
  },
  stopped: {
    id: 'admin/marketplace-stock-gate.exposures.matching-stopped',
    defaultMessage:
      'The overrides stopped after {done, number} of {total, number} rows. Resume continues from there.',
  },
})
