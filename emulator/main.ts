import { loadManifest } from './auth/manifest'
import { OTHER_MARKET } from './world/accounts'
import { startEmulator } from './index'

/**
 * CLI: npx tsx emulator/main.ts [--port N] [--data file] [--service-url URL] [--seed demo|none]
 * [--manifest file] (the app whose token and policies the emulator plays; default manifest.json)
 * [--second-account] (also plays `othermarket`, accounts.ts, as `npm start` does)
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)

  if (i >= 0) return process.argv[i + 1]
  const inline = process.argv.find((a) => a.startsWith(`--${name}=`))

  return inline?.slice(name.length + 3)
}

/** `cron` (VTEX's: tasks run on their cron's marks) unless `manual` is asked for (the e2e). */
function schedulerMode(value: string | undefined): 'cron' | 'manual' {
  if (value === undefined || value === 'cron') return 'cron'
  if (value === 'manual') return 'manual'
  throw new Error('--scheduler must be cron or manual')
}

async function main() {
  const seed = arg('seed') ?? 'demo'

  if (seed !== 'demo' && seed !== 'none')
    throw new Error('--seed must be demo or none')
  const manifest = arg('manifest')
  const emulator = await startEmulator({
    manifest: manifest ? loadManifest(manifest) : undefined,
    port: Number(arg('port') ?? process.env.EMULATOR_PORT ?? 8180),
    host: arg('host') ?? process.env.EMULATOR_HOST ?? '127.0.0.1',
    dataFile: arg('data'),
    serviceUrl:
      arg('service-url') ?? process.env.SERVICE_URL ?? 'http://127.0.0.1:5050',
    seed,
    accounts: process.argv.includes('--second-account') ? [OTHER_MARKET] : [],
    scheduler: schedulerMode(
      arg('scheduler') ?? process.env.EMULATOR_SCHEDULER
    ),
  })

  process.stdout.write(
    `VTEX emulator for ${[
      emulator.state.account,
      ...[...emulator.emu.peers.keys()].filter(
        (a) => a !== emulator.state.account
      ),
    ].join(', ')} listening on ${emulator.url}\n`
  )
  const stop = async () => {
    await emulator.close()
    process.exit(0)
  }

  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`)
  process.exit(1)
})
