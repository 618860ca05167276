import type { ChildProcess } from 'child_process'
import { spawn } from 'child_process'
import net from 'net'
import path from 'path'

const root = path.resolve(__dirname, '..', '..')

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()

    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo

      server.close(() => resolve(port))
    })
  })
}

let built = false

/** Compiles node/ into .run/ once per test process (the layout the @vtex/api runtime loads). */
export function buildOnce() {
  if (built || process.env.MSG_RUN_BUILT) return
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  require('../../runtime/build.js').build({ quiet: true })
  built = true
}

export interface Worker {
  url: string
  port: number
  /** The app token the emulator issued: what IO's router sends the worker as x-vtex-credential. */
  appToken: string
  logs: string[]
  child: ChildProcess
  stop(): Promise<void>
  /** SIGKILL, as a crash would. */
  kill(): void
}

export interface WorkerOptions {
  /**
   * A cgroup (v1 memory controller) directory the worker runs in from its first instruction, so
   * Node sizes its heap for the cgroup's limit as it does in an IO container.
   */
  cgroup?: string
}

/** Starts one real @vtex/api worker process against the emulator (its HTTP proxy). */
export async function startWorker(
  emulatorUrl: string,
  port?: number,
  extraEnv: NodeJS.ProcessEnv = {},
  options: WorkerOptions = {}
): Promise<Worker> {
  buildOnce()
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { workerEnv } = require('../../runtime/env.js')
  const workerPort = port ?? (await freePort())
  const command = [
    process.execPath,
    path.join(root, 'runtime', 'start-worker.js'),
  ]

  const child = spawn(
    options.cgroup ? 'sh' : command[0],
    options.cgroup
      ? // The shell joins the cgroup, then becomes the worker (same pid).
        [
          '-c',
          'echo $$ > "$0/cgroup.procs" && exec "$@"',
          options.cgroup,
          ...command,
        ]
      : command.slice(1),
    {
      cwd: root,
      env: {
        ...process.env,
        ...workerEnv({ emulatorUrl, port: workerPort }),
        ...extraEnv,
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  )

  const logs: string[] = []
  const collect = (chunk: Buffer) =>
    logs.push(...chunk.toString().split('\n').filter(Boolean))

  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const url = `http://127.0.0.1:${workerPort}`
  const started = Date.now()

  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`worker exited: ${logs.slice(-20).join('\n')}`)
    try {
      const res = await fetch(`${url}/healthcheck`)

      if (res.ok) break
    } catch {
      // not up yet
    }

    if (Date.now() - started > 30_000)
      throw new Error('worker did not start in 30 s')
    await new Promise((r) => setTimeout(r, 100))
  }

  const appToken = await appTokenOf(emulatorUrl)
  const signal = (sig: NodeJS.Signals) => {
    try {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, sig)
    } catch {
      // gone
    }
  }

  return {
    url,
    port: workerPort,
    appToken,
    logs,
    child,
    kill: () => signal('SIGKILL'),
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))

      signal('SIGINT')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))])
      signal('SIGKILL')
    },
  }
}

export const ACCOUNT = 'marketplacea'

/** The app token of the emulator at `emulatorUrl` (GET /_emulator/app-token), of `account` if given. */
export async function appTokenOf(
  emulatorUrl: string,
  account?: string
): Promise<string> {
  const res = await fetch(
    `${emulatorUrl}/_emulator/app-token${account ? `?account=${account}` : ''}`
  )

  const { token } = (await res.json()) as { token: string }

  return token
}

/**
 * The headers IO's router adds to a request it forwards to the app: the app's own token as
 * x-vtex-credential, and the user's token (if any) as VtexIdclientAutCookie.
 */
export const routerHeaders = (
  worker: Pick<Worker, 'appToken'>,
  token?: string,
  workspace = 'master'
) => ({
  'x-vtex-account': ACCOUNT,
  'x-vtex-workspace': workspace,
  'x-vtex-credential': worker.appToken,
  'content-type': 'application/json',
  ...(token ? { VtexIdclientAutCookie: token } : {}),
})

/** A GraphQL call as the admin (or as `token`, or anonymous with token null), in `workspace`. */
export async function graphql<T = Record<string, unknown>>(
  worker: Pick<Worker, 'url' | 'appToken'>,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = 'demo-admin-token',
  workspace = 'master'
): Promise<{
  data: T | null
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>
}> {
  const res = await fetch(`${worker.url}/${ACCOUNT}/${workspace}/_v/graphql`, {
    method: 'POST',
    headers: routerHeaders(worker, token ?? undefined, workspace),
    body: JSON.stringify({ query, variables }),
  })

  return res.json() as Promise<{
    data: T | null
    errors?: Array<{ message: string }>
  }>
}

/** Delivers a broadcaster event to a worker the way IO does. */
export async function sendEvent(
  worker: Pick<Worker, 'url' | 'appToken'>,
  body: unknown,
  raw = false,
  workspace = 'master'
) {
  return fetch(`${worker.url}/${ACCOUNT}/${workspace}/_events`, {
    method: 'POST',
    headers: {
      ...routerHeaders(worker, undefined, workspace),
      'x-event-handler-id': 'broadcasterNotification',
      'x-event-key': 'broadcaster.notification',
      'x-event-sender': 'vtex.broadcaster@0.10.2',
    },
    body: raw ? (body as string) : JSON.stringify(body),
  })
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000
) {
  const started = Date.now()

  for (;;) {
    const value = await probe()

    if (value) return value
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
