/**
 * `npm run codegen`: writes the schema's TypeScript types where each build reads them. VTEX
 * builds node/ and react/ each from its own folder, so each gets its own copy.
 * `--check` (a step of `npm test`): regenerates in memory and exits 1 when a committed copy
 * differs, naming it.
 */
import fs from 'fs'
import path from 'path'

import { schemaTypes } from './schemaTypes'

// Prettier 2 ships no types: the two calls used here, as its API documents them.
const prettier: {
  resolveConfig: { sync(file: string): Record<string, unknown> | null }
  format(text: string, options: Record<string, unknown>): string
} = require('prettier')

const root = path.resolve(__dirname, '..', '..')
const SCHEMA = 'graphql/schema.graphql'

export const TARGETS = [
  'node/typings/schema.generated.ts',
  'react/typings/schema.generated.ts',
]

const HEADER = `// Generated from ${SCHEMA} by \`npm run codegen\` (scripts/codegen/): do not edit.`

/** What the file at `target` should hold, formatted as `prettier --check` expects. */
export function generated(target: string, rootDir = root): string {
  const sdl = fs.readFileSync(path.join(rootDir, SCHEMA), 'utf8')
  const file = path.join(rootDir, target)
  const config = prettier.resolveConfig.sync(file) ?? {}

  return prettier.format(schemaTypes(sdl, { header: HEADER }), {
    ...config,
    filepath: file,
  })
}

/** The targets whose committed text is not what the schema gives. */
export function stale(rootDir = root): string[] {
  return TARGETS.filter((target) => {
    const file = path.join(rootDir, target)

    return (
      !fs.existsSync(file) ||
      fs.readFileSync(file, 'utf8') !== generated(target, rootDir)
    )
  })
}

function main(args: string[]) {
  if (args.includes('--check')) {
    const out = stale()

    if (out.length) {
      process.stderr.write(
        `out of date with ${SCHEMA} (run \`npm run codegen\`):\n${out
          .map((t) => `  ${t}\n`)
          .join('')}`
      )
      process.exit(1)
    }

    process.stdout.write(`schema types up to date (${TARGETS.join(', ')})\n`)

    return
  }

  for (const target of TARGETS) {
    fs.writeFileSync(path.join(root, target), generated(target))
    process.stdout.write(`wrote ${target}\n`)
  }
}

if (require.main === module) main(process.argv.slice(2))
