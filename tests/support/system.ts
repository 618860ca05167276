import type { EmulatorOptions } from '../../emulator'
import type { Emulator } from './emulator'
import { emulatorFor, lifecycle } from './emulator'
import type { Worker } from './worker'
import { freePort, startWorker } from './worker'

export interface System {
  emulator: Emulator
  worker: Worker
}

/**
 * An emulator and one real worker wired to it, then the app's install as `npm start` does it
 * (IO's `setup` event: the worker registers its scheduler tick). The worker's port is chosen
 * first because the emulator delivers events to it.
 */
export async function startSystem(
  options: {
    seed?: 'demo' | 'none'
    env?: NodeJS.ProcessEnv
    /** e.g. a manifest whose policies differ from manifest.json's */
    emulator?: EmulatorOptions
  } = {}
): Promise<System> {
  const port = await freePort()
  const emulator = await emulatorFor(
    `http://127.0.0.1:${port}`,
    options.seed,
    options.emulator
  )

  const worker = await startWorker(emulator.url, port, options.env)
  const installed = await lifecycle(emulator, 'install')

  if (
    installed.deliveries?.some(
      (d) => typeof d.status !== 'number' || d.status >= 300
    )
  )
    throw new Error(`install not handled: ${JSON.stringify(installed)}`)

  return { emulator, worker }
}

/** Stops what `startSystem` started, whatever part of it did start. */
export async function stopSystem(system: Partial<System>) {
  await system.worker?.stop()
  await system.emulator?.close()
}
