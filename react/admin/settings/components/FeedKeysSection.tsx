import React from 'react'
import { useIntl } from 'react-intl'

import messages from '../keyMessages'
import { ChannelKeys } from './ChannelKeys'

interface Props {
  /** Each channel's id and "Name (ID)". */
  channels: Array<{ id: string; label: string }>
}

/**
 * Every channel's feed access keys, below the settings form and its save: a key is created or
 * revoked at once, never as part of "Review and save".
 */
export function FeedKeysSection({ channels }: Props) {
  const intl = useIntl()

  return (
    <section className="mt7" aria-labelledby="feed-keys-title">
      <h2 id="feed-keys-title" className="t-heading-4 mb3">
        {intl.formatMessage(messages.title)}
      </h2>
      <p className="t-small c-muted-1 mt0 mb5">
        {intl.formatMessage(messages.help)}
      </p>
      <div className="flex flex-wrap nl3 nr3">
        {channels.map((c) => (
          <div key={c.id} className="w-100 w-50-l ph3 mb5">
            <ChannelKeys channel={c.id} channelLabel={c.label} />
          </div>
        ))}
      </div>
    </section>
  )
}
