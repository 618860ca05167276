/**
 * Finds module-level state in the service: a top-level `let`, or a top-level `const` made with
 * `new` (a Map, a cache, a queue) or as an empty `[]`/`{}`. On VTEX IO one process serves many
 * accounts, so what a module keeps between requests must live in the tenant's memory
 * (node/memory/) instead. The few allowed ones are listed with why.
 */
import fs from 'fs'
import path from 'path'

/** `file: name` -> why it holds no tenant data. */
export const ALLOWED: Record<string, string> = {
  'index.ts: memory': 'the process memory itself, made once by the entry point',
  'services/enforcement/plan.ts: claims':
    'a counter that makes claim ids unique in this process',
  'services/evaluation/lease.ts: counter':
    'a counter that makes lease owners unique in this process',
  'clients/deadline.ts: store':
    "AsyncLocalStorage: each request's own deadline",
  'clients/resilience.ts: priorityStore':
    "AsyncLocalStorage: each call's own priority",
  'domain/events.ts: FIELD_BY_NAME': 'a constant lookup table, never written',
  'services/operator/exposures.ts: NUMERIC_SORTS':
    'a constant set, never written',
  'resolvers/guard.ts: ONCE_PER_REQUEST': 'a constant set, never written',
}

const STATE =
  /^(?:export\s+)?(?:let\s+(\w+)|const\s+(\w+)\s*(?::[^=]+)?=\s*(?:new\s|\[\s*\]|\{\s*\}))/gm

export function moduleState(text: string): string[] {
  return [...text.matchAll(STATE)].map((m) => m[1] ?? m[2])
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)

    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === '__tests__'
        ? []
        : sources(full)

    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')
      ? [full]
      : []
  })
}

/** `file: name` of every module-level state under `root` that ALLOWED does not explain. */
export function unexplainedState(root: string): string[] {
  return sources(root).flatMap((file) => {
    const rel = path.relative(root, file).split(path.sep).join('/')

    return moduleState(fs.readFileSync(file, 'utf8'))
      .map((name) => `${rel}: ${name}`)
      .filter((key) => !(key in ALLOWED))
  })
}
