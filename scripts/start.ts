/**
 * `npm start`: the emulator, the real worker and the admin panel, on one machine.
 * Ports: EMULATOR_PORT (8180), SERVICE_PORT (5050), ADMIN_PORT (3000). EMULATOR_DATA=<file>
 * keeps the emulator's state across restarts. Ctrl-C stops everything.
 */
import { startSystem } from './system'

async function main() {
  const system = await startSystem({
    emulatorPort: Number(process.env.EMULATOR_PORT ?? 8180),
    servicePort: Number(process.env.SERVICE_PORT ?? 5050),
    adminPort:
      process.env.ADMIN_PORT === 'off'
        ? null
        : Number(process.env.ADMIN_PORT ?? 3000),
    dataFile: process.env.EMULATOR_DATA ?? '.emulator-data.json',
  })

  process.stdout.write(
    [
      '',
      'Marketplace Stock Gate is running:',
      `  VTEX emulator   ${system.emulatorUrl}   (accounts marketplacea and othermarket, control API /_emulator/?account=)`,
      `  service         ${system.serviceUrl}   (real @vtex/api worker, GraphQL ${system.serviceUrl}/marketplacea/master/_v/graphql)`,
      `                  it takes the app token as x-vtex-credential: ${system.emulatorUrl}/_emulator/app-token`,
      `                  othermarket: ${system.serviceUrl}/othermarket/master/_v/graphql, admin token other-admin-token, app token ${system.emulatorUrl}/_emulator/app-token?account=othermarket`,
      system.adminUrl
        ? `  admin panel     ${system.adminUrl}/admin/app/marketplace-stock-gate`
        : '',
      'Ctrl-C stops everything.',
      '',
    ].join('\n')
  )

  let stopping = false
  const shutdown = async () => {
    if (stopping) return
    stopping = true
    await system.stop()
    process.exit(0)
  }

  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error) => {
  process.stderr.write(
    `start failed: ${error instanceof Error ? error.message : String(error)}\n`
  )
  process.exit(1)
})
