import React from 'react'
import { render } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'

import { SettingsPage } from '../admin/settings/components/SettingsPage'
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

export const renderSettings = (mocks: MockedResponse[]) =>
  render(<SettingsPage />, { graphql: { mocks, addTypename: true } })
