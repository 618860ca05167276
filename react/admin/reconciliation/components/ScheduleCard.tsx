import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import { useMutation, useQuery } from 'react-apollo'
import { Button, Checkbox, Input } from 'vtex.styleguide'

import { formatDateTime } from '../../shared/format'
import { useErrorText } from '../../shared/hooks/useErrorText'
import { useToast } from '../../shared/hooks/useToast'
import { statusMessages } from '../../shared/messages'
import type { ExposureStatus } from '../../shared/types'
import { STATUSES } from '../../shared/types'
import SAVE_SCHEDULE from '../graphql/saveSchedule.gql'
import SCHEDULE from '../graphql/schedule.gql'
import { scheduleMessages as m } from '../messages'
import type { Schedule, ScheduleDraft } from '../schedule'
import { draftOf, isPast, scheduleErrors, tickLate } from '../schedule'

/** The schedule's two periods, each a whole number in its own field. */
const PERIODS = [
  {
    field: 'fullEveryHours',
    label: m.fullEvery,
    help: m.fullEveryHelp,
    error: m.fullEveryError,
    testId: 'schedule-full-every',
  },
  {
    field: 'partialEveryMinutes',
    label: m.partialEvery,
    help: m.partialEveryHelp,
    error: m.partialEveryError,
    testId: 'schedule-partial-every',
  },
] as const

/**
 * When sweeps start on their own (today's schedule, when each last started and is next due) and
 * whether vtex.scheduler still calls: a schedule that silently stopped is otherwise seen only as
 * missed sweeps. Changed here instead of through GraphQL alone.
 */
export function ScheduleCard({ now = Date.now }: { now?: () => number }) {
  const intl = useIntl()
  const showToast = useToast()
  const errorText = useErrorText()
  // Polled, so that a page left open says when the scheduler stops calling.
  const { data } = useQuery<{ reconciliationSchedule: Schedule }>(SCHEDULE, {
    fetchPolicy: 'cache-and-network',
    pollInterval: 60_000,
  })

  const [save, saving] = useMutation<{
    saveReconciliationSchedule: Schedule
  }>(SAVE_SCHEDULE)

  const [draft, setDraft] = useState<ScheduleDraft | null>(null)
  const schedule = data?.reconciliationSchedule

  if (!schedule) return null
  const when = (iso: string | null) => formatDateTime(intl, iso)
  const due = (iso: string | null) =>
    isPast(iso, now()) ? intl.formatMessage(m.dueNow) : when(iso)
  const statuses = schedule.partialStatuses
    .map((s) => intl.formatMessage(statusMessages[s]))
    .join(', ')

  const errors = draft ? scheduleErrors(draft) : []
  const onSave = async () => {
    if (!draft || errors.length) return
    try {
      await save({
        variables: {
          input: {
            fullEveryHours: Number(draft.fullEveryHours),
            partialEveryMinutes: Number(draft.partialEveryMinutes),
            partialStatuses: draft.partialStatuses,
          },
        },
      })
      showToast(intl.formatMessage(m.saved))
      setDraft(null)
    } catch (error) {
      showToast(errorText(error as Error))
    }
  }

  const toggle = (status: ExposureStatus) =>
    draft &&
    setDraft({
      ...draft,
      // In the checkboxes' order, whatever order they were ticked in.
      partialStatuses: STATUSES.filter(
        (s) => (s === status) !== draft.partialStatuses.includes(s)
      ),
    })

  return (
    <section
      className="bg-base pa5 br2 ba b--muted-4 mb5"
      data-testid="schedule"
    >
      <h3 className="t-heading-5 mt0">{intl.formatMessage(m.title)}</h3>
      <p className="ma0 mb2" data-testid="schedule-full">
        {schedule.fullEveryHours > 0
          ? intl.formatMessage(m.full, {
              hours: schedule.fullEveryHours,
              last: when(schedule.lastFullAt),
              next: due(schedule.nextFullAt),
            })
          : intl.formatMessage(m.fullOff)}
      </p>
      <p className="ma0 mb2" data-testid="schedule-partial">
        {schedule.partialEveryMinutes > 0
          ? intl.formatMessage(m.partial, {
              statuses,
              minutes: schedule.partialEveryMinutes,
              last: when(schedule.lastPartialAt),
              next: due(schedule.nextPartialAt),
            })
          : intl.formatMessage(m.partialOff)}
      </p>
      <p
        className={`ma0 mb3 ${
          tickLate(schedule, now()) || schedule.lastTickOutcome === 'FAILED'
            ? 'c-warning'
            : ''
        }`}
        data-testid="schedule-tick"
      >
        {schedule.lastTickAt
          ? intl.formatMessage(
              tickLate(schedule, now())
                ? m.tickLate
                : schedule.lastTickOutcome === 'FAILED'
                ? m.tickFailed
                : m.tick,
              { when: when(schedule.lastTickAt) }
            )
          : intl.formatMessage(m.tickNever)}
      </p>
      {!draft && (
        <Button
          size="small"
          variation="secondary"
          onClick={() => setDraft(draftOf(schedule))}
          testId="schedule-edit"
        >
          {intl.formatMessage(m.edit)}
        </Button>
      )}
      {draft && (
        <div data-testid="schedule-form">
          <div className="flex flex-wrap nl2 nr2">
            {PERIODS.map(({ field, label, help, error, testId }) => (
              <div className="w-50 ph2 mb4" key={field}>
                <Input
                  label={intl.formatMessage(label)}
                  value={draft[field]}
                  inputMode="numeric"
                  helpText={intl.formatMessage(help)}
                  errorMessage={
                    errors.includes(field)
                      ? intl.formatMessage(error)
                      : undefined
                  }
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                    setDraft({ ...draft, [field]: e.target.value })
                  }
                  dataAttributes={{ testid: testId }}
                />
              </div>
            ))}
          </div>
          <fieldset className="bn pa0 ma0 mb4">
            <legend className="t-small mb2">
              {intl.formatMessage(m.partialStatuses)}
            </legend>
            <div className="flex flex-wrap">
              {STATUSES.map((status) => (
                <div className="mr4 mb2" key={status}>
                  <Checkbox
                    id={`schedule-status-${status}`}
                    name={`schedule-status-${status}`}
                    label={intl.formatMessage(statusMessages[status])}
                    checked={draft.partialStatuses.includes(status)}
                    onChange={() => toggle(status)}
                    value={status}
                  />
                </div>
              ))}
            </div>
            {errors.includes('partialStatuses') && (
              <p className="c-danger t-small ma0" role="alert">
                {intl.formatMessage(m.partialStatusesError)}
              </p>
            )}
          </fieldset>
          <div className="flex">
            <div className="mr3">
              <Button
                size="small"
                onClick={onSave}
                isLoading={saving.loading}
                disabled={errors.length > 0}
                testId="schedule-save"
              >
                {intl.formatMessage(m.save)}
              </Button>
            </div>
            <Button
              size="small"
              variation="tertiary"
              onClick={() => setDraft(null)}
              testId="schedule-cancel"
            >
              {intl.formatMessage(m.cancel)}
            </Button>
          </div>
        </div>
      )}
    </section>
  )
}
