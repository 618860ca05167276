import { defineMessages } from 'react-intl'

export default defineMessages({
  subtitle: {
    id: 'admin/marketplace-stock-gate.settings.subtitle',
    defaultMessage: 'How each channel decides which third-party SKUs it gets',
  },
  empty: {
    id: 'admin/marketplace-stock-gate.settings.empty',
    defaultMessage: 'No channel to configure.',
  },
  channelTitle: {
    id: 'admin/marketplace-stock-gate.settings.channel-title',
    defaultMessage: '{name} ({id}) · trade policy {salesChannel}',
  },
  mode: {
    id: 'admin/marketplace-stock-gate.settings.mode',
    defaultMessage: 'Mode',
  },
  modeObserveHelp: {
    id: 'admin/marketplace-stock-gate.settings.mode-observe-help',
    defaultMessage:
      'Observe: decide and record, but write nothing to the catalog.',
  },
  modeEnforceHelp: {
    id: 'admin/marketplace-stock-gate.settings.mode-enforce-help',
    defaultMessage:
      "Enforce: put products on or off the channel's trade policy as decided.",
  },
  exposeAt: {
    id: 'admin/marketplace-stock-gate.settings.expose-at',
    defaultMessage: 'Expose at (units)',
  },
  exposeAtHelp: {
    id: 'admin/marketplace-stock-gate.settings.expose-at-help',
    defaultMessage:
      'A withheld SKU is exposed once the marketplace has at least this many units.',
  },
  withdrawBelow: {
    id: 'admin/marketplace-stock-gate.settings.withdraw-below',
    defaultMessage: 'Withdraw below (units)',
  },
  withdrawBelowHelp: {
    id: 'admin/marketplace-stock-gate.settings.withdraw-below-help',
    defaultMessage:
      'An exposed SKU is withdrawn when stock falls below this. At most "Expose at".',
  },
  requirePrice: {
    id: 'admin/marketplace-stock-gate.settings.require-price',
    defaultMessage: "Require a price on the channel's trade policy",
  },
  sellerAllow: {
    id: 'admin/marketplace-stock-gate.settings.seller-allow',
    defaultMessage: 'Only these sellers (allow list)',
  },
  sellerDeny: {
    id: 'admin/marketplace-stock-gate.settings.seller-deny',
    defaultMessage: 'Never these sellers (deny list)',
  },
  sellersHelp: {
    id: 'admin/marketplace-stock-gate.settings.sellers-help',
    defaultMessage:
      'Seller ids separated by commas or spaces. Empty allow list: every seller.',
  },
  sellerAllowHelp: {
    id: 'admin/marketplace-stock-gate.settings.seller-allow-help',
    defaultMessage: 'Leave it empty to allow every seller.',
  },
  sellerError: {
    id: 'admin/marketplace-stock-gate.settings.seller-error',
    defaultMessage:
      '{error} {count, plural, one {Seller:} other {Sellers:}} {sellers}',
  },
  retentionDays: {
    id: 'admin/marketplace-stock-gate.settings.retention-days',
    defaultMessage: 'Keep the audit trail for (days)',
  },
  review: {
    id: 'admin/marketplace-stock-gate.settings.review',
    defaultMessage: 'Review and save',
  },
  reset: {
    id: 'admin/marketplace-stock-gate.settings.reset',
    defaultMessage: 'Discard changes',
  },
  invalid: {
    id: 'admin/marketplace-stock-gate.settings.invalid',
    defaultMessage: 'Fix the highlighted fields before saving.',
  },
  previewTitle: {
    id: 'admin/marketplace-stock-gate.settings.preview-title',
    defaultMessage: 'Before you save',
  },
  previewLine: {
    id: 'admin/marketplace-stock-gate.settings.preview-line',
    defaultMessage:
      '{channel}: {toExposed, number} SKUs would become exposed, {toWithheld, number} would become withheld.',
  },
  enforceWarning: {
    id: 'admin/marketplace-stock-gate.settings.enforce-warning',
    defaultMessage:
      '{channel} switches to Enforce: the app will write to the catalog, associating {associate, number} and dissociating {dissociate, number} products on trade policy {salesChannel}.',
  },
  previewLoading: {
    id: 'admin/marketplace-stock-gate.settings.preview-loading',
    defaultMessage: 'Computing what would change…',
  },
  confirmSave: {
    id: 'admin/marketplace-stock-gate.settings.confirm-save',
    defaultMessage: 'Save settings',
  },
  confirmEnforce: {
    id: 'admin/marketplace-stock-gate.settings.confirm-enforce',
    defaultMessage: 'Save and enforce',
  },
  saved: {
    id: 'admin/marketplace-stock-gate.settings.saved',
    defaultMessage: 'Settings saved',
  },
})
