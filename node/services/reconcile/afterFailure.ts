import type { RunDoc } from './types'

/** How long a run may wait for VTEX before it fails and leaves the next scheduled sweep to it. */
export const MAX_WAIT_MS = 2 * 60 * 60 * 1000
/** Failures that are not VTEX being down, resumed a few times at most. */
const MAX_RESUMES = 5

/** A 4xx (other than 408 and 429, which upstream() reports as transient) fails the same way again. */
const isPermanent = (code: string) =>
  /^UPSTREAM_HTTP_4\d\d$/.test(code) && code !== 'UPSTREAM_HTTP_408'

const isWaitable = (code: string) =>
  code === 'UPSTREAM_UNAVAILABLE' ||
  code === 'UPSTREAM_TIMEOUT' ||
  code === 'UPSTREAM_RATE_LIMITED' ||
  code === 'CIRCUIT_OPEN'

/** 5, 10, 20 then every 30 s: the run resumes within half a minute of VTEX answering again. */
export const retryDelayMs = (attempt: number) =>
  Math.min(30_000, 5_000 * 2 ** Math.max(0, attempt - 1))

/**
 * What a failed step leaves: a run that cannot make progress (a refused query, an input VTEX
 * rejects) fails at once with its reason instead of holding the account's only sweep slot; one
 * that waits for VTEX says for which API and until when; anything else is resumed a few times.
 */
export function afterFailure(
  run: RunDoc,
  code: string,
  api: string | null,
  now: Date
): { run: RunDoc; state: RunDoc['state'] | undefined } {
  if (isPermanent(code)) {
    return {
      run: { ...run, waiting: null, failure: { code, api } },
      state: 'FAILED',
    }
  }

  if (isWaitable(code)) {
    const since = run.waiting?.since ?? now.toISOString()
    const attempts = (run.waiting?.attempts ?? 0) + 1

    if (now.getTime() - Date.parse(since) > MAX_WAIT_MS) {
      return {
        run: { ...run, waiting: null, failure: { code, api } },
        state: 'FAILED',
      }
    }

    return {
      run: {
        ...run,
        resumes: run.resumes + 1,
        waiting: {
          code,
          api,
          since,
          attempts,
          nextAttemptAt: new Date(
            now.getTime() + retryDelayMs(attempts)
          ).toISOString(),
        },
      },
      state: undefined,
    }
  }

  const resumes = run.resumes + 1

  return resumes > MAX_RESUMES
    ? {
        run: { ...run, resumes, waiting: null, failure: { code, api } },
        state: 'FAILED',
      }
    : { run: { ...run, resumes, waiting: null }, state: undefined }
}
