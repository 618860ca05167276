import { flushPromises, act } from '@vtex/test-tools/react'
import { fireEvent, waitFor, within } from '@testing-library/react'
import { GraphQLError } from 'graphql'

import { job, previewLine } from '../__fixtures__/jobs'
import { setRuntime } from '../__fixtures__/runtime'
import SAVE_SETTINGS from '../admin/settings/graphql/saveSettings.gql'
import SETTINGS_PREVIEW from '../admin/settings/graphql/settingsPreview.gql'
import { sellersFailMock, sellersMock } from '../__fixtures__'
import {
  renderSettings,
  settingsInput,
  settingsQuery,
} from '../__fixtures__/settings'

// sellerb is listed with a name, ghost is stored but no longer in the marketplace's seller list.
const stored = settingsQuery({ sellerAllow: ['sellerb', 'ghost'] })

// Lets the settings and sellers answers arrive.
const settle = () =>
  act(async () => {
    await flushPromises()
    await flushPromises()
  })

const options = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent)

const chips = (list: HTMLElement) =>
  within(list)
    .queryAllByRole('listitem')
    .map((li) => li.textContent)

/** The preview asked for when the operator reviews MKB with these lists; answered, and counted. */
const preview = (mkb: Record<string, unknown>) => {
  // A review over few decisions may be DONE in its first answer: nothing to follow.
  const result = jest.fn(() => ({
    data: {
      settingsPreview: job({
        status: 'DONE',
        preview: ['MKB', 'GGL'].map((channel) => previewLine(channel)),
      }),
    },
  }))

  return {
    result,
    mock: {
      request: {
        query: SETTINGS_PREVIEW,
        variables: { input: settingsInput(mkb) },
      },
      result,
    },
  }
}

describe("given the seller lists of a channel's settings", () => {
  beforeEach(() => setRuntime({}))

  describe('when the sellers load', () => {
    it('should show stored sellers by name, a stored id the list lacks marked, and offer only the others', async () => {
      const { findByTestId, getByTestId, queryByTestId } = renderSettings([
        stored,
        sellersMock,
      ])

      await findByTestId('settings-MKB')
      await settle()

      expect(chips(getByTestId('sellerAllow-MKB-picker'))).toEqual([
        'Alpha Shoes (sellerb)',
        'ghost (not in the seller list)',
      ])
      expect(options(getByTestId('sellerAllow-MKB-picker-select'))).toEqual([
        'Add a seller…',
        'sellerc',
        'Zeta Sports (sellera)',
        'Beta Outlet (sellerd) (inactive)',
      ])
      expect(chips(getByTestId('sellerDeny-MKB-picker'))).toEqual([])
      expect(queryByTestId('sellerAllow-MKB')).toBeNull()
    })

    it('should add and remove sellers, and send the lists of ids as before', async () => {
      const review = preview({ sellerAllow: ['sellerb', 'sellera'] })
      const { findByTestId, getByTestId, getByRole } = renderSettings([
        stored,
        sellersMock,
        review.mock,
      ])

      await findByTestId('settings-MKB')
      await settle()

      fireEvent.change(getByTestId('sellerAllow-MKB-picker-select'), {
        target: { value: 'sellera' },
      })
      fireEvent.click(
        getByRole('button', { name: 'Remove ghost (not in the seller list)' })
      )

      expect(chips(getByTestId('sellerAllow-MKB-picker'))).toEqual([
        'Alpha Shoes (sellerb)',
        'Zeta Sports (sellera)',
      ])
      fireEvent.click(getByTestId('settings-review'))

      expect(await findByTestId('preview-MKB')).toBeInTheDocument()
      expect(review.result).toHaveBeenCalled()
    })

    it('should not count a seller added then removed as a change', async () => {
      const { findByTestId, getByTestId, getByRole } = renderSettings([
        stored,
        sellersMock,
      ])

      await findByTestId('settings-MKB')
      await settle()
      expect(getByTestId('settings-review')).toBeDisabled()

      // On the stored allow list: what the picker writes back must read as what was stored.
      fireEvent.change(getByTestId('sellerAllow-MKB-picker-select'), {
        target: { value: 'sellerd' },
      })
      expect(getByTestId('settings-review')).toBeEnabled()

      fireEvent.click(
        getByRole('button', { name: 'Remove Beta Outlet (sellerd) (inactive)' })
      )
      expect(getByTestId('settings-review')).toBeDisabled()
    })

    it("should not offer on one list the sellers on the channel's other list", async () => {
      const { findByTestId, getByTestId, getByRole } = renderSettings([
        settingsQuery({
          sellerAllow: ['sellerb', 'ghost'],
          sellerDeny: ['sellerc'],
        }),
        sellersMock,
      ])

      await findByTestId('settings-MKB')
      await settle()

      expect(options(getByTestId('sellerDeny-MKB-picker-select'))).toEqual([
        'Add a seller…',
        'Zeta Sports (sellera)',
        'Beta Outlet (sellerd) (inactive)',
      ])
      expect(options(getByTestId('sellerAllow-MKB-picker-select'))).toEqual([
        'Add a seller…',
        'Zeta Sports (sellera)',
        'Beta Outlet (sellerd) (inactive)',
      ])

      // Off the allow list, a seller can be denied again.
      fireEvent.click(
        getByRole('button', { name: 'Remove Alpha Shoes (sellerb)' })
      )
      expect(options(getByTestId('sellerDeny-MKB-picker-select'))).toContain(
        'Alpha Shoes (sellerb)'
      )
    })

    it('should refuse stored lists that share a seller, naming it "Name (id)"', async () => {
      const { findByTestId, getByTestId } = renderSettings([
        settingsQuery({ sellerAllow: ['sellerb'], sellerDeny: ['sellerb'] }),
        sellersMock,
      ])

      await findByTestId('settings-MKB')
      await settle()

      // The whole error line: the name and id, nothing else.
      expect(
        within(getByTestId('sellerDeny-MKB-picker')).getByText(
          'A seller cannot be in both lists. Seller: Alpha Shoes (sellerb)'
        )
      ).toBeInTheDocument()
      // The form is unchanged, so nothing to save; a change elsewhere still cannot be saved.
      fireEvent.change(getByTestId('exposeAt-MKB'), { target: { value: '3' } })
      expect(getByTestId('settings-review')).toBeDisabled()
    })

    it('should name a shared seller the list lacks by its id', async () => {
      const { findByTestId, getByTestId } = renderSettings([
        settingsQuery({ sellerAllow: ['ghost'], sellerDeny: ['ghost'] }),
        sellersMock,
      ])

      await findByTestId('settings-MKB')
      await settle()

      expect(
        within(getByTestId('sellerDeny-MKB-picker')).getByText(
          'A seller cannot be in both lists. Seller: ghost'
        )
      ).toBeInTheDocument()
    })
  })

  describe('when the server refuses the lists', () => {
    // The form checks the same rules first, but the server has the last word; it sends CODE:sellerId.
    const refused = (message: string) => ({
      result: { errors: [new GraphQLError(message)] },
    })

    it('should name the sellers of a refused preview "Name (id)", and an unknown one by its id', async () => {
      const input = settingsInput({
        sellerAllow: ['sellerb', 'ghost', 'sellera'],
      })

      const { findByTestId, getByTestId } = renderSettings([
        stored,
        sellersMock,
        {
          request: { query: SETTINGS_PREVIEW, variables: { input } },
          ...refused('SELLER_IN_BOTH_LISTS:sellera,SELLER_IN_BOTH_LISTS:ghost'),
        },
      ])

      await findByTestId('settings-MKB')
      await settle()
      fireEvent.change(getByTestId('sellerAllow-MKB-picker-select'), {
        target: { value: 'sellera' },
      })
      fireEvent.click(getByTestId('settings-review'))

      expect(
        await within(await findByTestId('save-review')).findByRole('alert')
      ).toHaveTextContent(
        'A seller cannot be in both lists. Sellers: Zeta Sports (sellera), ghost'
      )
    })

    it('should name the seller of a refused save "Name (id)"', async () => {
      const review = preview({ sellerAllow: ['sellerb', 'ghost', 'sellera'] })
      const { findByTestId, getByTestId, getByText } = renderSettings([
        stored,
        sellersMock,
        review.mock,
        {
          request: {
            query: SAVE_SETTINGS,
            variables: {
              input: settingsInput({
                sellerAllow: ['sellerb', 'ghost', 'sellera'],
              }),
            },
          },
          ...refused('SELLER_IN_BOTH_LISTS:sellera'),
        },
      ])

      await findByTestId('settings-MKB')
      await settle()
      fireEvent.change(getByTestId('sellerAllow-MKB-picker-select'), {
        target: { value: 'sellera' },
      })
      fireEvent.click(getByTestId('settings-review'))
      await findByTestId('preview-MKB')
      await act(async () => {
        fireEvent.click(getByText('Save settings'))
        await flushPromises()
      })

      expect(
        await within(getByTestId('save-review')).findByRole('alert')
      ).toHaveTextContent(
        'A seller cannot be in both lists. Seller: Zeta Sports (sellera)'
      )
    })
  })

  describe('when the sellers are still loading', () => {
    it('should show the stored ids, removable, and let sellers be added once the list is in', async () => {
      const { findByTestId, getByTestId, getByRole, queryByTestId } =
        renderSettings([stored, { ...sellersMock, delay: 500 }])

      await findByTestId('settings-MKB')

      const picker = getByTestId('sellerAllow-MKB-picker')

      expect(chips(picker)).toEqual(['sellerb', 'ghost'])
      expect(getByTestId('sellerAllow-MKB-picker-select')).toBeDisabled()
      expect(picker).toHaveTextContent('Loading sellers…')
      expect(queryByTestId('sellerAllow-MKB')).toBeNull()

      fireEvent.click(getByRole('button', { name: 'Remove ghost' }))
      expect(chips(picker)).toEqual(['sellerb'])

      await waitFor(
        () =>
          expect(getByTestId('sellerAllow-MKB-picker-select')).toBeEnabled(),
        { timeout: 2000 }
      )
      expect(chips(getByTestId('sellerAllow-MKB-picker'))).toEqual([
        'Alpha Shoes (sellerb)',
      ])
    })
  })

  describe('when the sellers query fails', () => {
    it('should fall back to typing the ids, with the stored ones and the same rules', async () => {
      const review = preview({ sellerAllow: ['sellerb', 'sellerx'] })
      const { findByTestId, getByTestId, queryByTestId, findByText } =
        renderSettings([stored, sellersFailMock, review.mock])

      await findByTestId('settings-MKB')
      await settle()
      expect(queryByTestId('sellerAllow-MKB-picker')).toBeNull()

      const allow = getByTestId('sellerAllow-MKB')

      expect(allow).toHaveValue('sellerb, ghost')

      fireEvent.change(allow, { target: { value: 'sellerb, 1' } })
      expect(
        await findByText('Invalid seller id. Seller: 1', { exact: false })
      ).toBeInTheDocument()
      expect(getByTestId('settings-review')).toBeDisabled()

      // Typed ids can still put a seller in both lists: refused, by its id (no names to show).
      fireEvent.change(allow, { target: { value: 'sellerb' } })
      fireEvent.change(getByTestId('sellerDeny-MKB'), {
        target: { value: 'sellerb' },
      })
      expect(
        await findByText('A seller cannot be in both lists. Seller: sellerb', {
          exact: false,
        })
      ).toBeInTheDocument()
      expect(getByTestId('settings-review')).toBeDisabled()
      fireEvent.change(getByTestId('sellerDeny-MKB'), { target: { value: '' } })

      // Trimmed and de-duplicated on the way out, as before.
      fireEvent.change(allow, {
        target: { value: ' sellerb sellerb, sellerx ' },
      })
      fireEvent.click(getByTestId('settings-review'))

      expect(await findByTestId('preview-MKB')).toBeInTheDocument()
      expect(review.result).toHaveBeenCalled()
    })
  })
})
