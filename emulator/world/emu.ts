import type { AppPrincipal } from '../auth/credentials'
import { ALL_RESOURCES, Credentials, demoAppKeyOf } from '../auth/credentials'
import type { AppManifest } from '../auth/manifest'
import { Effects } from './effects'
import { Counters, Faults, RateLimits } from '../server/faults'
import type { SeedSpec } from '../seed/seed'
import { State } from './state'

export interface EmuConfig {
  account: string
  serviceUrl: string
  eventsEnabled: boolean
  quiet: boolean
  adminToken: string
  /** Validate incoming request bodies against the OpenAPI request schemas. */
  checkContracts: boolean
  /** The app whose token the emulator issues (IO's router plays it): id and policies. */
  manifest: AppManifest
  /** Fixes the app token (tests); a random one otherwise. */
  appToken?: string
  /**
   * `cron`: the scheduler runs each task on its cron's marks, as VTEX does. `manual`: only when
   * asked (`POST .../{id}/run`), for tests and benches that must not see a tick at a random mark.
   */
  scheduler?: 'cron' | 'manual'
}

export interface Violation {
  at: string
  method: string
  path: string
  operation: string
  errors: unknown
}

export interface Refusal {
  at: string
  status: number
  method: string
  host: string
  path: string
}

export interface EgressEntry {
  at: string
  appId: string
  method: string
  host: string
  path: string
}

/** The running emulator: one account's state plus the machinery around it. */
export class Emu {
  public state: State
  public effects: Effects
  public faults = new Faults()
  public rateLimits = new RateLimits()
  public counters = new Counters()
  public violations: Violation[] = []
  public credentials = new Credentials()
  /** The app token IO would hand the worker for this account. */
  public app: AppPrincipal
  /** Calls the egress proxy refused (no outbound-access policy covers them). */
  public egress = { blocked: 0, log: [] as EgressEntry[] }
  /** 401s and 403s the credential and License Manager checks answered (newest 1000). */
  public refusals: Refusal[] = []
  /**
   * VTEX answers 423 to inventory writes on the same SKU and warehouse within milliseconds.
   * Off (0) by default; `POST /_emulator/logistics {lockWindowMs}` turns it on.
   */
  public inventoryLock = { windowMs: 0, lastWrite: new Map<string, number>() }
  public baseUrl = ''
  /** Set by persistence: called after every change so state is saved (debounced). */
  public onChange: () => void = () => undefined
  /** Set by persistence: saves now; false when no data file is configured. */
  public save: () => Promise<boolean> = async () => false
  /**
   * Every account this emulator plays, this one included, by account name: one process answers
   * for several accounts, each with its own state, users, tokens, limits and counters, as VTEX
   * does (router.ts picks the account's emulator from the host, `?an=` or the path). Empty when
   * it plays one account.
   */
  public peers = new Map<string, Emu>()
  /** Applied after every seed of this account (its own stock, say): a reset keeps it. */
  public afterSeed: ((state: State) => void) | null = null
  /** What POST /_emulator/reset goes back to. */
  public initialSeed: SeedSpec = { kind: 'demo' }

  constructor(public config: EmuConfig) {
    this.state = new State(config.account)
    this.app = this.credentials.issueApp(
      config.manifest,
      config.account,
      config.appToken
    )
    const demoKey = demoAppKeyOf(config.account)

    this.credentials.addAppKey(
      demoKey.appKey,
      demoKey.appToken,
      config.account,
      [ALL_RESOURCES]
    )
    this.effects = new Effects(this.state, {
      account: config.account,
      serviceUrl: config.serviceUrl,
      enabled: config.eventsEnabled,
      affiliatesEnabled: true,
      credential: this.app.token,
      retryDelayMs: 200,
      clockOffsetMs: 0,
    })
  }

  public recordRefusal(
    status: number,
    method: string,
    host: string,
    path: string
  ) {
    this.refusals.push({
      at: new Date().toISOString(),
      status,
      method,
      host,
      path,
    })
    if (this.refusals.length > 1000) this.refusals.shift()
  }

  public recordViolation(violation: Violation) {
    this.violations.push(violation)
    if (this.violations.length > 1000) this.violations.shift()
  }
}
