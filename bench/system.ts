import { startEmulator } from '../emulator'
import { control, vtex } from '../tests/support/emulator'
import type { Worker, WorkerOptions } from '../tests/support/worker'
import { freePort } from '../tests/support/worker'
import type { Params } from './params'

const APP = 'marketplacea.marketplace-stock-gate'

export const log = (line: string) => process.stdout.write(`${line}\n`)

export async function system() {
  const port = await freePort()
  const emulator = await startEmulator({
    port: 0,
    serviceUrl: `http://127.0.0.1:${port}`,
    seed: 'none',
    quiet: true,
    eventsEnabled: false,
    // Request/response schema checks cost the emulator CPU that the worker needs on 2 cores.
    checkContracts: false,
    // A tick at a clock mark would start a sweep in the middle of a measurement.
    scheduler: 'manual',
  })

  return { emulator, port }
}

export type Emu = Awaited<ReturnType<typeof system>>['emulator']

export interface WorkerHolder {
  current: Worker
  restart: (options?: WorkerOptions) => Promise<void>
}

/** What every phase runs against: one emulator, the worker of the moment, the sizes. */
export interface Bench {
  emulator: Emu
  port: number
  params: Params
  worker: WorkerHolder
  /** Run at exit (the sweep's memory cgroup, once its worker is gone). */
  cleanups: Array<() => void>
}

/** A new world: storage, settings and counters cleared, a generated catalog of `skus`. */
export async function seed(emulator: Emu, skus: number, channels: number) {
  await control(emulator, 'POST', '/reset', {
    seed: { kind: 'generated', skus, seed: 7, channels },
  })
  await control(emulator, 'POST', '/events', { enabled: false })
}

export async function appSettings(
  emulator: Emu,
  settings: Record<string, unknown>
) {
  const res = await vtex(
    emulator,
    'PUT',
    `/apps/v0/marketplacea/master/apps/${APP}/settings`,
    settings,
    'apps.aws-us-east-1.vtex.io'
  )

  if (res.status >= 300)
    throw new Error(`app settings: ${res.status} ${JSON.stringify(res.body)}`)
}

export function shuffled<T>(items: T[], seedValue = 42) {
  let s = seedValue
  const random = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31

    return s / 2 ** 31
  }

  const out = [...items]

  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))

    ;[out[i], out[j]] = [out[j], out[i]]
  }

  return out
}
