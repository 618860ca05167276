/**
 * `npm test`'s preflight: the app as VTEX receives it. Checks manifest.json against the IO
 * manifest schema, the GraphQL schema for builder 2.x, every `vtex.*` import and
 * `@context(provider:)` against the manifest, each builder folder's tsconfig and yarn.lock,
 * then installs node/ and react/ alone from their lockfiles and type-checks them.
 * `--no-install` runs only the checks that install nothing.
 */
import path from 'path'

import { formatFailure, preflight } from '.'

const root = path.resolve(__dirname, '..', '..')

async function main() {
  const started = Date.now()
  const failures = await preflight(root, {
    install: !process.argv.includes('--no-install'),
    cacheDir: process.env.PREFLIGHT_CACHE || undefined,
    log: (line) => process.stdout.write(`[preflight] ${line}\n`),
  })

  for (const failure of failures)
    process.stderr.write(`${formatFailure(failure)}\n`)
  process.stdout.write(
    `[preflight] ${
      failures.length ? `${failures.length} failure(s)` : 'ok'
    } in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
  )
  process.exit(failures.length ? 1 : 0)
}

main().catch((error) => {
  process.stderr.write(`preflight failed to run: ${String(error)}\n`)
  process.exit(1)
})
