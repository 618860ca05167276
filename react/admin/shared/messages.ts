import { defineMessages } from 'react-intl'

export const navigationMessages = defineMessages({
  title: {
    id: 'admin/marketplace-stock-gate.navigation.title',
    defaultMessage: 'Marketplace Stock Gate',
  },
  overview: {
    id: 'admin/marketplace-stock-gate.navigation.overview',
    defaultMessage: 'Overview',
  },
  exposures: {
    id: 'admin/marketplace-stock-gate.navigation.exposures',
    defaultMessage: 'Exposures',
  },
  settings: {
    id: 'admin/marketplace-stock-gate.navigation.settings',
    defaultMessage: 'Settings',
  },
  reconciliation: {
    id: 'admin/marketplace-stock-gate.navigation.reconciliation',
    defaultMessage: 'Reconciliation',
  },
})

export const loaderMessages = defineMessages({
  loading: {
    id: 'admin/marketplace-stock-gate.loader.loading',
    defaultMessage: 'Loading…',
  },
  errorTitle: {
    id: 'admin/marketplace-stock-gate.loader.error-title',
    defaultMessage: 'This page could not be loaded',
  },
  retry: {
    id: 'admin/marketplace-stock-gate.loader.retry',
    defaultMessage: 'Try again',
  },
  empty: {
    id: 'admin/marketplace-stock-gate.loader.empty',
    defaultMessage: 'Nothing to show yet',
  },
})

export const statusMessages = defineMessages({
  EXPOSED: {
    id: 'admin/marketplace-stock-gate.status.EXPOSED',
    defaultMessage: 'Exposed',
  },
  WITHHELD: {
    id: 'admin/marketplace-stock-gate.status.WITHHELD',
    defaultMessage: 'Withheld',
  },
  PENDING: {
    id: 'admin/marketplace-stock-gate.status.PENDING',
    defaultMessage: 'Pending',
  },
  ERROR: {
    id: 'admin/marketplace-stock-gate.status.ERROR',
    defaultMessage: 'Error',
  },
})

export const reasonMessages = defineMessages({
  SKU_NOT_FOUND: {
    id: 'admin/marketplace-stock-gate.reason.SKU_NOT_FOUND',
    defaultMessage: 'SKU not found',
  },
  SKU_INACTIVE: {
    id: 'admin/marketplace-stock-gate.reason.SKU_INACTIVE',
    defaultMessage: 'SKU inactive',
  },
  NO_MARKETPLACE_STOCK: {
    id: 'admin/marketplace-stock-gate.reason.NO_MARKETPLACE_STOCK',
    defaultMessage: 'No marketplace stock',
  },
  NO_PRICE: {
    id: 'admin/marketplace-stock-gate.reason.NO_PRICE',
    defaultMessage: 'No price',
  },
  SELLER_EXCLUDED: {
    id: 'admin/marketplace-stock-gate.reason.SELLER_EXCLUDED',
    defaultMessage: 'Seller excluded',
  },
  SELLER_INACTIVE: {
    id: 'admin/marketplace-stock-gate.reason.SELLER_INACTIVE',
    defaultMessage: 'Seller binding inactive',
  },
  MANUAL_BLOCK: {
    id: 'admin/marketplace-stock-gate.reason.MANUAL_BLOCK',
    defaultMessage: 'Blocked by an operator',
  },
  MANUAL_ALLOW: {
    id: 'admin/marketplace-stock-gate.reason.MANUAL_ALLOW',
    defaultMessage: 'Allowed by an operator',
  },
  UPSTREAM_ERROR: {
    id: 'admin/marketplace-stock-gate.reason.UPSTREAM_ERROR',
    defaultMessage: 'VTEX API error',
  },
})

export const modeMessages = defineMessages({
  OBSERVE: {
    id: 'admin/marketplace-stock-gate.mode.OBSERVE',
    defaultMessage: 'Observe',
  },
  ENFORCE: {
    id: 'admin/marketplace-stock-gate.mode.ENFORCE',
    defaultMessage: 'Enforce',
  },
})

export const errorMessages = defineMessages({
  INVALID_BUFFER_SCOPE: {
    id: 'admin/marketplace-stock-gate.error.INVALID_BUFFER_SCOPE',
    defaultMessage: 'Choose a product or one SKU.',
  },
  INVALID_TARGET_ID: {
    id: 'admin/marketplace-stock-gate.error.INVALID_TARGET_ID',
    defaultMessage: 'Enter a product or SKU id: digits only.',
  },
  TOO_MANY_BUFFERS: {
    id: 'admin/marketplace-stock-gate.error.TOO_MANY_BUFFERS',
    defaultMessage:
      'This workspace has as many stock buffers as it may (200). Delete one first.',
  },
  BUFFER_NOT_FOUND: {
    id: 'admin/marketplace-stock-gate.error.BUFFER_NOT_FOUND',
    defaultMessage: 'This buffer no longer exists. The list was refreshed.',
  },
  INVALID_EMAIL: {
    id: 'admin/marketplace-stock-gate.error.INVALID_EMAIL',
    defaultMessage: 'One of the addresses is not an e-mail address.',
  },
  TOO_MANY_EMAILS: {
    id: 'admin/marketplace-stock-gate.error.TOO_MANY_EMAILS',
    defaultMessage: 'At most 10 addresses.',
  },
  UNKNOWN: {
    id: 'admin/marketplace-stock-gate.error.UNKNOWN',
    defaultMessage: 'Something went wrong. Try again.',
  },
  NETWORK: {
    id: 'admin/marketplace-stock-gate.error.NETWORK',
    defaultMessage: 'The service could not be reached.',
  },
  UNAUTHENTICATED: {
    id: 'admin/marketplace-stock-gate.error.UNAUTHENTICATED',
    defaultMessage: 'Your session has expired. Sign in again.',
  },
  FORBIDDEN: {
    id: 'admin/marketplace-stock-gate.error.FORBIDDEN',
    defaultMessage:
      'You do not have permission for this. An account admin can give you a role with the Catalog resource Edit Product (License Manager › Roles).',
  },
  COUNT_CHANGED: {
    id: 'admin/marketplace-stock-gate.error.COUNT_CHANGED',
    defaultMessage:
      'The number of rows matching these filters changed, so nothing was done. Check the new count and confirm again.',
  },
  TOO_MANY_ROWS: {
    id: 'admin/marketplace-stock-gate.error.TOO_MANY_ROWS',
    defaultMessage:
      'Too many rows match these filters to change them all at once. Narrow the filters and try again.',
  },
  ALREADY_RESUMED: {
    id: 'admin/marketplace-stock-gate.error.ALREADY_RESUMED',
    defaultMessage: 'This run was already resumed.',
  },
  NOT_IMPLEMENTED: {
    id: 'admin/marketplace-stock-gate.error.NOT_IMPLEMENTED',
    defaultMessage: 'This is not available yet.',
  },
  EXPOSURE_NOT_FOUND: {
    id: 'admin/marketplace-stock-gate.error.EXPOSURE_NOT_FOUND',
    defaultMessage: 'This SKU has no decision on that channel yet.',
  },
  INVALID_SKU_ID: {
    id: 'admin/marketplace-stock-gate.error.INVALID_SKU_ID',
    defaultMessage: 'Invalid SKU id.',
  },
  SKU_NOT_IN_CATALOG: {
    id: 'admin/marketplace-stock-gate.error.SKU_NOT_IN_CATALOG',
    defaultMessage: 'This SKU is not in the catalog.',
  },
  SKU_NOT_GOVERNED: {
    id: 'admin/marketplace-stock-gate.error.SKU_NOT_GOVERNED',
    defaultMessage:
      'Only the marketplace sells this SKU: its own stock reaches every channel, and the app does not gate it.',
  },
  UNKNOWN_CHANNEL: {
    id: 'admin/marketplace-stock-gate.error.UNKNOWN_CHANNEL',
    defaultMessage: 'Unknown channel.',
  },
  TOO_MANY_KEYS: {
    id: 'admin/marketplace-stock-gate.error.TOO_MANY_KEYS',
    defaultMessage:
      'This channel already has 20 active keys: revoke one before creating another.',
  },
  ONE_PER_REQUEST: {
    id: 'admin/marketplace-stock-gate.error.ONE_PER_REQUEST',
    defaultMessage: 'Create one key at a time.',
  },
  KEY_NOT_FOUND: {
    id: 'admin/marketplace-stock-gate.error.KEY_NOT_FOUND',
    defaultMessage: 'This key no longer exists on the channel.',
  },
  INVALID_ACTION: {
    id: 'admin/marketplace-stock-gate.error.INVALID_ACTION',
    defaultMessage: 'Choose allow or block.',
  },
  NOTE_REQUIRED: {
    id: 'admin/marketplace-stock-gate.error.NOTE_REQUIRED',
    defaultMessage: 'A note is required.',
  },
  NOTE_TOO_LONG: {
    id: 'admin/marketplace-stock-gate.error.NOTE_TOO_LONG',
    defaultMessage: 'The note is too long (500 characters at most).',
  },
  INVALID_EXPIRY: {
    id: 'admin/marketplace-stock-gate.error.INVALID_EXPIRY',
    defaultMessage: 'Invalid expiry date.',
  },
  EXPIRY_IN_PAST: {
    id: 'admin/marketplace-stock-gate.error.EXPIRY_IN_PAST',
    defaultMessage: 'The expiry must be in the future.',
  },
  DUPLICATE_CHANNEL: {
    id: 'admin/marketplace-stock-gate.error.DUPLICATE_CHANNEL',
    defaultMessage: 'A channel appears twice.',
  },
  INVALID_MODE: {
    id: 'admin/marketplace-stock-gate.error.INVALID_MODE',
    defaultMessage: 'Invalid mode.',
  },
  NEGATIVE_THRESHOLD: {
    id: 'admin/marketplace-stock-gate.error.NEGATIVE_THRESHOLD',
    defaultMessage: 'Must not be negative.',
  },
  THRESHOLD_BELOW_ONE: {
    id: 'admin/marketplace-stock-gate.error.THRESHOLD_BELOW_ONE',
    defaultMessage: 'Must be at least 1.',
  },
  THRESHOLD_NOT_INTEGER: {
    id: 'admin/marketplace-stock-gate.error.THRESHOLD_NOT_INTEGER',
    defaultMessage: 'Must be a whole number.',
  },
  THRESHOLD_TOO_LARGE: {
    id: 'admin/marketplace-stock-gate.error.THRESHOLD_TOO_LARGE',
    defaultMessage: 'Must be 1,000,000 at most.',
  },
  WITHDRAW_ABOVE_EXPOSE: {
    id: 'admin/marketplace-stock-gate.error.WITHDRAW_ABOVE_EXPOSE',
    defaultMessage: 'Must not be above "Expose at".',
  },
  INVALID_REQUIRE_PRICE: {
    id: 'admin/marketplace-stock-gate.error.INVALID_REQUIRE_PRICE',
    defaultMessage: 'Invalid price requirement.',
  },
  INVALID_SELLER_ID: {
    id: 'admin/marketplace-stock-gate.error.INVALID_SELLER_ID',
    defaultMessage: 'Invalid seller id.',
  },
  SELLER_IN_BOTH_LISTS: {
    id: 'admin/marketplace-stock-gate.error.SELLER_IN_BOTH_LISTS',
    defaultMessage: 'A seller cannot be in both lists.',
  },
  TOO_MANY_SELLERS: {
    id: 'admin/marketplace-stock-gate.error.TOO_MANY_SELLERS',
    defaultMessage: 'At most 500 sellers per list.',
  },
  INVALID_WORKSPACE_CATALOG_WRITES: {
    id: 'admin/marketplace-stock-gate.error.INVALID_WORKSPACE_CATALOG_WRITES',
    defaultMessage: 'Catalog writes in this workspace must be on or off.',
  },
  JOB_FAILED: {
    id: 'admin/marketplace-stock-gate.error.JOB_FAILED',
    defaultMessage: 'The work stopped before it finished. Try again.',
  },
  WORKER_LOST: {
    id: 'admin/marketplace-stock-gate.error.WORKER_LOST',
    defaultMessage:
      'The app restarted while working on this, so it did not finish. Try again.',
  },
  INVALID_RETENTION: {
    id: 'admin/marketplace-stock-gate.error.INVALID_RETENTION',
    defaultMessage: 'Invalid retention.',
  },
  UNKNOWN_SKU: {
    id: 'admin/marketplace-stock-gate.error.UNKNOWN_SKU',
    defaultMessage: 'This SKU is not in the catalog.',
  },
  SWEEP_ALREADY_RUNNING: {
    id: 'admin/marketplace-stock-gate.error.SWEEP_ALREADY_RUNNING',
    defaultMessage: 'A sweep is already running: it is shown below.',
  },
  RUN_NOT_FOUND: {
    id: 'admin/marketplace-stock-gate.error.RUN_NOT_FOUND',
    defaultMessage: 'This sweep no longer exists.',
  },
  RUN_FINISHED: {
    id: 'admin/marketplace-stock-gate.error.RUN_FINISHED',
    defaultMessage: 'This sweep has already finished.',
  },
  INVALID_SCOPE: {
    id: 'admin/marketplace-stock-gate.error.INVALID_SCOPE',
    defaultMessage: 'Check the sweep scope: one of its fields is not valid.',
  },
})

export const commonMessages = defineMessages({
  cancel: {
    id: 'admin/marketplace-stock-gate.common.cancel',
    defaultMessage: 'Cancel',
  },
  all: { id: 'admin/marketplace-stock-gate.common.all', defaultMessage: 'All' },
  close: {
    id: 'admin/marketplace-stock-gate.common.close',
    defaultMessage: 'Close',
  },
})

export const overrideActionMessages = defineMessages({
  ALLOW: {
    id: 'admin/marketplace-stock-gate.override-action.ALLOW',
    defaultMessage: 'Allowed by hand',
  },
  BLOCK: {
    id: 'admin/marketplace-stock-gate.override-action.BLOCK',
    defaultMessage: 'Blocked by hand',
  },
})

export const sellerMessages = defineMessages({
  label: {
    id: 'admin/marketplace-stock-gate.seller-picker.label',
    defaultMessage: 'Seller',
  },
  all: {
    id: 'admin/marketplace-stock-gate.seller-picker.all',
    defaultMessage: 'All sellers',
  },
  inactive: {
    id: 'admin/marketplace-stock-gate.seller-picker.inactive',
    defaultMessage: '{seller} (inactive)',
  },
  unlisted: {
    id: 'admin/marketplace-stock-gate.seller-picker.unlisted',
    defaultMessage: '{seller} (not in the seller list)',
  },
  loading: {
    id: 'admin/marketplace-stock-gate.seller-picker.loading',
    defaultMessage: 'Loading sellers…',
  },
  add: {
    id: 'admin/marketplace-stock-gate.seller-picker.add',
    defaultMessage: 'Add a seller…',
  },
  remove: {
    id: 'admin/marketplace-stock-gate.seller-picker.remove',
    defaultMessage: 'Remove {seller}',
  },
})

// The codes the API reports for a failed VTEX call (node/clients/resilience.ts `upstreamCode`).
export const upstreamMessages = defineMessages({
  UPSTREAM_RATE_LIMITED: {
    id: 'admin/marketplace-stock-gate.upstream.UPSTREAM_RATE_LIMITED',
    defaultMessage: 'VTEX rate limit (429)',
  },
  UPSTREAM_UNAVAILABLE: {
    id: 'admin/marketplace-stock-gate.upstream.UPSTREAM_UNAVAILABLE',
    defaultMessage: 'VTEX API unavailable (5xx)',
  },
  UPSTREAM_TIMEOUT: {
    id: 'admin/marketplace-stock-gate.upstream.UPSTREAM_TIMEOUT',
    defaultMessage: 'VTEX API timed out',
  },
  CIRCUIT_OPEN: {
    id: 'admin/marketplace-stock-gate.upstream.CIRCUIT_OPEN',
    defaultMessage: 'Paused after repeated VTEX failures',
  },
  UPSTREAM_HTTP: {
    id: 'admin/marketplace-stock-gate.upstream.UPSTREAM_HTTP',
    defaultMessage: 'VTEX answered HTTP {status}',
  },
  UNEXPECTED_ERROR: {
    id: 'admin/marketplace-stock-gate.upstream.UNEXPECTED_ERROR',
    defaultMessage: 'Unexpected error',
  },
})
