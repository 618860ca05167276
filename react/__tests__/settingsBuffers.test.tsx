import { act, flushPromises } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'
import { configure, fireEvent, wait, within } from '@testing-library/react'
import { GraphQLError } from 'graphql'

import { setRuntime } from '../__fixtures__/runtime'
import { sellersMock } from '../__fixtures__'
import {
  renderSettings,
  settingsQuery,
  stockBuffer,
} from '../__fixtures__/settings'
import { checkBuffer, emptyBufferDraft } from '../admin/settings/bufferValidate'
import DELETE_STOCK_BUFFER from '../admin/settings/graphql/deleteStockBuffer.gql'
import SAVE_STOCK_BUFFER from '../admin/settings/graphql/saveStockBuffer.gql'
import STOCK_BUFFERS from '../admin/settings/graphql/stockBuffers.gql'

// The page loads its settings, sellers and keys before the buffers; a busy machine can pass 1 s.
configure({ asyncUtilTimeout: 5000 })

const productBuffer = stockBuffer()
const skuBuffer = stockBuffer({
  scope: 'SKU',
  targetId: '7',
  channel: null,
  exposeAt: 5,
  withdrawBelow: 5,
  note: 'launch stock',
})

const renderPage = (mocks: MockedResponse[], buffers: unknown[] = []) =>
  renderSettings([sellersMock, settingsQuery(), ...mocks], {}, { buffers })

const input = {
  scope: 'PRODUCT',
  targetId: '12',
  channel: 'MKB',
  exposeAt: 3,
  withdrawBelow: 2,
  note: 'MKB sells faster than we restock',
}

const saveMock = (result: MockedResponse['result']) => ({
  request: { query: SAVE_STOCK_BUFFER, variables: { input } },
  result,
})

async function fillForm(page: ReturnType<typeof renderPage>) {
  const form = within(await page.findByTestId('buffer-form'))

  fireEvent.change(form.getByLabelText('Product or SKU id'), {
    target: { value: '012' },
  })
  fireEvent.change(form.getByLabelText('Channel'), {
    target: { value: 'MKB' },
  })
  fireEvent.change(form.getByLabelText('Expose at (units)'), {
    target: { value: '3' },
  })
  fireEvent.change(form.getByLabelText('Withdraw below (units)'), {
    target: { value: '2' },
  })
  fireEvent.change(form.getByLabelText('Note (why this buffer)'), {
    target: { value: '  MKB sells faster than we restock ' },
  })

  return form
}

describe('given the buffer form rules', () => {
  const draft = {
    ...emptyBufferDraft(),
    targetId: '12',
    exposeAt: '3',
    withdrawBelow: '2',
    note: 'n',
  }

  it.each([
    [{ targetId: 'shirt' }, 'targetId', 'INVALID_TARGET_ID'],
    [{ targetId: '0' }, 'targetId', 'INVALID_TARGET_ID'],
    [{ exposeAt: '0' }, 'exposeAt', 'THRESHOLD_BELOW_ONE'],
    [{ exposeAt: '-2' }, 'exposeAt', 'NEGATIVE_THRESHOLD'],
    [{ withdrawBelow: '4' }, 'withdrawBelow', 'WITHDRAW_ABOVE_EXPOSE'],
    [{ note: '  ' }, 'note', 'NOTE_REQUIRED'],
  ])('should flag %j on %s as %s', (patch, field, code) => {
    const result = checkBuffer({ ...draft, ...patch })

    expect(result.errors[field as 'note']).toBe(code)
    expect(result.input).toBeNull()
  })

  it('should send "every channel" as null and the id without leading zeros', () => {
    expect(checkBuffer({ ...draft, targetId: '0012' }).input).toEqual({
      scope: 'PRODUCT',
      targetId: '12',
      channel: null,
      exposeAt: 3,
      withdrawBelow: 2,
      note: 'n',
    })
  })
})

describe('given the stock buffers in Settings', () => {
  beforeEach(() => setRuntime({}))

  describe('when there is none', () => {
    it('should say every SKU uses its channel thresholds', async () => {
      const page = renderPage([])

      expect(await page.findByTestId('buffers-empty')).toHaveTextContent(
        'No buffer: every SKU uses its channel thresholds.'
      )
      expect(page.getByTestId('buffers-count')).toHaveTextContent(
        '0 of 200 buffers'
      )
    })
  })

  describe('when they cannot be loaded', () => {
    it('should say why and offer to try again', async () => {
      const page = renderPage([
        {
          request: { query: STOCK_BUFFERS },
          result: { errors: [new GraphQLError('FORBIDDEN')] },
        },
      ])

      expect(await page.findByTestId('buffers-error')).toHaveTextContent(
        'You do not have permission for this.'
      )
    })
  })

  describe('when a product buffer and an all-channels SKU buffer exist', () => {
    it('should list each with its target, channel, thresholds, note and who saved it', async () => {
      const page = renderPage([], [skuBuffer, productBuffer])
      const table = await page.findByTestId('buffers')

      expect(page.getByRole('table', { name: 'Stock buffers' })).toBe(table)
      const rows = table.querySelectorAll('tbody tr')

      // By target id: product 7's SKU buffer sorts before product 12 by id length.
      expect(rows[0]).toHaveTextContent('SKU 7')
      expect(rows[0]).toHaveTextContent('All channels')
      expect(rows[0]).toHaveTextContent('expose at 5, withdraw below 5')
      expect(rows[1]).toHaveTextContent('Product 12')
      expect(rows[1]).toHaveTextContent('Marketplace B (MKB)')
      expect(rows[1]).toHaveTextContent('expose at 3, withdraw below 2')
      expect(rows[1]).toHaveTextContent('MKB sells faster than we restock')
      expect(rows[1]).toHaveTextContent('by ops@marketplacea.com')
      expect(
        page.getByRole('button', { name: 'Delete buffer PRODUCT-12-MKB' })
      ).toBeInTheDocument()
      expect(
        page.getByRole('button', { name: 'Edit buffer SKU-7-ALL' })
      ).toBeInTheDocument()
    })
  })

  describe('when the operator adds a product buffer on MKB', () => {
    it('should send it, list the answer and say so', async () => {
      const page = renderPage([
        saveMock({ data: { saveStockBuffer: [productBuffer] } }),
      ])

      await fillForm(page)
      fireEvent.click(page.getByTestId('buffer-save'))

      expect(
        await page.findByTestId('buffer-PRODUCT-12-MKB')
      ).toHaveTextContent('Product 12')
      expect(
        await page.findByText(
          'Buffer PRODUCT-12-MKB saved; the SKUs it changes were decided again.'
        )
      ).toBeInTheDocument()
      expect(page.queryByTestId('buffers-empty')).toBeNull()
    })

    it("should show the server's refusal in words", async () => {
      const page = renderPage([
        saveMock({ errors: [new GraphQLError('TOO_MANY_BUFFERS')] }),
      ])

      await fillForm(page)
      fireEvent.click(page.getByTestId('buffer-save'))

      expect(await page.findByTestId('buffer-error')).toHaveTextContent(
        'This workspace has as many stock buffers as it may (200).'
      )
    })

    it('should not send a buffer whose withdrawBelow is above its exposeAt', async () => {
      const page = renderPage([])
      const form = await fillForm(page)

      fireEvent.change(form.getByLabelText('Withdraw below (units)'), {
        target: { value: '4' },
      })
      fireEvent.click(page.getByTestId('buffer-save'))
      await act(async () => {
        await flushPromises()
      })

      expect(
        form.getByText('Must not be above "Expose at".')
      ).toBeInTheDocument()
      expect(page.queryByTestId('buffer-error')).toBeNull()
    })
  })

  describe('when the operator edits a buffer', () => {
    it('should fill the form with it and keep its product and channel fixed', async () => {
      const page = renderPage([], [productBuffer])

      fireEvent.click(await page.findByTestId('buffer-edit-PRODUCT-12-MKB'))
      const form = within(page.getByTestId('buffer-form'))

      expect(form.getByText('Edit buffer PRODUCT-12-MKB')).toBeInTheDocument()
      expect(form.getByLabelText('Product or SKU id')).toHaveValue('12')
      expect(form.getByLabelText('Product or SKU id')).toBeDisabled()
      expect(form.getByLabelText('Channel')).toBeDisabled()
      expect(form.getByLabelText('Expose at (units)')).toHaveValue('3')
    })
  })

  describe('when the operator deletes a buffer', () => {
    it('should ask first, then drop it from the list', async () => {
      const page = renderPage(
        [
          {
            request: {
              query: DELETE_STOCK_BUFFER,
              variables: { id: 'PRODUCT-12-MKB' },
            },
            result: { data: { deleteStockBuffer: [skuBuffer] } },
          },
        ],
        [productBuffer, skuBuffer]
      )

      fireEvent.click(await page.findByTestId('buffer-delete-PRODUCT-12-MKB'))
      const modal = await page.findByTestId('delete-buffer-modal')

      expect(modal).toHaveTextContent(
        'Delete the buffer of Product 12 on Marketplace B (MKB)?'
      )
      // The dialog's own button (each row's is "Delete buffer <id>").
      fireEvent.click(page.getByRole('button', { name: 'Delete' }))

      await wait(() =>
        expect(page.queryByTestId('buffer-PRODUCT-12-MKB')).toBeNull()
      )
      expect(page.getByTestId('buffer-SKU-7-ALL')).toBeInTheDocument()
    })
  })
})
