import { defineMessages } from 'react-intl'

export default defineMessages({
  title: {
    id: 'admin/marketplace-stock-gate.override.title',
    defaultMessage: 'Allow or block on {channels}',
  },
  action: {
    id: 'admin/marketplace-stock-gate.override.action',
    defaultMessage: 'Decision',
  },
  allow: {
    id: 'admin/marketplace-stock-gate.override.allow',
    defaultMessage: 'Allow: expose whatever the rules say',
  },
  block: {
    id: 'admin/marketplace-stock-gate.override.block',
    defaultMessage: 'Block: never expose',
  },
  note: {
    id: 'admin/marketplace-stock-gate.override.note',
    defaultMessage: 'Note (why)',
  },
  noteHelp: {
    id: 'admin/marketplace-stock-gate.override.note-help',
    defaultMessage: 'Kept in the audit trail. {count, number}/500 characters.',
  },
  expiresAt: {
    id: 'admin/marketplace-stock-gate.override.expires-at',
    defaultMessage: 'Expires (optional)',
  },
  expiresHelp: {
    id: 'admin/marketplace-stock-gate.override.expires-help',
    defaultMessage: 'Empty: the override stays until it is cleared.',
  },
  submit: {
    id: 'admin/marketplace-stock-gate.override.submit',
    defaultMessage: 'Save override',
  },
})
