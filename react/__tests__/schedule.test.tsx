import React from 'react'
import { render } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'
import { fireEvent, wait } from '@testing-library/react'

import { ScheduleCard } from '../admin/reconciliation/components/ScheduleCard'
import SAVE_SCHEDULE from '../admin/reconciliation/graphql/saveSchedule.gql'
import SCHEDULE from '../admin/reconciliation/graphql/schedule.gql'

const NOW = Date.parse('2026-12-03T12:00:00.000Z')

const schedule = (partial: Record<string, unknown> = {}) => ({
  __typename: 'ReconciliationSchedule',
  cacheId: 'reconciliation-schedule',
  fullEveryHours: 24,
  partialEveryMinutes: 60,
  partialStatuses: ['ERROR', 'PENDING'],
  lastFullAt: '2026-12-03T01:00:00.000Z',
  lastPartialAt: '2026-12-03T11:00:00.000Z',
  nextFullAt: '2026-12-04T01:00:00.000Z',
  nextPartialAt: '2026-12-03T12:00:00.000Z',
  lastTickAt: '2026-12-03T11:55:00.000Z',
  lastTickOutcome: 'IDLE',
  ...partial,
})

const query = (value: unknown): MockedResponse => ({
  request: { query: SCHEDULE },
  result: { data: { reconciliationSchedule: value } },
})

const renderCard = (mocks: MockedResponse[]) =>
  render(<ScheduleCard now={() => NOW} />, {
    graphql: { mocks, addTypename: true },
  })

describe('given the schedule card on the Reconciliation page', () => {
  it('should say each sweep’s period, last start and next due time, and the scheduler’s last call', async () => {
    const { findByTestId, getByTestId } = renderCard([query(schedule())])

    expect(await findByTestId('schedule-full')).toHaveTextContent(
      /Full sweep every 24 h · last started .*Dec.* · next due from .*Dec/
    )
    expect(getByTestId('schedule-partial')).toHaveTextContent(
      'Partial sweep of Error, Pending every 60 min'
    )
    expect(getByTestId('schedule-tick')).toHaveTextContent(
      'Last call from vtex.scheduler'
    )
    expect(getByTestId('schedule-tick')).not.toHaveClass('c-warning')
  })

  it('should warn when the scheduler stopped calling, and say when it never did', async () => {
    const late = renderCard([
      query(schedule({ lastTickAt: '2026-12-03T11:00:00.000Z' })),
    ])

    expect(await late.findByTestId('schedule-tick')).toHaveTextContent(
      'more than 30 minutes: scheduled sweeps are not starting'
    )
    expect(late.getByTestId('schedule-tick')).toHaveClass('c-warning')
    late.unmount()

    const never = renderCard([query(schedule({ lastTickAt: null }))])

    expect(await never.findByTestId('schedule-tick')).toHaveTextContent(
      'No call from vtex.scheduler yet'
    )
  })

  it('should warn when the last call reached the app but its tick failed', async () => {
    const { findByTestId } = renderCard([
      query(schedule({ lastTickOutcome: 'FAILED' })),
    ])

    const line = await findByTestId('schedule-tick')

    expect(line).toHaveTextContent(
      'failed: scheduled sweeps may not be starting'
    )
    expect(line).toHaveClass('c-warning')
  })

  it('should say a sweep already due is due now, not at a past time', async () => {
    const { findByTestId } = renderCard([
      query(schedule({ nextPartialAt: '2026-12-03T11:30:00.000Z' })),
    ])

    expect(await findByTestId('schedule-partial')).toHaveTextContent(
      'next due from now'
    )
  })

  it('should say a sweep turned off is off', async () => {
    const { findByTestId } = renderCard([
      query(schedule({ partialEveryMinutes: 0, nextPartialAt: null })),
    ])

    expect(await findByTestId('schedule-partial')).toHaveTextContent(
      'Partial sweep: off'
    )
  })

  it('should refuse out-of-range values before saving, then save the schedule it was given', async () => {
    const saved = schedule({ fullEveryHours: 12, partialStatuses: ['ERROR'] })
    let sent: unknown = null
    const { findByTestId, getByTestId, getByLabelText, queryByTestId } =
      renderCard([
        query(schedule()),
        {
          request: {
            query: SAVE_SCHEDULE,
            variables: {
              input: {
                fullEveryHours: 12,
                partialEveryMinutes: 60,
                partialStatuses: ['ERROR'],
              },
            },
          },
          result: () => {
            sent = true

            return { data: { saveReconciliationSchedule: saved } }
          },
        },
      ])

    fireEvent.click(await findByTestId('schedule-edit'))
    const full = getByTestId('schedule-full-every')

    fireEvent.change(full, { target: { value: '800' } })
    expect(getByTestId('schedule-form')).toHaveTextContent(
      'A whole number of hours from 0 to 720'
    )
    expect(getByTestId('schedule-save')).toBeDisabled()
    fireEvent.change(full, { target: { value: '12' } })
    fireEvent.click(getByLabelText('Pending'))
    fireEvent.click(getByTestId('schedule-save'))
    await wait(() => expect(sent).toBe(true))
    await wait(() => expect(queryByTestId('schedule-form')).toBeNull())
    expect(await findByTestId('schedule-full')).toHaveTextContent(
      'Full sweep every 12 h'
    )
  })
  it('should keep the statuses in the checkboxes’ order, whatever order they are ticked in', async () => {
    let sent: unknown = null
    const { findByTestId, getByTestId, getByLabelText } = renderCard([
      query(schedule()),
      {
        request: {
          query: SAVE_SCHEDULE,
          variables: {
            input: {
              fullEveryHours: 24,
              partialEveryMinutes: 60,
              partialStatuses: ['WITHHELD', 'PENDING', 'ERROR'],
            },
          },
        },
        result: () => {
          sent = true

          return {
            data: {
              saveReconciliationSchedule: schedule({
                partialStatuses: ['WITHHELD', 'PENDING', 'ERROR'],
              }),
            },
          }
        },
      },
    ])

    fireEvent.click(await findByTestId('schedule-edit'))
    fireEvent.click(getByLabelText('Withheld'))
    fireEvent.click(getByTestId('schedule-save'))
    await wait(() => expect(sent).toBe(true))
  })
})
