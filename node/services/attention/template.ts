// The app's Message Center template: created once if missing (alerts.ts ensureTemplate). The
// e-mail gets codes, counts and the admin path (alerts.ts); the words are the template's, which
// the operator may edit in Message Center like any other template.
import type { MailTemplate } from '../../clients/mail'

export const ALERT_TEMPLATE = 'marketplace-stock-gate-attention'

const LINES: Array<[string, string]> = [
  [
    'SWEEP_STALLED',
    'A sweep has been waiting on a VTEX API for more than 10 minutes.',
  ],
  ['SWEEP_FAILING', 'Sweeps or the scheduler&rsquo;s calls are failing.'],
  ['TICK_LATE', 'vtex.scheduler has not called for more than 30 minutes.'],
  ['SKUS_IN_ERROR', '{{count}} SKUs are in ERROR on {{channel}}.'],
  [
    'WRITES_LATE',
    '{{count}} products&rsquo; catalog writes on {{channel}} are not done after 10 minutes.',
  ],
  [
    'SHARE_DROP',
    'The exposed share of {{channel}} fell by {{count}} points since yesterday.',
  ],
  ['KEY_NEVER_USED', 'A feed key of {{channel}} was never used.'],
]

export function alertTemplate(): MailTemplate {
  const body = LINES.map(
    ([code, line]) => `{{#eq code "${code}"}}<p>${line}</p>{{/eq}}`
  ).join('')

  return {
    Name: ALERT_TEMPLATE,
    FriendlyName: 'Marketplace Stock Gate: needs attention',
    Description:
      'Sent by Marketplace Stock Gate at most once a day per condition',
    IsDefaultTemplate: false,
    IsPersisted: true,
    IsRemoved: false,
    Type: '',
    Templates: {
      email: {
        To: '{{to}}',
        Subject:
          'Stock Gate ({{account}}/{{workspace}}) needs attention: {{code}}',
        Message: `<html><body>${body}<p><a href="https://{{account}}.myvtex.com{{link}}">Open it in VTEX Admin</a></p></body></html>`,
        Type: 'E',
        ProviderId: '00000000-0000-0000-0000-000000000000',
        IsActive: true,
        withError: false,
      },
    },
  }
}
