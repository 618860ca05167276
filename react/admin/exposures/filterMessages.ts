import { defineMessages } from 'react-intl'

/** The brand, category and trade policy filters, and the columns and sorts that go with them. */
export default defineMessages({
  filterBrand: {
    id: 'admin/marketplace-stock-gate.exposures.filter-brand',
    defaultMessage: 'Brand',
  },
  filterCategory: {
    id: 'admin/marketplace-stock-gate.exposures.filter-category',
    defaultMessage: 'Category',
  },
  filterTradePolicy: {
    id: 'admin/marketplace-stock-gate.exposures.filter-trade-policy',
    defaultMessage: 'Trade policy',
  },
  tradePolicyOption: {
    id: 'admin/marketplace-stock-gate.exposures.trade-policy-option',
    defaultMessage: 'Trade policy {id} ({channels})',
  },
  choicesFailed: {
    id: 'admin/marketplace-stock-gate.exposures.choices-failed',
    defaultMessage:
      'The catalog did not answer with its brands and categories: those two filters are unavailable for now.',
  },
  oldRowsNote: {
    id: 'admin/marketplace-stock-gate.exposures.old-rows-note',
    defaultMessage:
      'Rows saved before this version carry no brand or category: they show up in these filters after the next sweep.',
  },
  colName: {
    id: 'admin/marketplace-stock-gate.exposures.col-name',
    defaultMessage: 'SKU name',
  },
  colBrandCategory: {
    id: 'admin/marketplace-stock-gate.exposures.col-brand-category',
    defaultMessage: 'Brand and category',
  },
  colChanged: {
    id: 'admin/marketplace-stock-gate.exposures.col-changed',
    defaultMessage: 'Status changed',
  },
})
