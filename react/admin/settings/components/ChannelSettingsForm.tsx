import React from 'react'
import { useIntl } from 'react-intl'
import { Card, Input, RadioGroup, Textarea, Toggle } from 'vtex.styleguide'

import { SellerListPicker } from '../../shared/components/SellerListPicker'
import type { Channel, ChannelMode, Seller } from '../../shared/types'
import { useSettingsErrorText } from '../hooks/useSettingsErrorText'
import messages from '../messages'
import type { ChannelDraft } from '../types'
import { formatSellers, parseSellers } from '../validate'
import type { ChannelErrors, ChannelField } from '../validate'

interface Props {
  draft: ChannelDraft
  channel?: Channel
  errors: ChannelErrors
  /** Undefined while loading or after an error. */
  sellers: Seller[] | undefined
  /** While the sellers load, the lists show their ids and adding waits; ids are typed only when that failed. */
  sellersLoading: boolean
  onChange: (patch: Partial<ChannelDraft>) => void
}

export function ChannelSettingsForm({
  draft,
  channel,
  errors,
  sellers,
  sellersLoading,
  onChange,
}: Props) {
  const intl = useIntl()
  const { ruleText } = useSettingsErrorText(sellers)
  const error = (field: ChannelField) => {
    const e = errors[field]

    return e && ruleText(e.code, e.value ? [e.value] : [])
  }

  const id = draft.channel
  const allow = parseSellers(draft.sellerAllow)
  const deny = parseSellers(draft.sellerDeny)

  /** One seller list: picked from the marketplace's sellers, typed when that list failed. */
  const sellerList = (
    field: 'sellerAllow' | 'sellerDeny',
    help: { picker?: string; typed?: string } = {}
  ) => {
    // The channel's other list: its sellers are not offered in this one.
    const [chosen, other] =
      field === 'sellerAllow' ? [allow, deny] : [deny, allow]

    const label = intl.formatMessage(messages[field])
    const set = (value: string) =>
      onChange(
        field === 'sellerAllow' ? { sellerAllow: value } : { sellerDeny: value }
      )

    return (
      <div className="w-50 ph2 mb3">
        <SellerListPicker
          label={label}
          sellers={sellers}
          loading={sellersLoading}
          value={chosen}
          exclude={other}
          onChange={(ids) => set(formatSellers(ids))}
          helpText={help.picker}
          errorMessage={error(field)}
          testId={`${field}-${id}-picker`}
          fallback={
            <Textarea
              label={label}
              value={draft[field]}
              rows={2}
              helpText={help.typed}
              errorMessage={error(field)}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
                set(e.target.value)
              }
              dataAttributes={{ testid: `${field}-${id}` }}
            />
          }
        />
      </div>
    )
  }

  return (
    <div data-testid={`settings-${id}`}>
      <Card>
        <h3 className="t-heading-5 mt0">
          {intl.formatMessage(messages.channelTitle, {
            name: channel?.name ?? id,
            id,
            salesChannel: channel?.salesChannel ?? '—',
          })}
        </h3>
        <div className="mb5">
          <RadioGroup
            name={`mode-${id}`}
            label={intl.formatMessage(messages.mode)}
            value={draft.mode}
            options={(['OBSERVE', 'ENFORCE'] as ChannelMode[]).map((mode) => ({
              value: mode,
              label: intl.formatMessage(
                mode === 'OBSERVE'
                  ? messages.modeObserveHelp
                  : messages.modeEnforceHelp
              ),
            }))}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
              onChange({ mode: e.currentTarget.value as ChannelMode })
            }
          />
        </div>
        <div className="flex flex-wrap nl2 nr2">
          <div className="w-50 ph2 mb5">
            <Input
              label={intl.formatMessage(messages.exposeAt)}
              value={draft.exposeAt}
              inputMode="numeric"
              helpText={intl.formatMessage(messages.exposeAtHelp)}
              errorMessage={error('exposeAt')}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                onChange({ exposeAt: e.target.value })
              }
              dataAttributes={{ testid: `exposeAt-${id}` }}
            />
          </div>
          <div className="w-50 ph2 mb5">
            <Input
              label={intl.formatMessage(messages.withdrawBelow)}
              value={draft.withdrawBelow}
              inputMode="numeric"
              helpText={intl.formatMessage(messages.withdrawBelowHelp)}
              errorMessage={error('withdrawBelow')}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                onChange({ withdrawBelow: e.target.value })
              }
              dataAttributes={{ testid: `withdrawBelow-${id}` }}
            />
          </div>
        </div>
        <div className="mb5">
          <Toggle
            id={`requirePrice-${id}`}
            label={intl.formatMessage(messages.requirePrice)}
            checked={draft.requirePrice}
            onChange={() => onChange({ requirePrice: !draft.requirePrice })}
          />
        </div>
        <div className="flex flex-wrap nl2 nr2">
          {sellerList('sellerAllow', {
            picker: intl.formatMessage(messages.sellerAllowHelp),
            typed: intl.formatMessage(messages.sellersHelp),
          })}
          {sellerList('sellerDeny')}
        </div>
      </Card>
    </div>
  )
}
