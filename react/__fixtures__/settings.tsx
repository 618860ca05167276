import React from 'react'
import { render } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'

import { SettingsPage } from '../admin/settings/components/SettingsPage'
import SETTINGS from '../admin/settings/graphql/settings.gql'
import { GGL, MKB } from '.'

export const channelSettings = (
  channel: string,
  partial: Record<string, unknown> = {}
) => ({
  __typename: 'ChannelSettings',
  cacheId: channel,
  channel,
  mode: 'OBSERVE',
  exposeAt: 1,
  withdrawBelow: 1,
  requirePrice: true,
  sellerAllow: [],
  sellerDeny: [],
  ...partial,
})

/** Saved settings: MKB as given, GGL with the defaults. */
export const settings = (mkb: Record<string, unknown> = {}) => ({
  __typename: 'Settings',
  cacheId: 'settings',
  retentionDays: 90,
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
    {
      channel: 'MKB',
      mode: 'OBSERVE',
      exposeAt: 1,
      withdrawBelow: 1,
      requirePrice: true,
      sellerAllow: [],
      sellerDeny: [],
      ...mkb,
    },
    {
      channel: 'GGL',
      mode: 'OBSERVE',
      exposeAt: 1,
      withdrawBelow: 1,
      requirePrice: true,
      sellerAllow: [],
      sellerDeny: [],
    },
  ],
})

export const renderSettings = (mocks: MockedResponse[]) =>
  render(<SettingsPage />, { graphql: { mocks, addTypename: true } })
