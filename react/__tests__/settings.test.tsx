import { flushPromises, act } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'
import { fireEvent, wait } from '@testing-library/react'
import { GraphQLError } from 'graphql'

import { setRuntime } from '../__fixtures__/runtime'
import SAVE_SETTINGS from '../admin/settings/graphql/saveSettings.gql'
import SETTINGS from '../admin/settings/graphql/settings.gql'
import SETTINGS_PREVIEW from '../admin/settings/graphql/settingsPreview.gql'
import { validateChannel } from '../admin/settings/validate'
import { sellersMock } from '../__fixtures__'
import {
  renderSettings,
  settings,
  settingsInput,
  settingsQuery,
} from '../__fixtures__/settings'

const query = settingsQuery()

// The page also asks for the marketplace's sellers, for its seller lists.
const renderPage = (mocks: MockedResponse[]) =>
  renderSettings([sellersMock, ...mocks])

describe('given the settings rules', () => {
  const base = {
    channel: 'MKB',
    mode: 'OBSERVE' as const,
    exposeAt: '5',
    withdrawBelow: '2',
    requirePrice: true,
    sellerAllow: '',
    sellerDeny: '',
  }

  it.each([
    [{ exposeAt: '-1' }, 'exposeAt', 'NEGATIVE_THRESHOLD'],
    [{ exposeAt: '1.5' }, 'exposeAt', 'THRESHOLD_NOT_INTEGER'],
    [{ exposeAt: 'abc' }, 'exposeAt', 'THRESHOLD_NOT_INTEGER'],
    [{ exposeAt: '0' }, 'exposeAt', 'THRESHOLD_BELOW_ONE'],
    [{ withdrawBelow: '6' }, 'withdrawBelow', 'WITHDRAW_ABOVE_EXPOSE'],
    [{ sellerAllow: 'sellera, bad id!' }, 'sellerAllow', 'INVALID_SELLER_ID'],
    [
      { sellerAllow: 'sellera', sellerDeny: 'sellerb sellera' },
      'sellerDeny',
      'SELLER_IN_BOTH_LISTS',
    ],
  ])('should flag %j on %s as %s', (patch, field, code) => {
    expect(
      validateChannel({ ...base, ...patch })[field as 'exposeAt']?.code
    ).toBe(code)
  })

  it('should accept a valid channel', () => {
    expect(
      validateChannel({
        ...base,
        sellerAllow: 'sellera',
        sellerDeny: 'sellerb',
      })
    ).toEqual({})
  })
})

describe('given the settings page', () => {
  beforeEach(() => setRuntime({}))

  it('should show the loader while loading', () => {
    expect(renderPage([query]).getByTestId('page-loading')).toBeInTheDocument()
  })

  it('should show the mapped error when loading fails', async () => {
    const { findByTestId } = renderPage([
      {
        request: { query: SETTINGS },
        result: { errors: [new GraphQLError('UNAUTHENTICATED')] },
      },
    ])

    expect(await findByTestId('page-error')).toHaveTextContent(
      'Your session has expired'
    )
  })

  it('should show the empty state without channels', async () => {
    const { findByTestId } = renderPage([
      {
        request: { query: SETTINGS },
        result: {
          data: { settings: { ...settings(), channels: [] }, channels: [] },
        },
      },
    ])

    expect(await findByTestId('page-empty')).toBeInTheDocument()
  })

  describe('when the operator types an invalid threshold', () => {
    it('should explain it at once and not allow saving', async () => {
      const { findByTestId, getByTestId, findByText } = renderPage([query])

      const withdraw = (await findByTestId('settings-MKB')).querySelector(
        '[data-testid="withdrawBelow-MKB"]'
      ) as HTMLInputElement

      fireEvent.change(withdraw, { target: { value: '7' } })
      expect(
        await findByText('Must not be above "Expose at".')
      ).toBeInTheDocument()
      expect(getByTestId('settings-review')).toBeDisabled()
    })
  })

  describe('when the operator switches MKB to ENFORCE and saves', () => {
    it('should preview, say what will be written, then save and toast', async () => {
      const enforce = settingsInput({ mode: 'ENFORCE' })
      const save = jest.fn(() => ({
        data: { saveSettings: settings({ mode: 'ENFORCE' }) },
      }))

      const {
        findByTestId,
        getByLabelText,
        getByTestId,
        findByText,
        getByText,
      } = renderPage([
        query,
        {
          request: { query: SETTINGS_PREVIEW, variables: { input: enforce } },
          result: {
            data: {
              settingsPreview: [
                {
                  __typename: 'SettingsPreview',
                  channel: 'MKB',
                  toExposed: 0,
                  toWithheld: 0,
                  associate: 12,
                  dissociate: 3,
                },
                {
                  __typename: 'SettingsPreview',
                  channel: 'GGL',
                  toExposed: 0,
                  toWithheld: 0,
                  associate: 0,
                  dissociate: 0,
                },
              ],
            },
          },
        },
        {
          request: { query: SAVE_SETTINGS, variables: { input: enforce } },
          result: save,
        },
      ])

      await findByTestId('settings-MKB')
      const radios = getByTestId('settings-MKB').querySelectorAll(
        'input[type="radio"]'
      )

      fireEvent.click(radios[1])
      expect(
        getByLabelText(/Enforce: put products/, { selector: '#mode-MKB-1' })
      ).toBeChecked()
      fireEvent.click(getByTestId('settings-review'))

      expect(await findByTestId('enforce-warning-MKB')).toHaveTextContent(
        'associating 12 and dissociating 3 products on trade policy 2'
      )
      await act(async () => {
        fireEvent.click(getByText('Save and enforce'))
        await flushPromises()
      })
      expect(await findByText('Settings saved')).toBeInTheDocument()
      await wait(() => expect(save).toHaveBeenCalled())
    })
  })
})
