import { flushPromises, act } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'
import { fireEvent, wait } from '@testing-library/react'
import { GraphQLError } from 'graphql'

import { job, jobMock, previewLine } from '../__fixtures__/jobs'
import { blobText, spyDownloads } from '../__fixtures__/downloads'
import { setRuntime } from '../__fixtures__/runtime'
import { JOB_POLL } from '../admin/shared/jobs'
import SAVE_SETTINGS from '../admin/settings/graphql/saveSettings.gql'
import SETTINGS from '../admin/settings/graphql/settings.gql'
import SETTINGS_PREVIEW from '../admin/settings/graphql/settingsPreview.gql'
import { validateChannel } from '../admin/settings/validate'
import { GGL, MKB, sellersMock } from '../__fixtures__'
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
  beforeEach(() => {
    setRuntime({})
    JOB_POLL.ms = 200
  })

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
    it('should preview, say what will be written, then save and toast a link to what the save writes', async () => {
      const { navigate } = setRuntime({})
      const enforce = settingsInput({ mode: 'ENFORCE' })
      const applyJobId = '20261126220000000-a1b2c3d4'
      const save = jest.fn(() => ({
        data: {
          saveSettings: { ...settings({ mode: 'ENFORCE' }), applyJobId },
        },
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
              settingsPreview: job({ progress: { done: 0, total: 0 } }),
            },
          },
        },
        jobMock(job({ progress: { done: 100, total: 240 } })),
        jobMock(
          job({
            status: 'DONE',
            progress: { done: 240, total: 240 },
            preview: [
              previewLine('MKB', { associate: 12, dissociate: 3 }),
              previewLine('GGL'),
            ],
          })
        ),
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

      // The review is a job on the backend: its progress shows while the page follows it.
      await findByText(
        'Computing what would change: 100 of 240 decisions read…'
      )
      expect(await findByTestId('enforce-warning-MKB')).toHaveTextContent(
        'associating 12 and dissociating 3 products on trade policy 2'
      )
      await act(async () => {
        fireEvent.click(getByText('Save and enforce'))
        await flushPromises()
      })
      expect(await findByText('Settings saved')).toBeInTheDocument()
      await wait(() => expect(save).toHaveBeenCalled())
      // The save's apply opens as a run does. The styleguide's toast takes clicks only once it
      // has opened (a timer after it mounts): click until it has.
      await wait(() => {
        fireEvent.click(getByText('See what it writes'))
        expect(navigate).toHaveBeenCalledWith({
          to: `/admin/app/marketplace-stock-gate/reconciliation/runs/${applyJobId}`,
        })
      })
    })
  })

  describe('when the review counts 21 products to write on MKB', () => {
    const enforce = settingsInput({ mode: 'ENFORCE' })
    // 12 to put on, 9 to take off, by product id as the job lists them.
    const products = Array.from({ length: 21 }, (_, i) => ({
      productId: String(100 + i),
      productName: i === 0 ? 'Sneaker, red' : `Product ${100 + i}`,
      action: i < 12 ? ('ASSOCIATE' as const) : ('DISSOCIATE' as const),
      skuIds: [String(2 * i + 1), String(2 * i + 2)],
    }))

    const openReview = async (truncated: boolean) => {
      const page = renderPage([
        query,
        {
          request: { query: SETTINGS_PREVIEW, variables: { input: enforce } },
          result: { data: { settingsPreview: job() } },
        },
        jobMock(
          job({
            status: 'DONE',
            preview: [
              previewLine('MKB', {
                associate: truncated ? 1_200 : 12,
                dissociate: 9,
                products,
                productsTruncated: truncated,
              }),
              previewLine('GGL'),
            ],
          })
        ),
      ])

      await page.findByTestId('settings-MKB')
      fireEvent.click(
        page
          .getByTestId('settings-MKB')
          .querySelectorAll('input[type="radio"]')[1]
      )
      fireEvent.click(page.getByTestId('settings-review'))
      await page.findByTestId('enforce-warning-MKB')

      return page
    }

    it('should list them behind "See which products", 20 a page, and only for the channel that has some', async () => {
      const { getByTestId, findByTestId, queryByTestId, getByText } =
        await openReview(false)

      expect(queryByTestId('review-products-toggle-GGL')).toBeNull()
      expect(queryByTestId('review-products-MKB')).toBeNull()
      fireEvent.click(getByTestId('review-products-toggle-MKB'))

      const list = await findByTestId('review-products-MKB')

      expect(list.querySelectorAll('tbody tr')).toHaveLength(20)
      expect(getByTestId('review-product-MKB-100')).toHaveTextContent(
        'Sneaker, red (100)'
      )
      expect(getByTestId('review-product-MKB-100')).toHaveTextContent(
        'Put on the trade policy'
      )
      expect(getByTestId('review-product-MKB-100')).toHaveTextContent('1, 2')
      expect(list).toHaveTextContent('Page 1 of 2 · 21 products')
      expect(queryByTestId('review-product-MKB-120')).toBeNull()

      fireEvent.click(getByText('Next'))
      expect(getByTestId('review-product-MKB-120')).toHaveTextContent(
        'Take off the trade policy'
      )
      expect(list).toHaveTextContent('Page 2 of 2 · 21 products')
      expect(list).not.toHaveTextContent('hold the first')

      fireEvent.click(getByTestId('review-products-toggle-MKB'))
      expect(queryByTestId('review-products-MKB')).toBeNull()
    })

    it('should download every listed product as CSV, one line each', async () => {
      const { createObjectURL, click } = spyDownloads()

      const { getByTestId, findByTestId } = await openReview(false)

      fireEvent.click(getByTestId('review-products-toggle-MKB'))
      fireEvent.click(await findByTestId('review-products-csv-MKB'))
      expect(click).toHaveBeenCalledTimes(1)
      const lines = (await blobText(createObjectURL.mock.calls[0][0]))
        .trim()
        .split('\r\n')

      expect(lines).toHaveLength(22)
      expect(lines[0]).toBe('channel,productId,productName,action,skuIds')
      expect(lines[1]).toBe('MKB,100,"Sneaker, red",ASSOCIATE,1|2')
      expect(lines[21]).toBe('MKB,120,Product 120,DISSOCIATE,41|42')
      click.mockRestore()
    })

    it('should say when the list stops short of the counts', async () => {
      const { getByTestId, findByTestId } = await openReview(true)

      fireEvent.click(getByTestId('review-products-toggle-MKB'))
      expect(await findByTestId('review-products-MKB')).toHaveTextContent(
        'The list and its CSV hold the first 21 of 1,209 products'
      )
    })
  })

  describe('when the review job fails because its worker restarted', () => {
    it('should say so in the review instead of a preview', async () => {
      const enforce = settingsInput({ mode: 'ENFORCE' })
      const { findByTestId, getByTestId, findByText, queryByTestId } =
        renderPage([
          query,
          {
            request: { query: SETTINGS_PREVIEW, variables: { input: enforce } },
            result: { data: { settingsPreview: job() } },
          },
          jobMock(job({ status: 'FAILED', error: 'WORKER_LOST' })),
        ])

      await findByTestId('settings-MKB')
      fireEvent.click(
        getByTestId('settings-MKB').querySelectorAll('input[type="radio"]')[1]
      )
      fireEvent.click(getByTestId('settings-review'))

      expect(
        await findByText(
          'The app restarted while working on this, so it did not finish. Try again.'
        )
      ).toBeInTheDocument()
      expect(queryByTestId('enforce-warning-MKB')).toBeNull()
    })
  })
})

describe('given the settings page in the development workspace dev1', () => {
  const dev1 = (writes: boolean) => ({
    request: { query: SETTINGS },
    result: {
      data: {
        settings: {
          ...settings(),
          workspace: 'dev1',
          workspaceCatalogWrites: writes,
          catalogWritesBlocked: !writes,
        },
        channels: [MKB, GGL],
      },
    },
  })

  beforeEach(() => setRuntime({}))

  it('should say that Enforce writes nothing here, and turn catalog writes on only once confirmed', async () => {
    const save = jest.fn(() => ({
      data: {
        saveSettings: {
          ...settings(),
          workspace: 'dev1',
          workspaceCatalogWrites: true,
          catalogWritesBlocked: false,
        },
      },
    }))

    const { findByTestId, getByLabelText, findByText, getByText } = renderPage([
      dev1(false),
      {
        request: {
          query: SAVE_SETTINGS,
          variables: { input: { workspaceCatalogWrites: true } },
        },
        result: save,
      },
    ])

    expect(await findByTestId('workspace-writes')).toHaveTextContent(
      'You are in the development workspace dev1.'
    )
    fireEvent.click(getByLabelText('Write to the catalog from dev1'))
    expect(
      await findByText('Write to the real catalog from dev1?')
    ).toBeInTheDocument()
    expect(save).not.toHaveBeenCalled()
    await act(async () => {
      fireEvent.click(getByText('Turn catalog writes on'))
      await flushPromises()
    })
    await wait(() => expect(save).toHaveBeenCalled())
    expect(await findByTestId('workspace-writes')).toHaveTextContent(
      'Catalog writes are on in the development workspace dev1'
    )
  })

  it('should show nothing of the kind in master', async () => {
    const { findByTestId, queryByTestId } = renderPage([query])

    await findByTestId('settings-MKB')
    expect(queryByTestId('workspace-writes')).toBeNull()
  })
})
