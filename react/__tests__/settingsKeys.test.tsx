import React from 'react'
import { act, flushPromises } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'
import { configure, fireEvent, wait, within } from '@testing-library/react'
import { GraphQLError } from 'graphql'
import { useApolloClient } from 'react-apollo'
import type { ApolloClient } from 'apollo-client'

import { setRuntime } from '../__fixtures__/runtime'
import { sellersMock } from '../__fixtures__'
import {
  channelKey,
  channelKeysQuery,
  renderSettings,
  settingsQuery,
} from '../__fixtures__/settings'
import CREATE_CHANNEL_KEY from '../admin/settings/graphql/createChannelKey.gql'
import REVOKE_CHANNEL_KEY from '../admin/settings/graphql/revokeChannelKey.gql'

// The page loads three queries before a channel's keys; on a busy machine that can pass 1 s.
configure({ asyncUtilTimeout: 5000 })

const SECRET = 'sgk.MKB.c0ffee00.s3cr3t-only-shown-once'

const createMock = (result: MockedResponse['result']) => ({
  request: { query: CREATE_CHANNEL_KEY, variables: { channel: 'MKB' } },
  result,
})

const created = {
  data: {
    createChannelKey: {
      __typename: 'CreatedChannelKey',
      key: channelKey('c0ffee00', { createdAt: '2026-12-01T09:00:00.000Z' }),
      secret: SECRET,
    },
  },
}

const revokeMock = (id: string, result: MockedResponse['result']) => ({
  request: { query: REVOKE_CHANNEL_KEY, variables: { channel: 'MKB', id } },
  result,
})

const active = channelKey('a1a1a1a1')
const revoked = channelKey('b2b2b2b2', {
  createdAt: '2026-11-01T10:00:00.000Z',
  revokedAt: '2026-11-10T10:00:00.000Z',
  revokedBy: 'lead@marketplacea.com',
})

// Holds the page's Apollo client, to look into its cache.
let client: ApolloClient<unknown> | null = null

function ClientProbe() {
  client = useApolloClient() as ApolloClient<unknown>

  return null
}

/** The create button, once the channel's keys have loaded (it waits, disabled, until then). */
const createButton = async (page: {
  findByTestId: (id: string) => Promise<HTMLElement>
}) => {
  await page.findByTestId('keys-count-MKB')

  return page.findByTestId('create-key-MKB')
}

const renderPage = (
  mocks: MockedResponse[],
  keys: Record<string, unknown[]> = {},
  locale?: string
) =>
  renderSettings([sellersMock, settingsQuery(), ...mocks], keys, {
    locale,
    extra: <ClientProbe />,
  })

describe('given the feed access keys in Settings', () => {
  beforeEach(() => {
    setRuntime({})
    client = null
  })

  describe('when MKB has an active and a revoked key', () => {
    it('should list both with who and when, and offer Revoke on the active one only', async () => {
      const { findByTestId, getByTestId, getByRole, queryByTestId } =
        renderPage([], { MKB: [revoked, active] })

      const table = await findByTestId('keys-MKB')

      expect(
        getByRole('table', { name: 'Feed access keys of Marketplace B (MKB)' })
      ).toBe(table)
      const rows = table.querySelectorAll('tbody tr')

      // Active first.
      expect(rows[0]).toHaveTextContent('a1a1a1a1')
      expect(rows[0]).toHaveTextContent('by ops@marketplacea.com')
      expect(getByTestId('key-state-a1a1a1a1')).toHaveTextContent('Active')
      expect(rows[1]).toHaveTextContent('b2b2b2b2')
      expect(rows[1]).toHaveTextContent('by lead@marketplacea.com')
      expect(getByTestId('key-state-b2b2b2b2')).toHaveTextContent('Revoked')
      expect(
        getByRole('button', { name: 'Revoke key a1a1a1a1 of MKB' })
      ).toBeInTheDocument()
      expect(queryByTestId('revoke-MKB-b2b2b2b2')).toBeNull()
      expect(getByTestId('keys-count-MKB')).toHaveTextContent(
        '1 of 20 active keys'
      )
    })
  })

  describe('when GGL has no key', () => {
    it('should say the channel cannot read its feed', async () => {
      const { findByTestId } = renderPage([])

      expect(await findByTestId('keys-empty-GGL')).toHaveTextContent(
        'No key yet: the channel cannot read its feed.'
      )
    })
  })

  describe('when the keys of MKB cannot be read', () => {
    it('should say why, offer to try again, and not offer to create a key', async () => {
      const { findByTestId, getByTestId, getByText } = renderPage(
        [
          {
            request: channelKeysQuery('MKB').request,
            result: { errors: [new GraphQLError('FORBIDDEN')] },
          },
          channelKeysQuery('MKB', [active]),
        ],
        {}
      )

      const error = await findByTestId('keys-error-MKB')

      expect(error).toHaveAttribute('role', 'alert')
      expect(error).toHaveTextContent('You do not have permission for this.')
      expect(getByTestId('create-key-MKB')).toBeDisabled()
      fireEvent.click(getByText('Try again'))
      expect(await findByTestId('key-MKB-a1a1a1a1')).toBeInTheDocument()
      expect(getByTestId('create-key-MKB')).toBeEnabled()
    })
  })

  describe('when the channel already has 20 active keys', () => {
    it('should not offer to create another and say why', async () => {
      const twenty = Array.from({ length: 20 }, (_, i) =>
        channelKey(`0000000${i}`.slice(-8))
      )

      const { findByTestId, getByTestId } = renderPage([], { MKB: twenty })

      await findByTestId('keys-MKB')
      expect(getByTestId('create-key-MKB')).toBeDisabled()
      expect(getByTestId('keys-count-MKB')).toHaveTextContent(
        '20 of 20 active keys Revoke a key before creating another one.'
      )
    })
  })

  describe('when the operator creates a key', () => {
    it('should show the secret once, close only once stored, and keep it nowhere after', async () => {
      const page = renderPage([createMock(created)], { MKB: [active] })
      const { findByTestId, getByTestId, getByLabelText, queryByDisplayValue } =
        page

      const create = await createButton(page)

      create.focus()
      await act(async () => {
        fireEvent.click(create)
        await flushPromises()
      })

      const modal = await findByTestId('created-key-modal')
      const secret = getByLabelText('Access key c0ffee00') as HTMLInputElement

      expect(secret.value).toBe(SECRET)
      expect(secret).toHaveAttribute('readonly')
      expect(document.activeElement).toBe(secret)
      expect(getByTestId('created-key-warning')).toHaveTextContent(
        'you will not see it again'
      )
      // Not in Apollo's cache, even while it is on screen.
      expect(JSON.stringify(client?.cache.extract())).not.toContain('s3cr3t')
      // The list already shows the key (not its secret).
      expect(getByTestId('key-MKB-c0ffee00')).toHaveTextContent('c0ffee00')
      expect(getByTestId('keys-count-MKB')).toHaveTextContent(
        '2 of 20 active keys'
      )

      // Esc does not close it; "Close" waits for the operator to say the key is stored.
      fireEvent.keyDown(document, { key: 'Escape', keyCode: 27 })
      expect(modal).toBeInTheDocument()
      const done = getByTestId('created-key-done')

      expect(done).toBeDisabled()
      fireEvent.click(
        getByLabelText('I have copied the key and stored it safely')
      )
      expect(done).toBeEnabled()
      fireEvent.click(done)

      await wait(() => expect(queryByDisplayValue(SECRET)).toBeNull())
      expect(document.body.innerHTML).not.toContain('s3cr3t')
      expect(JSON.stringify(client?.cache.extract())).not.toContain('s3cr3t')
      await wait(() => expect(document.activeElement).toBe(create))
    })

    it('should copy the key to the clipboard', async () => {
      const writeText = jest.fn(() => Promise.resolve())

      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText },
      })
      const page = renderPage([createMock(created)])
      const { findByTestId, getByText } = page

      await act(async () => {
        fireEvent.click(await createButton(page))
        await flushPromises()
      })
      await act(async () => {
        fireEvent.click(getByText('Copy key'))
        await flushPromises()
      })
      expect(writeText).toHaveBeenCalledWith(SECRET)
      expect(await findByTestId('created-key-copy-status')).toHaveTextContent(
        'Key copied to the clipboard.'
      )
      delete (navigator as { clipboard?: unknown }).clipboard
    })

    it.each([
      ['TOO_MANY_KEYS', 'en', 'This channel already has 20 active keys'],
      ['TOO_MANY_KEYS', 'pt', 'Este canal já tem 20 chaves ativas'],
      ['TOO_MANY_KEYS', 'es', 'Este canal ya tiene 20 claves activas'],
      ['ONE_PER_REQUEST', 'en', 'Create one key at a time.'],
      ['ONE_PER_REQUEST', 'pt', 'Crie uma chave por vez.'],
      ['ONE_PER_REQUEST', 'es', 'Cree una clave a la vez.'],
    ])(
      'should explain %s in %s and show no secret',
      async (code, locale, text) => {
        const page = renderPage(
          [createMock({ errors: [new GraphQLError(code)] })],
          {},
          locale
        )

        const { findByTestId, queryByTestId } = page

        await act(async () => {
          fireEvent.click(await createButton(page))
          await flushPromises()
        })
        const error = await findByTestId('create-key-error-MKB')

        expect(error).toHaveAttribute('role', 'alert')
        expect(error).toHaveTextContent(text)
        expect(queryByTestId('created-key-modal')).toBeNull()
      }
    )
  })

  describe('when the operator revokes the active key', () => {
    it('should confirm first, then list it revoked', async () => {
      const revokeAnswer = jest.fn(() => ({
        data: {
          revokeChannelKey: {
            ...active,
            revokedAt: '2026-12-01T10:00:00.000Z',
            revokedBy: 'ops@marketplacea.com',
          },
        },
      }))

      const {
        findByTestId,
        getByTestId,
        getByText,
        queryByTestId,
        findByText,
      } = renderPage([revokeMock('a1a1a1a1', revokeAnswer)], { MKB: [active] })

      const revokeButton = await findByTestId('revoke-MKB-a1a1a1a1')

      revokeButton.focus()
      fireEvent.click(revokeButton)
      const modal = await findByTestId('revoke-key-modal')

      expect(modal).toHaveTextContent(
        'Revoke key a1a1a1a1 of Marketplace B (MKB)?'
      )
      expect(modal).toHaveTextContent(
        'The feed refuses this key from now on (401)'
      )
      expect(revokeAnswer).not.toHaveBeenCalled()

      await act(async () => {
        fireEvent.click(getByText('Revoke key'))
        await flushPromises()
      })
      expect(revokeAnswer).toHaveBeenCalled()
      await wait(() =>
        expect(getByTestId('key-state-a1a1a1a1')).toHaveTextContent('Revoked')
      )
      expect(queryByTestId('revoke-MKB-a1a1a1a1')).toBeNull()
      expect(getByTestId('keys-count-MKB')).toHaveTextContent(
        '0 of 20 active keys'
      )
      expect(await findByText('Key a1a1a1a1 revoked')).toBeInTheDocument()
      // Its Revoke button is gone: focus goes to "Create key".
      await wait(() =>
        expect(document.activeElement).toBe(getByTestId('create-key-MKB'))
      )
    })

    it('should leave the key active when the operator cancels', async () => {
      const revokeAnswer = jest.fn()
      const { findByTestId, getByTestId, getByText, queryByTestId } =
        renderPage([revokeMock('a1a1a1a1', revokeAnswer)], { MKB: [active] })

      const revokeButton = await findByTestId('revoke-MKB-a1a1a1a1')

      revokeButton.focus()
      fireEvent.click(revokeButton)
      await findByTestId('revoke-key-modal')
      // As from the keyboard: focus on Cancel, then press it.
      const cancel = getByText('Cancel').closest('button') as HTMLElement

      cancel.focus()
      fireEvent.click(cancel)
      await wait(() => expect(queryByTestId('revoke-key-modal')).toBeNull())
      expect(revokeAnswer).not.toHaveBeenCalled()
      expect(getByTestId('key-state-a1a1a1a1')).toHaveTextContent('Active')
      // Focus goes back to the button that opened the dialog.
      await wait(() => expect(document.activeElement).toBe(revokeButton))
    })

    it.each([
      ['en', 'Revoke key', 'This key no longer exists on the channel.'],
      ['pt', 'Revogar chave', 'Esta chave não existe mais no canal.'],
      ['es', 'Revocar clave', 'Esta clave ya no existe en el canal.'],
    ])(
      'should say in %s when the key is gone, and refresh the list',
      async (locale, confirmLabel, text) => {
        const { findByTestId, queryByTestId, getByText } = renderPage(
          [
            revokeMock('a1a1a1a1', {
              errors: [new GraphQLError('KEY_NOT_FOUND')],
            }),
            // The refetch after the refusal: the key is no longer stored.
            channelKeysQuery('MKB', [active]),
            channelKeysQuery('MKB', []),
          ],
          {},
          locale
        )

        fireEvent.click(await findByTestId('revoke-MKB-a1a1a1a1'))
        const modal = await findByTestId('revoke-key-modal')

        await act(async () => {
          fireEvent.click(getByText(confirmLabel))
          await flushPromises()
        })
        expect(await within(modal).findByRole('alert')).toHaveTextContent(text)
        await wait(() => expect(queryByTestId('key-MKB-a1a1a1a1')).toBeNull())
      }
    )
  })
})
