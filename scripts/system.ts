/**
 * Starts the local system: the VTEX emulator (also the worker's HTTP proxy), the real
 * @vtex/api worker, and the admin harness. Each runs in its own process group so that
 * stopping kills everything it started, children included.
 */
import type { ChildProcess } from 'child_process'
import { spawn } from 'child_process'
import path from 'path'

const root = path.resolve(__dirname, '..')

export interface SystemOptions {
  emulatorPort: number
  servicePort: number
  adminPort: number | null // null: no admin harness
  dataFile?: string | null
  quiet?: boolean
  log?: (line: string) => void
}

export interface System {
  emulatorUrl: string
  serviceUrl: string
  adminUrl: string | null
  stop(): Promise<void>
}

function launch(
  name: string,
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: SystemOptions,
  cwd = root
) {
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })

  const write = opts.log ?? ((line: string) => process.stdout.write(line))

  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => `[${name}] ${l}\n`)
      .join('')

  if (!opts.quiet) {
    child.stdout?.on('data', (c: Buffer) => write(prefix(c)))
    child.stderr?.on('data', (c: Buffer) => write(prefix(c)))
  } else {
    child.stdout?.resume()
    child.stderr?.resume()
  }

  return child
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const started = Date.now()

  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null)
      throw new Error(`${url}: process exited with ${child.exitCode}`)
    try {
      const res = await fetch(url)

      if (res.status < 500) return
    } catch {
      // not up yet
    }

    await new Promise((r) => setTimeout(r, 200))
  }

  throw new Error(`${url} did not come up in ${timeoutMs} ms`)
}

function kill(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, signal)
    } catch {
      // already gone
    }
  }
}

/**
 * What IO does when the app is installed: the `apps` `setup` event, on which the worker
 * registers its tick with vtex.scheduler. A start is an install (a restart, an update).
 */
async function install(emulatorUrl: string, account?: string) {
  const res = await fetch(
    `${emulatorUrl}/_emulator/apps/install${
      account ? `?account=${account}` : ''
    }`,
    { method: 'POST' }
  )

  const body = (await res.json()) as {
    deliveries?: Array<{ handler: string; status: number | string }>
  }

  const failed = (body.deliveries ?? []).filter(
    (d) => typeof d.status !== 'number' || d.status >= 300
  )

  if (!res.ok || failed.length)
    throw new Error(`install event not handled: ${JSON.stringify(body)}`)
}

export async function startSystem(opts: SystemOptions): Promise<System> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { build } = require('../runtime/build.js')
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { workerEnv } = require('../runtime/env.js')

  build({ quiet: true })

  const emulatorUrl = `http://127.0.0.1:${opts.emulatorPort}`
  const serviceUrl = `http://127.0.0.1:${opts.servicePort}`
  const children: ChildProcess[] = []
  const stop = async () => {
    children.forEach((c) => kill(c, 'SIGINT'))
    await new Promise((r) => setTimeout(r, 300))
    children.forEach((c) => kill(c, 'SIGKILL'))
  }

  try {
    const tsx = path.join(root, 'node_modules', '.bin', 'tsx')
    const emulatorArgs = [
      'emulator/main.ts',
      '--port',
      String(opts.emulatorPort),
      '--service-url',
      serviceUrl,
      // A second account with the same catalog ids and other stock: one worker serves both.
      '--second-account',
    ]

    if (opts.dataFile) emulatorArgs.push('--data', opts.dataFile)
    const emulator = launch('emulator', tsx, emulatorArgs, {}, opts)

    children.push(emulator)
    await waitFor(`${emulatorUrl}/_emulator/health`, emulator)

    const worker = launch(
      'worker',
      process.execPath,
      ['runtime/start-worker.js'],
      workerEnv({ emulatorUrl, port: opts.servicePort }),
      opts
    )

    children.push(worker)
    await waitFor(`${serviceUrl}/healthcheck`, worker)
    await install(emulatorUrl)
    await install(emulatorUrl, 'othermarket')

    let adminUrl: string | null = null

    if (opts.adminPort !== null) {
      adminUrl = `http://127.0.0.1:${opts.adminPort}`
      const admin = launch(
        'admin',
        process.execPath,
        [
          path.join(root, 'harness', 'node_modules', 'vite', 'bin', 'vite.js'),
          '--host',
          '127.0.0.1',
          '--port',
          String(opts.adminPort),
          '--strictPort',
        ],
        {
          SERVICE_PORT: String(opts.servicePort),
          EMULATOR_PORT: String(opts.emulatorPort),
          ADMIN_PORT: String(opts.adminPort),
        },
        opts,
        path.join(root, 'harness')
      )

      children.push(admin)
      await waitFor(adminUrl, admin)
    }

    return { emulatorUrl, serviceUrl, adminUrl, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
