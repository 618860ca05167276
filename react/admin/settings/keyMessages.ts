import { defineMessages } from 'react-intl'

// The "Feed access keys" section of each channel in Settings.
export default defineMessages({
  title: {
    id: 'admin/marketplace-stock-gate.feed-keys.title',
    defaultMessage: 'Feed access keys',
  },
  listLabel: {
    id: 'admin/marketplace-stock-gate.feed-keys.list-label',
    defaultMessage: 'Feed access keys of {channel}',
  },
  help: {
    id: 'admin/marketplace-stock-gate.feed-keys.help',
    defaultMessage:
      'The channel reads its exposure changes from the feed with one of these keys. Creating or revoking a key applies at once, without "Review and save".',
  },
  count: {
    id: 'admin/marketplace-stock-gate.feed-keys.count',
    defaultMessage: '{active, number} of {max, number} active keys',
  },
  atLimit: {
    id: 'admin/marketplace-stock-gate.feed-keys.at-limit',
    defaultMessage: 'Revoke a key before creating another one.',
  },
  empty: {
    id: 'admin/marketplace-stock-gate.feed-keys.empty',
    defaultMessage: 'No key yet: the channel cannot read its feed.',
  },
  colId: {
    id: 'admin/marketplace-stock-gate.feed-keys.col-id',
    defaultMessage: 'Key',
  },
  colCreated: {
    id: 'admin/marketplace-stock-gate.feed-keys.col-created',
    defaultMessage: 'Created',
  },
  colRevoked: {
    id: 'admin/marketplace-stock-gate.feed-keys.col-revoked',
    defaultMessage: 'Revoked',
  },
  colState: {
    id: 'admin/marketplace-stock-gate.feed-keys.col-state',
    defaultMessage: 'State',
  },
  colActions: {
    id: 'admin/marketplace-stock-gate.feed-keys.col-actions',
    defaultMessage: 'Actions',
  },
  byWhom: {
    id: 'admin/marketplace-stock-gate.feed-keys.by-whom',
    defaultMessage: '{when} by {who}',
  },
  active: {
    id: 'admin/marketplace-stock-gate.feed-keys.active',
    defaultMessage: 'Active',
  },
  revoked: {
    id: 'admin/marketplace-stock-gate.feed-keys.revoked',
    defaultMessage: 'Revoked',
  },
  create: {
    id: 'admin/marketplace-stock-gate.feed-keys.create',
    defaultMessage: 'Create key',
  },
  revoke: {
    id: 'admin/marketplace-stock-gate.feed-keys.revoke',
    defaultMessage: 'Revoke',
  },
  revokeHidden: {
    id: 'admin/marketplace-stock-gate.feed-keys.revoke-hidden',
    defaultMessage: 'key {id} of {channel}',
  },
  createdTitle: {
    id: 'admin/marketplace-stock-gate.feed-keys.created-title',
    defaultMessage: 'New feed access key for {channel}',
  },
  createdWarning: {
    id: 'admin/marketplace-stock-gate.feed-keys.created-warning',
    defaultMessage:
      'Copy this key now and give it to the channel: you will not see it again. The app keeps only a hash of it. If it is lost, create another key and revoke this one.',
  },
  secretLabel: {
    id: 'admin/marketplace-stock-gate.feed-keys.secret-label',
    defaultMessage: 'Access key {id}',
  },
  copy: {
    id: 'admin/marketplace-stock-gate.feed-keys.copy',
    defaultMessage: 'Copy key',
  },
  copied: {
    id: 'admin/marketplace-stock-gate.feed-keys.copied',
    defaultMessage: 'Key copied to the clipboard.',
  },
  copyFailed: {
    id: 'admin/marketplace-stock-gate.feed-keys.copy-failed',
    defaultMessage:
      'The browser did not allow copying: the key is selected, copy it with Ctrl+C (⌘C).',
  },
  stored: {
    id: 'admin/marketplace-stock-gate.feed-keys.stored',
    defaultMessage: 'I have copied the key and stored it safely',
  },
  done: {
    id: 'admin/marketplace-stock-gate.feed-keys.done',
    defaultMessage: 'Close, I will not see it again',
  },
  createdToast: {
    id: 'admin/marketplace-stock-gate.feed-keys.created-toast',
    defaultMessage: 'Key {id} created',
  },
  revokeTitle: {
    id: 'admin/marketplace-stock-gate.feed-keys.revoke-title',
    defaultMessage: 'Revoke key {id} of {channel}?',
  },
  revokeBody: {
    id: 'admin/marketplace-stock-gate.feed-keys.revoke-body',
    defaultMessage:
      'The feed refuses this key from now on (401): a channel still using it stops receiving changes until it gets another key. A revoked key cannot be restored.',
  },
  revokeConfirm: {
    id: 'admin/marketplace-stock-gate.feed-keys.revoke-confirm',
    defaultMessage: 'Revoke key',
  },
  revokedToast: {
    id: 'admin/marketplace-stock-gate.feed-keys.revoked-toast',
    defaultMessage: 'Key {id} revoked',
  },
})
