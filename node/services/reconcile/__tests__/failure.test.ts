import { afterFailure, MAX_WAIT_MS, retryDelayMs } from '../afterFailure'
import type { RunDoc } from '../types'

const run = (partial: Partial<RunDoc> = {}): RunDoc => ({
  id: '20261202120000000-abcdef',
  state: 'RUNNING',
  scope: {},
  trigger: 'ADMIN',
  startedBy: null,
  createdAt: '2026-12-02T12:00:00.000Z',
  startedAt: '2026-12-02T12:00:00.000Z',
  finishedAt: null,
  activeMs: 0,
  done: 0,
  total: 0,
  chunks: 0,
  driftFound: 0,
  driftFixed: 0,
  errors: {},
  calls: {},
  cursor: { phase: 'COLLECT', page: 0, chunks: 0, collected: 0 },
  cancelRequested: false,
  resumes: 0,
  owner: null,
  ...partial,
})

const now = new Date('2026-12-02T12:00:10.000Z')

describe('after a failed sweep step', () => {
  it.each(['UPSTREAM_HTTP_400', 'UPSTREAM_HTTP_403', 'UPSTREAM_HTTP_404'])(
    'a %s fails the run at once: the same query would fail again',
    (code) => {
      expect(afterFailure(run(), code, 'storage', now)).toEqual({
        run: expect.objectContaining({
          failure: { code, api: 'storage' },
          waiting: null,
        }),
        state: 'FAILED',
      })
    }
  )

  it.each([
    'UPSTREAM_UNAVAILABLE',
    'UPSTREAM_TIMEOUT',
    'UPSTREAM_RATE_LIMITED',
    'CIRCUIT_OPEN',
  ])('a %s waits for the API and says until when', (code) => {
    const next = afterFailure(run(), code, 'catalog', now)

    expect(next.state).toBeUndefined()
    expect(next.run.waiting).toEqual({
      code,
      api: 'catalog',
      since: now.toISOString(),
      attempts: 1,
      nextAttemptAt: new Date(now.getTime() + 5_000).toISOString(),
    })
  })

  it('keeps waiting past five attempts, from the first failure on, and steps up to 30 s', () => {
    let current = run()

    for (let i = 0; i < 8; i++) {
      current = afterFailure(
        current,
        'UPSTREAM_UNAVAILABLE',
        'catalog',
        now
      ).run
    }

    expect(current.waiting).toMatchObject({ attempts: 8 })
    expect(current.state).toBe('RUNNING')
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([
      5_000, 10_000, 20_000, 30_000, 30_000,
    ])
  })

  it('fails a run that waited longer than the bound, leaving it to the next scheduled sweep', () => {
    const since = new Date(now.getTime() - MAX_WAIT_MS - 1).toISOString()
    const waiting = run({
      waiting: {
        code: 'UPSTREAM_UNAVAILABLE',
        api: 'catalog',
        since,
        attempts: 200,
        nextAttemptAt: since,
      },
    })

    expect(
      afterFailure(waiting, 'UPSTREAM_UNAVAILABLE', 'catalog', now)
    ).toMatchObject({
      state: 'FAILED',
      run: { failure: { code: 'UPSTREAM_UNAVAILABLE', api: 'catalog' } },
    })
  })

  it('resumes any other failure five times, then fails it', () => {
    expect(
      afterFailure(run({ resumes: 4 }), 'UNEXPECTED_ERROR', null, now).state
    ).toBeUndefined()
    expect(
      afterFailure(run({ resumes: 5 }), 'UNEXPECTED_ERROR', null, now)
    ).toMatchObject({
      state: 'FAILED',
      run: { failure: { code: 'UNEXPECTED_ERROR', api: null } },
    })
  })
})
