import { AsyncLocalStorage } from 'async_hooks'

import type { Priority, UpstreamApi } from './budget'
import { acquireBudget, bucketFor } from './budget'
import { MAX_ATTEMPT_MS, timeLeft } from './deadline'
import { slot } from '../memory/tenantMemory'
import type { TenantMemory } from '../memory/tenantMemory'

/**
 * Every upstream call goes through `upstreamFor(account)` (the account's memory): it spends the account's API budget, waits at least
 * `Retry-After` on a 429, backs off with jitter on 5xx, timeouts and resets, and stops
 * hammering an API that keeps failing (a circuit that opens, then lets one probe through).
 */

export class UpstreamError extends Error {
  constructor(
    public readonly code:
      | 'UPSTREAM_RATE_LIMITED'
      | 'UPSTREAM_UNAVAILABLE'
      | 'UPSTREAM_TIMEOUT'
      | 'CIRCUIT_OPEN',
    public readonly api: UpstreamApi,
    public readonly status: number | null,
    message: string
  ) {
    super(message)
  }
}

export interface RetryPolicy {
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** Longest Retry-After we sleep through inside one call; longer ones fail the call (it is retried later). */
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 100,
  maxDelayMs: 2000,
  maxRetryAfterMs: 10000,
}

const priorityStore = new AsyncLocalStorage<Priority>()

/** Run `fn` with every upstream call inside it at the given budget priority (sweeps use LOW). */
export function withPriority<T>(
  priority: Priority,
  fn: () => Promise<T>
): Promise<T> {
  return priorityStore.run(priority, fn)
}

interface Circuit {
  failures: number
  openUntil: number
  probing: boolean
}

/**
 * Per account and API: an upstream can fail for one account (its own limits, its own data) and
 * not for another. Safe to lose: a dropped account's circuits start closed, and reopen after
 * as many failures as before.
 */
const CIRCUITS = slot('circuits', () => new Map<UpstreamApi, Circuit>())
const CIRCUIT_THRESHOLD = 8
const CIRCUIT_COOLDOWN_MS = 5000

function circuitOf(account: TenantMemory, api: UpstreamApi): Circuit {
  const own = account.get(CIRCUITS)
  let circuit = own.get(api)

  if (!circuit) {
    circuit = { failures: 0, openUntil: 0, probing: false }
    own.set(api, circuit)
  }

  return circuit
}

function statusOf(error: unknown): number | null {
  const status = (error as { response?: { status?: number } })?.response?.status

  return typeof status === 'number' ? status : null
}

function retryAfterMs(error: unknown): number | null {
  const headers = (error as { response?: { headers?: Record<string, string> } })
    ?.response?.headers

  const value = headers?.['retry-after']

  if (value == null) return null
  const seconds = Number(value)

  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)

  return Number.isNaN(date) ? null : Math.max(0, date - Date.now())
}

function isTransient(error: unknown): boolean {
  const status = statusOf(error)

  if (status !== null) return status >= 500 || status === 423 || status === 408
  const code = (error as { code?: string })?.code

  return [
    'ECONNRESET',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'ECONNREFUSED',
    'ESOCKETTIMEDOUT',
  ].includes(code ?? '')
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Inside a request, another try must fit before its deadline: the wait and a whole attempt. */
const roomForAnother = (waitMs: number) => timeLeft() > waitMs + MAX_ATTEMPT_MS

export type Upstream = <T>(
  api: UpstreamApi,
  fn: () => Promise<T>,
  policy?: RetryPolicy
) => Promise<T>

/** The upstream calls of one account, kept in its memory (see clients/memory.ts). */
export function upstreamFor(account: TenantMemory): Upstream {
  return (api, fn, policy) => upstream(account, api, fn, policy)
}

async function upstream<T>(
  account: TenantMemory,
  api: UpstreamApi,
  fn: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY
): Promise<T> {
  const circuit = circuitOf(account, api)
  const priority = priorityStore.getStore() ?? 'HIGH'

  for (let attempt = 1; ; attempt++) {
    const now = Date.now()

    if (circuit.openUntil > now) {
      if (circuit.probing) {
        throw new UpstreamError(
          'CIRCUIT_OPEN',
          api,
          null,
          `${api} circuit open`
        )
      }

      circuit.probing = true
    }

    await acquireBudget(account, api, priority)
    try {
      const result = await fn()

      circuit.failures = 0
      circuit.openUntil = 0
      circuit.probing = false

      return result
    } catch (error) {
      const status = statusOf(error)

      circuit.probing = false
      if (status === 429) {
        const wait = retryAfterMs(error) ?? policy.baseDelayMs * 2 ** attempt

        // The account's whole API waits, not only this caller (and not other accounts).
        bucketFor(account, api).pause(Date.now() + wait)
        if (
          attempt >= policy.attempts ||
          wait > policy.maxRetryAfterMs ||
          !roomForAnother(wait)
        ) {
          throw new UpstreamError(
            'UPSTREAM_RATE_LIMITED',
            api,
            429,
            `${api} rate limited`
          )
        }

        await sleep(wait)
        continue
      }

      if (!isTransient(error)) throw error
      circuit.failures += 1
      if (circuit.failures >= CIRCUIT_THRESHOLD)
        circuit.openUntil = Date.now() + CIRCUIT_COOLDOWN_MS
      const backoff = Math.min(
        policy.maxDelayMs,
        policy.baseDelayMs * 2 ** (attempt - 1)
      )

      if (
        attempt >= policy.attempts ||
        circuit.openUntil > Date.now() ||
        !roomForAnother(backoff)
      ) {
        const timeout = status === null

        throw new UpstreamError(
          timeout ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE',
          api,
          status,
          `${api} ${status ?? (error as { code?: string }).code ?? 'error'}`
        )
      }

      await sleep(backoff / 2 + Math.random() * backoff)
    }
  }
}

/** A stable code for any failure of an upstream call, for decisions, logs and run reports. */
export function upstreamCode(error: unknown): string {
  if (error instanceof UpstreamError) return error.code
  const status = statusOf(error)

  if (status === 429) return 'UPSTREAM_RATE_LIMITED'
  if (status !== null && status >= 500) return 'UPSTREAM_UNAVAILABLE'
  if (status !== null) return `UPSTREAM_HTTP_${status}`
  if (isTransient(error)) return 'UPSTREAM_TIMEOUT'

  return 'UNEXPECTED_ERROR'
}
