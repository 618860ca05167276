import React from 'react'
import { useIntl } from 'react-intl'
import { Dropdown } from 'vtex.styleguide'

import { commonMessages } from '../messages'

export interface FilterOption<T extends string> {
  value: T
  label: string
}

interface Props<T extends string> {
  label: string
  value: T | null | undefined
  options: Array<FilterOption<T>>
  /** Undefined: "All", the filter off. */
  onChange: (value: T | undefined) => void
  testId: string
  disabled?: boolean
  /** The cell's width classes in the filter row. */
  className?: string
}

/** One filter of a filter row: a label, "All" first, then the choices. */
export function FilterSelect<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
  disabled,
  className = 'w-25-l w-50 ph2 mb3',
}: Props<T>) {
  const intl = useIntl()

  return (
    <div className={className}>
      <Dropdown
        label={label}
        size="small"
        disabled={disabled}
        value={value ?? ''}
        options={[
          { value: '', label: intl.formatMessage(commonMessages.all) },
          ...options,
        ]}
        onChange={(_: unknown, chosen: string) =>
          onChange((chosen || undefined) as T | undefined)
        }
        testId={testId}
      />
    </div>
  )
}

/** The channels as a filter's choices, by name and id. */
export const channelOptions = (
  channels: Array<{ id: string; name?: string | null }>
): Array<FilterOption<string>> =>
  channels.map((c) => ({ value: c.id, label: `${c.name ?? c.id} (${c.id})` }))
