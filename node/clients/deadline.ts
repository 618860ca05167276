import { AsyncLocalStorage } from 'async_hooks'

/**
 * IO's router cuts a request to the app past service.json's `timeout` (10 s), so the upstream
 * calls made while a request waits must give up before that, with an error the caller can
 * show, instead of retrying past it. A deadline holds only while the request is open: work the
 * request starts in the background (a job, a sweep, an evaluation's retry) inherits this context
 * but runs with no deadline once the request has answered.
 */
interface Deadline {
  until: number
}

const store = new AsyncLocalStorage<Deadline>()

/** What a request may spend on upstream calls: service.json's timeout less a margin to answer. */
export const REQUEST_BUDGET_MS = 8_000
/** One upstream call's longest wait: the clients' timeout (node/index.ts). */
export const MAX_ATTEMPT_MS = 4_000

export async function withDeadline<T>(
  ms: number,
  fn: () => Promise<T> | T
): Promise<T> {
  const outer = store.getStore()
  const deadline = {
    until: Math.min(outer?.until ?? Infinity, Date.now() + ms),
  }

  try {
    return await store.run(deadline, fn)
  } finally {
    // Answered: what it started goes on unbounded.
    deadline.until = Infinity
  }
}

/** Milliseconds left before the current request's deadline (Infinity outside a request). */
export function timeLeft(): number {
  const deadline = store.getStore()

  return deadline ? deadline.until - Date.now() : Infinity
}
