import React from 'react'
import { render, flushPromises, act } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'
import { fireEvent, wait } from '@testing-library/react'
import { GraphQLError } from 'graphql'

import { setRuntime } from '../__fixtures__/runtime'
import { ReconciliationPage } from '../admin/reconciliation/components/ReconciliationPage'
import CANCEL from '../admin/reconciliation/graphql/cancelReconciliation.gql'
import RECONCILIATION from '../admin/reconciliation/graphql/reconciliation.gql'
import RECONCILIATIONS from '../admin/reconciliation/graphql/reconciliations.gql'
import SETTINGS_SAVES from '../admin/reconciliation/graphql/settingsSaves.gql'
import START from '../admin/reconciliation/graphql/startReconciliation.gql'
import { toScope } from '../admin/reconciliation/scope'
import CHANNELS from '../admin/shared/graphql/channels.gql'
import { GGL, MKB, sellersFailMock, sellersMock } from '../__fixtures__'

const run = (partial: Record<string, unknown> = {}) => ({
  __typename: 'ReconciliationRun',
  cacheId: 'r1',
  id: 'r1',
  state: 'RUNNING',
  scope: {
    __typename: 'ReconciliationScope',
    channel: null,
    sellerId: null,
    skuIds: null,
    changedSince: null,
    statuses: null,
    reason: null,
    text: null,
  },
  trigger: 'OPERATOR',
  startedBy: 'admin@marketplacea.example',
  createdAt: '2026-11-26T22:00:00.000Z',
  startedAt: '2026-11-26T22:00:01.000Z',
  finishedAt: null,
  done: 50,
  total: 200,
  rate: 12.5,
  eta: 12,
  driftFound: 3,
  driftFixed: 1,
  errors: [],
  waiting: null,
  failure: null,
  ...partial,
})

const channels = {
  request: { query: CHANNELS },
  result: { data: { channels: [MKB, GGL] } },
}

const latest = (value: unknown) => ({
  request: { query: RECONCILIATION, variables: {} },
  result: { data: { reconciliation: value } },
})

const history = (items: unknown[]) => ({
  request: { query: RECONCILIATIONS, variables: { page: 1, pageSize: 20 } },
  result: {
    data: {
      reconciliations: {
        __typename: 'ReconciliationPage',
        items,
        page: 1,
        pageSize: 20,
        total: items.length,
      },
    },
  },
})

// Lets the channels, sellers and runs answers arrive.
const settle = () =>
  act(async () => {
    await flushPromises()
    await flushPromises()
  })

const saves = (items: unknown[]): MockedResponse => ({
  request: { query: SETTINGS_SAVES, variables: { page: 1, pageSize: 5 } },
  result: {
    data: {
      settingsSaves: {
        __typename: 'SettingsSavePage',
        items,
        page: 1,
        pageSize: 5,
        total: items.length,
      },
    },
  },
})

const renderPage = (
  mocks: MockedResponse[],
  sellers: MockedResponse = sellersMock,
  savesMock: MockedResponse = saves([])
) =>
  render(<ReconciliationPage />, {
    graphql: {
      mocks: [channels, sellers, savesMock, ...mocks],
      addTypename: true,
    },
  })

describe('given the sweep scope form', () => {
  it.each([
    [{ channel: '', sellerId: '', skuIds: '', changedSince: '' }, {}],
    [
      {
        channel: 'MKB',
        sellerId: ' sellera ',
        skuIds: '1, 2 2',
        changedSince: '',
      },
      { channel: 'MKB', sellerId: 'sellera', skuIds: ['1', '2'] },
    ],
  ])('should turn %j into the scope %j', (form, scope) => {
    expect(toScope(form).scope).toEqual(scope)
  })

  it('should refuse SKU ids that are not positive integers', () => {
    expect(
      toScope({ channel: '', sellerId: '', skuIds: '1, x', changedSince: '' })
    ).toMatchObject({ scope: null, invalidSkus: true })
  })
})

describe('given the reconciliation page', () => {
  beforeEach(() => setRuntime({}))

  it('should show the loader first', () => {
    expect(
      renderPage([latest(null), history([])]).getAllByTestId('page-loading')
        .length
    ).toBeGreaterThan(0)
  })

  it('should show the error when the latest run cannot be loaded', async () => {
    const { findByTestId } = renderPage([
      {
        request: { query: RECONCILIATION, variables: {} },
        result: { errors: [new GraphQLError('FORBIDDEN')] },
      },
      history([]),
    ])

    expect(await findByTestId('page-error')).toHaveTextContent(
      'You do not have permission'
    )
  })

  it('should show empty states without runs', async () => {
    const { findByTestId, findByText } = renderPage([latest(null), history([])])

    expect(await findByTestId('current-run-none')).toBeInTheDocument()
    expect(await findByText('No sweep has run yet.')).toBeInTheDocument()
  })

  it('should show a scope started from the filtered exposures table', async () => {
    const filtered = run({
      state: 'DONE',
      scope: {
        __typename: 'ReconciliationScope',
        channel: 'MKB',
        sellerId: null,
        skuIds: null,
        changedSince: null,
        statuses: ['WITHHELD'],
        reason: 'NO_PRICE',
        text: 'sneaker',
      },
    })

    const { findByTestId } = renderPage([latest(filtered), history([filtered])])

    expect(await findByTestId('run-r1')).toHaveTextContent(
      'channel MKB · statuses Withheld · reason No price · search “sneaker”'
    )
  })

  it('should say which API a waiting sweep waits for and when it tries again', async () => {
    const waiting = run({
      waiting: {
        __typename: 'RunWaiting',
        code: 'UPSTREAM_UNAVAILABLE',
        api: 'catalog',
        attempts: 3,
        nextAttemptAt: '2026-11-26T22:05:00.000Z',
      },
    } as never)

    const { findByTestId } = renderPage([latest(waiting), history([waiting])])

    expect(await findByTestId('current-run-waiting')).toHaveTextContent(
      'Waiting for VTEX (catalog API: VTEX API unavailable (5xx)). Next attempt at'
    )
  })

  it('should say why a failed sweep stopped', async () => {
    const failed = run({
      state: 'FAILED',
      failure: {
        __typename: 'RunFailure',
        code: 'UPSTREAM_HTTP_400',
        api: 'storage',
      },
    } as never)

    const { findByTestId } = renderPage([latest(failed), history([failed])])

    expect(await findByTestId('current-run-failure')).toHaveTextContent(
      'Stopped: VTEX answered HTTP 400 (storage API).'
    )
  })

  it('should name the errors of a run in words, not codes', async () => {
    const failed = run({
      state: 'DONE',
      errors: [
        { __typename: 'ErrorCount', code: 'UPSTREAM_UNAVAILABLE', count: 2 },
        { __typename: 'ErrorCount', code: 'UPSTREAM_HTTP_403', count: 1 },
      ],
    } as never)

    const { findByTestId } = renderPage([latest(failed), history([failed])])
    const row = await findByTestId('run-r1')

    expect(row).toHaveTextContent(
      'VTEX API unavailable (5xx) ×2, VTEX answered HTTP 403 ×1'
    )
    expect(row).not.toHaveTextContent('UPSTREAM_')
  })

  it("should name the current sweep's progress bar for screen readers", async () => {
    const { findByTestId, container } = renderPage([
      latest(run()),
      history([run()]),
    ])

    await findByTestId('current-run-progress')
    const bar = container.querySelector('[role="progressbar"]')

    expect(bar).not.toBeNull()
    expect(bar).toHaveAttribute('aria-label', 'Sweep progress')
  })

  it('should say in words what started a scheduled sweep, not its trigger code', async () => {
    const scheduled = run({
      trigger: 'SCHEDULE_FULL',
      startedBy: null,
    } as never)

    const { findByTestId, getByTestId } = renderPage([
      latest(scheduled),
      history([scheduled]),
    ])

    const row = await findByTestId('run-r1')

    expect(row).toHaveTextContent('the schedule (full sweep)')
    expect(getByTestId('current-run')).toHaveTextContent(
      'by the schedule (full sweep)'
    )
    expect(getByTestId('current-run')).not.toHaveTextContent('SCHEDULE_')
    expect(row).not.toHaveTextContent('SCHEDULE_')
  })

  describe('when a sweep was scoped to one seller', () => {
    const bySeller = (sellerId: string) => {
      const { scope } = run()

      return run({ state: 'DONE', scope: { ...scope, sellerId } })
    }

    // The history's Scope column.
    const scopeCell = (tr: HTMLElement) => tr.querySelectorAll('td')[2]

    it('should name the seller, with its id, in the current sweep and the history', async () => {
      const sweep = bySeller('sellerb')
      const { getByTestId } = renderPage([latest(sweep), history([sweep])])

      await wait(() =>
        expect(scopeCell(getByTestId('run-r1'))).toHaveTextContent(
          /^seller Alpha Shoes \(sellerb\)$/
        )
      )
      expect(getByTestId('current-run')).toHaveTextContent(
        'Current sweep · seller Alpha Shoes (sellerb)'
      )
    })

    it('should show the id of a seller the list lacks', async () => {
      const sweep = bySeller('ghost')
      const { findByTestId, getByTestId } = renderPage([
        latest(sweep),
        history([sweep]),
      ])

      await findByTestId('run-r1')
      await settle()
      expect(scopeCell(getByTestId('run-r1'))).toHaveTextContent(
        /^seller ghost$/
      )
    })

    it('should show the raw id when the sellers query fails', async () => {
      const sweep = bySeller('sellerb')
      const { findByTestId, getByTestId } = renderPage(
        [latest(sweep), history([sweep])],
        sellersFailMock
      )

      await findByTestId('run-r1')
      await settle()
      expect(scopeCell(getByTestId('run-r1'))).toHaveTextContent(
        /^seller sellerb$/
      )
      expect(getByTestId('current-run')).toHaveTextContent(
        /Current sweep · seller sellerb\s*Done/
      )
    })
  })

  it('should show the progress and poll until the run is done', async () => {
    const { findByTestId, getByTestId } = renderPage([
      latest(run()),
      history([run()]),
      latest(
        run({
          state: 'DONE',
          done: 200,
          eta: 0,
          finishedAt: '2026-11-26T22:01:00.000Z',
        })
      ),
      history([run({ state: 'DONE', done: 200 })]),
    ])

    expect(await findByTestId('current-run-progress')).toHaveTextContent(
      '50 of 200 SKUs · 12.5 SKUs/s · 12 s left'
    )
    expect(getByTestId('run-r1')).toHaveTextContent('3 / 1')
    await wait(
      () => expect(getByTestId('current-run-state')).toHaveTextContent('Done'),
      { timeout: 4000 }
    )
    expect(getByTestId('current-run-progress')).toHaveTextContent('200 of 200')
  })

  it('should start a full sweep with an empty scope and follow it', async () => {
    const { findByTestId, findByText } = renderPage([
      latest(null),
      history([]),
      {
        request: { query: START, variables: { scope: {} } },
        result: {
          data: {
            startReconciliation: run({ id: 'r2', cacheId: 'r2', done: 0 }),
          },
        },
      },
      {
        request: { query: RECONCILIATION, variables: { id: 'r2' } },
        result: {
          data: { reconciliation: run({ id: 'r2', cacheId: 'r2', done: 0 }) },
        },
      },
      history([run({ id: 'r2', cacheId: 'r2', done: 0 })]),
    ])

    fireEvent.click(await findByTestId('start-sweep-button'))
    expect(await findByText('Sweep started')).toBeInTheDocument()
    expect(await findByTestId('current-run-progress')).toHaveTextContent(
      '0 of 200 SKUs'
    )
  })

  it('should cancel a running sweep', async () => {
    const cancel = jest.fn(() => ({
      data: { cancelReconciliation: run({ state: 'CANCELLED' }) },
    }))

    const { findByTestId, findByText, getByTestId } = renderPage([
      latest(run()),
      history([run()]),
      { request: { query: CANCEL, variables: { id: 'r1' } }, result: cancel },
      history([run({ state: 'CANCELLED' })]),
    ])

    fireEvent.click(await findByTestId('cancel-sweep'))
    expect(await findByText('Sweep cancelled')).toBeInTheDocument()
    expect(getByTestId('current-run-state')).toHaveTextContent('Cancelled')
  })

  it('should say when starting is not possible, in words', async () => {
    const { findByTestId, findByText } = renderPage([
      latest(null),
      history([]),
      {
        request: { query: START, variables: { scope: {} } },
        result: { errors: [new GraphQLError('NOT_IMPLEMENTED')] },
      },
    ])

    fireEvent.click(await findByTestId('start-sweep-button'))
    expect(await findByText('This is not available yet.')).toBeInTheDocument()
  })
})

describe('given the latest settings saves', () => {
  it('should open a save that applied something, and say when one had nothing to apply', async () => {
    const { navigate } = setRuntime({})
    const { findByTestId, getByText } = renderPage(
      [latest(null), history([])],
      sellersMock,
      saves([
        {
          __typename: 'SettingsSave',
          cacheId: 'settings-2',
          id: 'settings-2',
          at: '2026-11-26T22:05:00.000Z',
          actor: 'admin@marketplacea.example',
          applyJobId: '20261126220500000-a1b2c3d4',
        },
        {
          __typename: 'SettingsSave',
          cacheId: 'settings-1',
          id: 'settings-1',
          at: '2026-11-26T22:00:00.000Z',
          actor: 'admin@marketplacea.example',
          applyJobId: null,
        },
      ])
    )

    const link = await findByTestId('run-link-20261126220500000-a1b2c3d4')

    expect(getByText(/nothing to apply/)).toBeInTheDocument()
    fireEvent.click(link)
    expect(navigate).toHaveBeenCalledWith({
      to: '/admin/app/marketplace-stock-gate/reconciliation/runs/20261126220500000-a1b2c3d4',
    })
  })
})
