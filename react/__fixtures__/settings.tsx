import React from 'react'
import type { ReactNode } from 'react'
import { render } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'

import { SettingsPage } from '../admin/settings/components/SettingsPage'
import CHANNEL_KEYS from '../admin/settings/graphql/channelKeys.gql'
import SETTINGS from '../admin/settings/graphql/settings.gql'
import STOCK_BUFFERS from '../admin/settings/graphql/stockBuffers.gql'
import { GGL, MKB } from '.'

/** A channel's settings as the app's defaults have them. */
const DEFAULTS = {
  mode: 'OBSERVE',
  exposeAt: 1,
  withdrawBelow: 1,
  requirePrice: true,
  sellerAllow: [],
  sellerDeny: [],
}

export const channelSettings = (
  channel: string,
  partial: Record<string, unknown> = {}
) => ({
  __typename: 'ChannelSettings',
  cacheId: channel,
  channel,
  ...DEFAULTS,
  ...partial,
})

/** Saved settings: MKB as given, GGL with the defaults. */
export const settings = (mkb: Record<string, unknown> = {}) => ({
  __typename: 'Settings',
  cacheId: 'settings',
  retentionDays: 90,
  workspace: 'master',
  workspaceCatalogWrites: false,
  catalogWritesBlocked: false,
  channels: [channelSettings('MKB', mkb), channelSettings('GGL')],
  // On saveSettings' answer only (the settings query ignores it).
  applyJobId: null,
})

/** The settings page's query, answered with `settings(mkb)` and the channels MKB and GGL. */
export const settingsQuery = (mkb: Record<string, unknown> = {}) => ({
  request: { query: SETTINGS },
  result: { data: { settings: settings(mkb), channels: [MKB, GGL] } },
})

/** The `saveSettings` / `settingsPreview` input for MKB as given and GGL unchanged. */
export const settingsInput = (mkb: Record<string, unknown>) => ({
  retentionDays: 90,
  channels: [
    { channel: 'MKB', ...DEFAULTS, ...mkb },
    { channel: 'GGL', ...DEFAULTS },
  ],
})

/** A feed access key as `channelKeys` lists it (active unless `revokedAt` is given). */
export const channelKey = (
  id: string,
  partial: Record<string, unknown> = {}
) => ({
  __typename: 'ChannelKey',
  cacheId: `${partial.channel ?? 'MKB'}-${id}`,
  id,
  channel: 'MKB',
  createdAt: '2026-11-20T10:00:00.000Z',
  createdBy: 'ops@marketplacea.com',
  revokedAt: null,
  revokedBy: null,
  ...partial,
})

/** The `channelKeys` query of one channel, answered with `keys`. */
export const channelKeysQuery = (channel: string, keys: unknown[] = []) => ({
  request: { query: CHANNEL_KEYS, variables: { channel } },
  result: { data: { channelKeys: keys } },
})

/** A stock buffer as `stockBuffers` lists it: product 12's on MKB unless `partial` says otherwise. */
export const stockBuffer = (partial: Record<string, unknown> = {}) => {
  const b = {
    scope: 'PRODUCT',
    targetId: '12',
    channel: 'MKB',
    exposeAt: 3,
    withdrawBelow: 2,
    note: 'MKB sells faster than we restock',
    by: 'ops@marketplacea.com',
    at: '2026-11-20T10:00:00.000Z',
    ...partial,
  }

  const id = `${b.scope}-${b.targetId}-${b.channel ?? 'ALL'}`

  return { __typename: 'StockBuffer', cacheId: `buffer-${id}`, id, ...b }
}

/** The `stockBuffers` query, answered with `buffers`. */
export const stockBuffersQuery = (buffers: unknown[] = []) => ({
  request: { query: STOCK_BUFFERS },
  result: { data: { stockBuffers: buffers } },
})

/**
 * The settings page with `mocks`; each channel's keys section gets its `channelKeys` answer from
 * `keys` (no key by default), after any `channelKeys` mock given in `mocks`.
 */
export const renderSettings = (
  mocks: MockedResponse[],
  keys: Record<string, unknown[]> = {},
  options: { locale?: string; extra?: ReactNode; buffers?: unknown[] } = {}
) =>
  render(
    <>
      <SettingsPage />
      {options.extra}
    </>,
    {
      graphql: {
        mocks: [
          ...mocks,
          channelKeysQuery('MKB', keys.MKB),
          channelKeysQuery('GGL', keys.GGL),
          // After any stockBuffers mock given in `mocks`: none by default.
          stockBuffersQuery(options.buffers),
        ],
        addTypename: true,
      },
      locale: options.locale,
    }
  )
