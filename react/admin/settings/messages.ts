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
  enforceBlocked: {
    id: 'admin/marketplace-stock-gate.settings.enforce-blocked',
    defaultMessage:
      '{channel} switches to Enforce, but catalog writes are off in this workspace: it runs as Observe here, and the {associate, number} associations and {dissociate, number} dissociations on trade policy {salesChannel} are only recorded.',
  },
  reviewProductsTruncated: {
    id: 'admin/marketplace-stock-gate.settings.review-products-truncated',
    defaultMessage:
      'The list and its CSV hold the first {shown, number} of {total, number} products, by product id. The counts are exact, and the save writes every product they count.',
  },
  previewLoading: {
    id: 'admin/marketplace-stock-gate.settings.preview-loading',
    defaultMessage: 'Computing what would change…',
  },
  previewProgress: {
    id: 'admin/marketplace-stock-gate.settings.preview-progress',
    defaultMessage:
      'Computing what would change: {done} of {total} decisions read…',
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
  seeApply: {
    id: 'admin/marketplace-stock-gate.settings.see-apply',
    defaultMessage: 'See what it writes',
  },
  workspaceWritesOff: {
    id: 'admin/marketplace-stock-gate.settings.workspace-writes-off',
    defaultMessage:
      "You are in the development workspace {workspace}. Settings here are this workspace's own, but trade policies are shared with master and the live store: channels in Enforce run as Observe here and write nothing to the catalog.",
  },
  workspaceWritesOn: {
    id: 'admin/marketplace-stock-gate.settings.workspace-writes-on',
    defaultMessage:
      "Catalog writes are on in the development workspace {workspace}: channels in Enforce here change the account's real trade policies, the ones the live store's channels receive.",
  },
  workspaceWritesToggle: {
    id: 'admin/marketplace-stock-gate.settings.workspace-writes-toggle',
    defaultMessage: 'Write to the catalog from {workspace}',
  },
  workspaceWritesConfirmTitle: {
    id: 'admin/marketplace-stock-gate.settings.workspace-writes-confirm-title',
    defaultMessage: 'Write to the real catalog from {workspace}?',
  },
  workspaceWritesConfirmBody: {
    id: 'admin/marketplace-stock-gate.settings.workspace-writes-confirm-body',
    defaultMessage:
      "Channels in Enforce in {workspace} will put products on and take them off the account's trade policies, as master does, starting with what Observe recorded here.",
  },
  workspaceWritesConfirm: {
    id: 'admin/marketplace-stock-gate.settings.workspace-writes-confirm',
    defaultMessage: 'Turn catalog writes on',
  },
})
