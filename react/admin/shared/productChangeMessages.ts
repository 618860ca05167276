import { defineMessages } from 'react-intl'

/** The list of products a channel's trade policy would gain or lose: the overview's and the save review's. */
export default defineMessages({
  show: {
    id: 'admin/marketplace-stock-gate.products.show',
    defaultMessage: 'See which products',
  },
  hide: {
    id: 'admin/marketplace-stock-gate.products.hide',
    defaultMessage: 'Hide the products',
  },
  columnProduct: {
    id: 'admin/marketplace-stock-gate.products.column-product',
    defaultMessage: 'Product',
  },
  columnAction: {
    id: 'admin/marketplace-stock-gate.products.column-action',
    defaultMessage: 'Change',
  },
  columnSkus: {
    id: 'admin/marketplace-stock-gate.products.column-skus',
    defaultMessage: 'SKUs',
  },
  actionAssociate: {
    id: 'admin/marketplace-stock-gate.products.action-associate',
    defaultMessage: 'Put on the trade policy',
  },
  actionDissociate: {
    id: 'admin/marketplace-stock-gate.products.action-dissociate',
    defaultMessage: 'Take off the trade policy',
  },
  page: {
    id: 'admin/marketplace-stock-gate.products.page',
    defaultMessage:
      'Page {page, number} of {pages, number} · {total, number} products',
  },
  previous: {
    id: 'admin/marketplace-stock-gate.products.previous',
    defaultMessage: 'Previous',
  },
  next: {
    id: 'admin/marketplace-stock-gate.products.next',
    defaultMessage: 'Next',
  },
  csv: {
    id: 'admin/marketplace-stock-gate.products.csv',
    defaultMessage: 'Download CSV',
  },
})
