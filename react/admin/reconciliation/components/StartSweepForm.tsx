import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { Button, Dropdown, Input } from 'vtex.styleguide'

import { SellerPicker } from '../../shared/components/SellerPicker'
import type { Channel, Seller } from '../../shared/types'
import messages from '../messages'
import { isFull, toScope } from '../scope'
import type { ScopeInput } from '../scope'
import type { ScopeForm } from '../types'

interface Props {
  channels: Channel[]
  /** Undefined while loading or after an error. */
  sellers: Seller[] | undefined
  /** The seller waits for the list; its id is typed only when the list failed. */
  sellersLoading: boolean
  busy: boolean
  disabled: boolean
  onStart: (scope: ScopeInput) => void
}

const EMPTY: ScopeForm = {
  channel: '',
  sellerId: '',
  skuIds: '',
  changedSince: '',
}

export function StartSweepForm({
  channels,
  sellers,
  sellersLoading,
  busy,
  disabled,
  onStart,
}: Props) {
  const intl = useIntl()
  const [form, setForm] = useState<ScopeForm>(EMPTY)
  const { scope, invalidSkus, invalidDate } = toScope(form)
  const set = (patch: Partial<ScopeForm>) => setForm({ ...form, ...patch })

  return (
    <section
      className="bg-base pa5 br2 ba b--muted-4 mb5"
      data-testid="start-sweep"
    >
      <h3 className="t-heading-5 mt0">
        {intl.formatMessage(messages.startTitle)}
      </h3>
      <p className="c-muted-1 t-small mt0">
        {intl.formatMessage(messages.scopeHint)}
      </p>
      <div className="flex flex-wrap nl2 nr2">
        <div className="w-25-l w-50 ph2 mb4">
          <Dropdown
            label={intl.formatMessage(messages.scopeChannel)}
            value={form.channel}
            options={[
              { value: '', label: intl.formatMessage(messages.allChannels) },
              ...channels.map((c) => ({
                value: c.id,
                label: `${c.name ?? c.id} (${c.id})`,
              })),
            ]}
            onChange={(_: unknown, value: string) => set({ channel: value })}
          />
        </div>
        <div className="w-25-l w-50 ph2 mb4">
          <SellerPicker
            sellers={sellers}
            loading={sellersLoading}
            value={form.sellerId.trim()}
            onChange={(sellerId) => set({ sellerId })}
            testId="scope-seller-picker"
            fallback={
              <Input
                label={intl.formatMessage(messages.scopeSeller)}
                value={form.sellerId}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  set({ sellerId: e.target.value })
                }
              />
            }
          />
        </div>
        <div className="w-25-l w-50 ph2 mb4">
          <Input
            label={intl.formatMessage(messages.scopeSkus)}
            value={form.skuIds}
            errorMessage={
              invalidSkus ? intl.formatMessage(messages.invalidSkus) : undefined
            }
            onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
              set({ skuIds: e.target.value })
            }
          />
        </div>
        <div className="w-25-l w-50 ph2 mb4">
          <Input
            type="datetime-local"
            label={intl.formatMessage(messages.scopeChangedSince)}
            value={form.changedSince}
            errorMessage={
              invalidDate ? intl.formatMessage(messages.invalidDate) : undefined
            }
            onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
              set({ changedSince: e.target.value })
            }
          />
        </div>
      </div>
      <Button
        isLoading={busy}
        disabled={disabled || !scope}
        onClick={() => scope && onStart(scope)}
        testId="start-sweep-button"
      >
        {intl.formatMessage(
          scope && !isFull(scope) ? messages.startPartial : messages.startFull
        )}
      </Button>
    </section>
  )
}
