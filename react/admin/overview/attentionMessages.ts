import { defineMessages } from 'react-intl'

/** One sentence per attention code (graphql AttentionCode): the backend sends codes only. */
export const attentionCodeMessages = defineMessages({
  KEY_NEVER_USED: {
    id: 'admin/marketplace-stock-gate.attention.code.KEY_NEVER_USED',
    defaultMessage:
      '{channel}: {count, plural, one {its feed key was} other {its # feed keys were}} never used',
  },
  SHARE_DROP: {
    id: 'admin/marketplace-stock-gate.attention.code.SHARE_DROP',
    defaultMessage:
      '{channel}: the share of exposed SKUs fell by {count, number} points since yesterday',
  },
  SKUS_IN_ERROR: {
    id: 'admin/marketplace-stock-gate.attention.code.SKUS_IN_ERROR',
    defaultMessage:
      '{channel}: {count, plural, one {# SKU is} other {# SKUs are}} in error',
  },
  SWEEP_FAILING: {
    id: 'admin/marketplace-stock-gate.attention.code.SWEEP_FAILING',
    defaultMessage:
      'Sweeps are failing: the latest sweep or the scheduler’s last call failed',
  },
  SWEEP_STALLED: {
    id: 'admin/marketplace-stock-gate.attention.code.SWEEP_STALLED',
    defaultMessage: 'A sweep has waited on a VTEX API for 10 minutes or more',
  },
  TICK_LATE: {
    id: 'admin/marketplace-stock-gate.attention.code.TICK_LATE',
    defaultMessage:
      'vtex.scheduler has not called for more than 30 minutes: scheduled sweeps are not starting',
  },
  WRITES_LATE: {
    id: 'admin/marketplace-stock-gate.attention.code.WRITES_LATE',
    defaultMessage:
      '{channel}: {count, plural, one {# product’s catalog write is} other {# products’ catalog writes are}} not done after 10 minutes',
  },
})

export default defineMessages({
  error: {
    id: 'admin/marketplace-stock-gate.attention.error',
    defaultMessage: 'What needs your attention could not be loaded.',
  },
  none: {
    id: 'admin/marketplace-stock-gate.attention.none',
    defaultMessage: 'Nothing needs your attention.',
  },
  title: {
    id: 'admin/marketplace-stock-gate.attention.title',
    defaultMessage: 'Needs your attention',
  },
})
