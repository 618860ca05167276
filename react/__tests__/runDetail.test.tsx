import React from 'react'
import { render } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'
import { fireEvent, wait } from '@testing-library/react'

import { blobText, spyDownloads } from '../__fixtures__/downloads'
import { setRuntime } from '../__fixtures__/runtime'
import { GGL, MKB, sellersMock } from '../__fixtures__'
import { RunHistory } from '../admin/reconciliation/components/RunHistory'
import { RunDetailPage } from '../admin/runDetail/components/RunDetailPage'
import { findingsCsv } from '../admin/runDetail/findingsCsv'
import APPLY_DETAIL from '../admin/runDetail/graphql/applyDetail.gql'
import RUN_DETAIL from '../admin/runDetail/graphql/runDetail.gql'
import RUN_FINDINGS from '../admin/runDetail/graphql/runFindings.gql'
import CHANNELS from '../admin/shared/graphql/channels.gql'

const RUN_ID = '20261126220000000-a1b2c3'

const run = {
  __typename: 'ReconciliationRun',
  cacheId: RUN_ID,
  id: RUN_ID,
  state: 'DONE',
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
  trigger: 'ADMIN',
  startedBy: 'admin@marketplacea.example',
  createdAt: '2026-11-26T22:00:00.000Z',
  startedAt: '2026-11-26T22:00:00.000Z',
  finishedAt: '2026-11-26T22:01:30.000Z',
  done: 200,
  total: 200,
  rate: null,
  eta: null,
  driftFound: 3,
  driftFixed: 1,
  errors: [],
  waiting: null,
  failure: null,
  activeSeconds: 84.5,
  calls: [
    { __typename: 'ApiCallCount', api: 'catalog', count: 412 },
    { __typename: 'ApiCallCount', api: 'storage', count: 37 },
  ],
}

const finding = (partial: Record<string, unknown>) => ({
  __typename: 'RunFinding',
  at: '2026-11-26T22:00:10.000Z',
  skuId: null,
  productId: null,
  channel: 'MKB',
  fromStatus: null,
  toStatus: null,
  reasons: [],
  change: null,
  tradePolicy: null,
  code: null,
  ...partial,
  cacheId: partial.id,
})

const drifted = finding({
  id: 'f1',
  kind: 'DRIFTED',
  skuId: '7',
  productId: '3',
  fromStatus: 'EXPOSED',
  toStatus: 'WITHHELD',
  reasons: ['NO_MARKETPLACE_STOCK'],
})

const written = finding({
  id: 'f2',
  kind: 'WRITTEN',
  skuId: '7',
  productId: '3',
  change: 'DISSOCIATE',
  tradePolicy: '2',
})

const failed = finding({
  id: 'f3',
  kind: 'FAILED',
  skuId: '9',
  productId: '4',
  change: 'DISSOCIATE',
  tradePolicy: '2',
  code: 'UPSTREAM_UNAVAILABLE',
})

const JOB_ID = '20261126220000000-a1b2c3d4'

const detailMock = (reconciliation: unknown): MockedResponse => ({
  request: { query: RUN_DETAIL, variables: { id: RUN_ID } },
  result: { data: { reconciliation } },
})

const applyMock = (job: unknown): MockedResponse => ({
  request: { query: APPLY_DETAIL, variables: { id: JOB_ID } },
  result: { data: { job } },
})

const findingsMock = (
  { runId = RUN_ID, ...variables }: Record<string, unknown>,
  items: unknown[],
  total = items.length
): MockedResponse => ({
  request: {
    query: RUN_FINDINGS,
    variables: { runId, page: 1, pageSize: 50, ...variables },
  },
  result: {
    data: {
      runFindings: {
        __typename: 'RunFindingPage',
        items,
        page: variables.page ?? 1,
        pageSize: variables.pageSize ?? 50,
        total,
      },
    },
  },
})

const channels: MockedResponse = {
  request: { query: CHANNELS },
  result: { data: { channels: [MKB, GGL] } },
}

const renderPage = (mocks: MockedResponse[]) =>
  render(<RunDetailPage />, {
    graphql: { mocks: [channels, sellersMock, ...mocks], addTypename: true },
  })

const onRun = (runId = RUN_ID) =>
  setRuntime({
    route: {
      id: 'admin.app.marketplace-stock-gate.run',
      path: '/x',
      params: { runId },
    },
  })

describe('given the detail of a sweep', () => {
  beforeEach(() => onRun())

  describe('when it found 2 changes and a refused write', () => {
    it('should show its duration, its calls by API, and each finding in words', async () => {
      const { findByTestId, getByTestId } = renderPage([
        detailMock(run),
        findingsMock({}, [drifted, written, failed]),
      ])

      expect(await findByTestId('run-duration')).toHaveTextContent(
        '90 s (84.5 s processing, across resumes)'
      )
      expect(getByTestId('run-calls')).toHaveTextContent(
        'catalog: 412 · storage: 37'
      )
      expect(await findByTestId('finding-f1')).toHaveTextContent(
        'Exposed → Withheld'
      )
      expect(getByTestId('finding-f2')).toHaveTextContent(
        'Taken off trade policy 2'
      )
      // The reason in words, never the code.
      expect(getByTestId('finding-f3')).toHaveTextContent(
        'Could not take it off trade policy 2: VTEX API unavailable (5xx). Tried again later.'
      )
      expect(getByTestId('finding-f3')).not.toHaveTextContent(
        'UPSTREAM_UNAVAILABLE'
      )
      expect(getByTestId('findings-total')).toHaveTextContent('3 findings')
    })
  })

  describe('when the operator filters by kind, then pages', () => {
    it('should ask for that kind only, and for the next page', async () => {
      const many = Array.from({ length: 50 }, (_, i) =>
        finding({ id: `d${i}`, kind: 'DRIFTED', skuId: String(i) })
      )

      const { findByTestId, getByTestId, getByText } = renderPage([
        detailMock(run),
        findingsMock({}, [drifted, written, failed]),
        findingsMock({ kind: 'DRIFTED' }, many, 51),
        findingsMock(
          { kind: 'DRIFTED', page: 2 },
          [finding({ id: 'd50', kind: 'DRIFTED', skuId: '50' })],
          51
        ),
      ])

      await findByTestId('finding-f3')
      const kind = getByTestId('findings-kind').querySelector('select')

      fireEvent.change(kind as HTMLSelectElement, {
        target: { value: 'DRIFTED' },
      })
      expect(await findByTestId('finding-d0')).toBeInTheDocument()
      expect(getByTestId('findings-total')).toHaveTextContent('51 findings')
      fireEvent.click(getByText('Next'))
      expect(await findByTestId('finding-d50')).toBeInTheDocument()
    })
  })

  describe('when the operator exports the filtered findings', () => {
    it('should download every matching finding as codes', async () => {
      const { createObjectURL } = spyDownloads()
      const { findByTestId, getByTestId } = renderPage([
        detailMock(run),
        findingsMock({}, [drifted, written, failed]),
        findingsMock({ kind: 'FAILED' }, [failed]),
        findingsMock({ kind: 'FAILED', pageSize: 100 }, [failed]),
      ])

      await findByTestId('finding-f3')
      fireEvent.change(
        getByTestId('findings-kind').querySelector('select') as HTMLElement,
        { target: { value: 'FAILED' } }
      )
      await wait(() =>
        expect(getByTestId('findings-total')).toHaveTextContent('1 finding')
      )
      fireEvent.click(getByTestId('findings-export'))
      await wait(() => expect(createObjectURL).toHaveBeenCalled())
      const text = await blobText(createObjectURL.mock.calls[0][0])

      expect(text).toBe(
        'runId,at,kind,skuId,productId,channel,fromStatus,toStatus,reasons,change,tradePolicy,code\r\n' +
          `${RUN_ID},2026-11-26T22:00:10.000Z,FAILED,9,4,MKB,,,,DISSOCIATE,2,UPSTREAM_UNAVAILABLE\r\n`
      )
    })
  })

  describe("when the run's document is not kept any more", () => {
    it('should say so, and still list what the audit trail keeps of it', async () => {
      const { findByTestId } = renderPage([
        detailMock(null),
        findingsMock({}, [written]),
      ])

      expect(await findByTestId('run-not-found')).toBeInTheDocument()
      expect(await findByTestId('finding-f2')).toHaveTextContent(
        'Taken off trade policy 2'
      )
    })
  })
})

describe("given the detail of a settings save's apply", () => {
  beforeEach(() => onRun(JOB_ID))

  it('should show the job as a run: its counts and its calls', async () => {
    const job = {
      __typename: 'Job',
      cacheId: `job-${JOB_ID}`,
      id: JOB_ID,
      kind: 'SETTINGS_APPLY',
      status: 'DONE',
      error: null,
      createdAt: '2026-11-26T22:00:00.000Z',
      finishedAt: '2026-11-26T22:00:04.000Z',
      result: {
        __typename: 'JobResult',
        applied: {
          __typename: 'SettingsApplyResult',
          decidedAgain: 12,
          failed: 1,
          calls: [{ __typename: 'ApiCallCount', api: 'catalog', count: 5 }],
        },
      },
    }

    const { findByTestId, getByTestId } = renderPage([
      // A job's id: only the job is asked for (reconciliation refuses an id that is no run's).
      applyMock(job),
      findingsMock({ runId: JOB_ID }, [written]),
    ])

    expect(await findByTestId('run-summary')).toHaveTextContent(
      'SKUs decided again12'
    )
    expect(getByTestId('run-duration')).toHaveTextContent('4 s')
    expect(getByTestId('run-calls')).toHaveTextContent('catalog: 5')
    expect(await findByTestId('finding-f2')).toHaveTextContent(
      'Taken off trade policy 2'
    )
  })
})

describe('given CSV cells that a spreadsheet would run', () => {
  it('should neutralise them', () => {
    const csv = findingsCsv(RUN_ID, [
      { ...failed, code: '=HYPERLINK("x")' } as never,
    ])

    expect(csv).toContain(`"'=HYPERLINK(""x"")"`)
  })
})

describe('given the history of runs', () => {
  it('should open a run with a link to its own address', () => {
    const { navigate } = setRuntime({})
    const { getByTestId } = render(
      <RunHistory
        runs={[run as never]}
        total={1}
        page={1}
        pageSize={20}
        loading={false}
        onRetry={() => undefined}
        onPage={() => undefined}
      />
    )

    const link = getByTestId(`run-link-${RUN_ID}`)

    expect(link).toHaveAttribute(
      'href',
      `/admin/app/marketplace-stock-gate/reconciliation/runs/${RUN_ID}`
    )
    fireEvent.click(link)
    expect(navigate).toHaveBeenCalledWith({
      to: `/admin/app/marketplace-stock-gate/reconciliation/runs/${RUN_ID}`,
    })
  })
})
