import { defineMessages } from 'react-intl'

export default defineMessages({
  help: {
    id: 'admin/marketplace-stock-gate.alert-emails.help',
    defaultMessage:
      'What needs attention on the overview is also sent to these addresses by VTEX’s mail service, at most once a day for each condition. One address per line; none sends nothing.',
  },
  invalid: {
    id: 'admin/marketplace-stock-gate.alert-emails.invalid',
    defaultMessage: '{value} is not an e-mail address.',
  },
  label: {
    id: 'admin/marketplace-stock-gate.alert-emails.label',
    defaultMessage: 'Send alerts to',
  },
  loadError: {
    id: 'admin/marketplace-stock-gate.alert-emails.load-error',
    defaultMessage: 'The alert addresses could not be loaded.',
  },
  save: {
    id: 'admin/marketplace-stock-gate.alert-emails.save',
    defaultMessage: 'Save addresses',
  },
  saved: {
    id: 'admin/marketplace-stock-gate.alert-emails.saved',
    defaultMessage: 'Alert addresses saved.',
  },
  title: {
    id: 'admin/marketplace-stock-gate.alert-emails.title',
    defaultMessage: 'Alerts by e-mail',
  },
  tooMany: {
    id: 'admin/marketplace-stock-gate.alert-emails.too-many',
    defaultMessage: 'At most {max} addresses.',
  },
})
