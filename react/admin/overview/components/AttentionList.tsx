import React from 'react'
import type { MouseEvent } from 'react'
import { useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'
import { useRuntime } from 'vtex.render-runtime'

import ATTENTION from '../graphql/attention.gql'
import messages, { attentionCodeMessages } from '../attentionMessages'
import { attentionLink } from '../attentionLink'
import type { AttentionItem } from '../types'

/**
 * What the operator must act on, first on the overview: each condition is a link to the page
 * that shows it (its sentence is the link's name, so every link's name is its own). Its own
 * query: a failure here does not hide the counts below.
 */
export function AttentionList() {
  const intl = useIntl()
  const { navigate } = useRuntime()
  const { data, loading, error } = useQuery<{ attention: AttentionItem[] }>(
    ATTENTION,
    { fetchPolicy: 'cache-and-network' }
  )

  if (loading && !data) return null
  const items = data?.attention ?? []

  if (error && !data)
    return (
      <p className="mt0 mb5 t-small c-muted-1" data-testid="attention-error">
        {intl.formatMessage(messages.error)}
      </p>
    )

  if (items.length === 0)
    return (
      <p className="mt0 mb5 t-small c-muted-1" data-testid="attention-none">
        {intl.formatMessage(messages.none)}
      </p>
    )

  const open = (item: AttentionItem) => (event: MouseEvent) => {
    const link = attentionLink(item)

    // A modified click opens a new tab or window, as a link does; an anchor stays a link.
    if (!link.to || event.metaKey || event.ctrlKey || event.shiftKey) return
    event.preventDefault()
    navigate({ to: link.to, ...(link.query ? { query: link.query } : {}) })
  }

  return (
    <section
      className="mb5 pa4 br2 ba b--warning bg-warning--faded"
      aria-labelledby="attention-title"
      data-testid="attention"
    >
      <h2 id="attention-title" className="t-heading-5 mt0 mb3">
        {intl.formatMessage(messages.title)}
      </h2>
      <ul className="ma0 pl4">
        {items.map((item) => (
          <li
            key={item.cacheId}
            className="mb2"
            data-testid={`attention-${item.code}-${item.channel ?? 'all'}`}
          >
            <a
              href={attentionLink(item).href}
              onClick={open(item)}
              className="link c-link hover-c-link-hover underline"
            >
              {intl.formatMessage(attentionCodeMessages[item.code], {
                channel: item.channel ?? '',
                count: item.count,
              })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
