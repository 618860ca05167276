import React from 'react'
import type { ReactNode } from 'react'
import { render } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'

import { SettingsPage } from '../admin/settings/components/SettingsPage'
import CHANNEL_KEYS from '../admin/settings/graphql/channelKeys.gql'
import SETTINGS from '../admin/settings/graphql/settings.gql'
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

/**
 * The settings page with `mocks`; each channel's keys section gets its `channelKeys` answer from
 * `keys` (no key by default), after any `channelKeys` mock given in `mocks`.
 */
export const renderSettings = (
  mocks: MockedResponse[],
  keys: Record<string, unknown[]> = {},
  options: { locale?: string; extra?: ReactNode } = {}
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
        ],
        addTypename: true,
      },
      locale: options.locale,
    }
  )
