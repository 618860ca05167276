import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { AppManifest } from './auth/manifest'
import { loadManifest } from './auth/manifest'
import { applySeed } from './server/lifecycle'
import { Emu } from './world/emu'
import type { Counters } from './server/faults'
import { attachPersistence, loadFile } from './world/persistence'
import { handle } from './server/router'
import { stopScheduler } from './apis/schedulerTasks'
import { seedUsers } from './seed/seedBase'
import type { SeedSpec } from './seed/seed'
import type { State } from './world/state'

export interface EmulatorOptions {
  port?: number
  host?: string
  account?: string
  seed?: 'demo' | 'none'
  dataFile?: string
  serviceUrl?: string
  eventsEnabled?: boolean
  quiet?: boolean
  /** Validate incoming request bodies against the OpenAPI specs (default true). */
  checkContracts?: boolean
  /** The app's manifest (id and policies of the token the emulator issues); default manifest.json. */
  manifest?: AppManifest
  /** A fixed app token (tests); random otherwise. */
  appToken?: string
  /**
   * More accounts to play on the same port, each with its own state, users, app token, limits
   * and counters (VTEX's accounts share nothing). Reached by host, `?an=` or path as on VTEX,
   * and by `?account=` on the control API.
   */
  accounts?: ExtraAccount[]
  /** How the scheduler runs its tasks (see EmuConfig.scheduler); default `cron`, as on VTEX. */
  scheduler?: 'cron' | 'manual'
}

export interface ExtraAccount {
  account: string
  /** Its admin user's token (VTEX ID of that account only). */
  adminToken: string
  /** Its seed: the demo catalog by default (same ids as the first account's). */
  seed?: SeedSpec
  /** Changes applied to its state after the seed (e.g. other stock). */
  patch?: (state: State) => void
  appToken?: string
}

export interface Emulator {
  url: string
  port: number
  close(): Promise<void>
  state: State
  counters: Counters
  /** The token IO's router would put in x-vtex-credential for the app on this account. */
  appToken: string
  /** The full runtime (effects, faults, rate limits) for in-process tests. */
  emu: Emu
}

export async function startEmulator(
  opts: EmulatorOptions = {}
): Promise<Emulator> {
  const emu = new Emu({
    account: (opts.account ?? 'marketplacea').toLowerCase(),
    serviceUrl:
      opts.serviceUrl ?? process.env.SERVICE_URL ?? 'http://127.0.0.1:5050',
    eventsEnabled: opts.eventsEnabled ?? true,
    quiet: opts.quiet ?? false,
    adminToken: process.env.EMULATOR_ADMIN_TOKEN ?? 'demo-admin-token',
    checkContracts: opts.checkContracts ?? true,
    manifest: opts.manifest ?? loadManifest(),
    appToken: opts.appToken,
    scheduler: opts.scheduler ?? 'cron',
  })

  emu.initialSeed = { kind: opts.seed ?? 'demo' }
  const extras = (opts.accounts ?? []).map((extra) => {
    const peer = new Emu({
      ...emu.config,
      account: extra.account.toLowerCase(),
      adminToken: extra.adminToken,
      appToken: extra.appToken,
    })

    peer.initialSeed = extra.seed ?? { kind: 'demo' }
    peer.afterSeed = extra.patch ?? null

    return { peer, extra }
  })

  if (extras.length > 0) {
    const peers = new Map<string, Emu>([[emu.config.account, emu]])

    for (const { peer } of extras) peers.set(peer.config.account, peer)
    for (const one of peers.values()) one.peers = peers
  }

  const server = http.createServer((req, res) => {
    handle(emu, req, res).catch((err: Error) => {
      if (!res.headersSent)
        res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: err.message }))
    })
  })

  server.keepAliveTimeout = 65000
  const host = opts.host ?? '127.0.0.1'

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo

  emu.baseUrl = `http://${
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  }:${port}`
  // Seed after listening: the affiliates' inbox URLs need the real port.
  if (!(opts.dataFile && loadFile(emu.state, opts.dataFile)))
    applySeed(emu, emu.initialSeed)
  if (emu.state.users.size === 0) seedUsers(emu.state, emu.config.adminToken)
  const flushPeers = extras.map(({ peer }) => {
    peer.baseUrl = emu.baseUrl
    const file = opts.dataFile
      ? `${opts.dataFile}.${peer.config.account}`
      : null

    if (!(file && loadFile(peer.state, file))) applySeed(peer, peer.initialSeed)
    if (peer.state.users.size === 0)
      seedUsers(peer.state, peer.config.adminToken)

    return file ? attachPersistence(peer, file) : null
  })

  const flush = opts.dataFile ? attachPersistence(emu, opts.dataFile) : null

  return {
    url: emu.baseUrl,
    port,
    state: emu.state,
    counters: emu.counters,
    appToken: emu.app.token,
    emu,
    close: async () => {
      // A closed emulator ticks no one: its port may be another test's worker by then.
      stopSchedulers(emu)
      if (flush) flush()
      for (const f of flushPeers) f?.()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}

/** Every account's scheduler this emulator plays. */
function stopSchedulers(emu: Emu) {
  for (const one of new Set([emu, ...emu.peers.values()])) stopScheduler(one)
}

export type { Emu } from './world/emu'
export {
  validateRequestBody,
  validateResponseBody,
} from './contracts/contracts'
