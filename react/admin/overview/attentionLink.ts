import { paths } from '../shared/paths'
import type { AttentionItem } from './types'

export interface AttentionLink {
  /** The admin path, for the link's href (new tab, middle-click). */
  href: string
  /** What navigate() takes; null: an anchor on this page. */
  to: string | null
  query?: string
}

/** Where an item's link goes: the page that shows it, with its filters (as the e-mail's link). */
export function attentionLink(item: AttentionItem): AttentionLink {
  switch (item.page) {
    case 'EXPOSURES': {
      const query = new URLSearchParams()

      if (item.channel) query.set('channel', item.channel)
      if (item.status) query.set('status', item.status)

      return {
        href: `${paths.exposures}?${query.toString()}`,
        to: paths.exposures,
        query: query.toString(),
      }
    }

    case 'PRODUCTS_TO_CHANGE':
      return { href: `#channel-${item.channel ?? ''}`, to: null }

    case 'CHANNEL_KEYS':
      return { href: `${paths.settings}#feed-keys-title`, to: paths.settings }

    default:
      return { href: paths.reconciliation, to: paths.reconciliation }
  }
}
