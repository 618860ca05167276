import fs from 'node:fs'
import path from 'node:path'

/** What the emulator reads from an app's manifest.json: who the app is and what it may do. */

export interface ManifestPolicy {
  name: string
  attrs?: Record<string, string>
}

export interface AppManifest {
  vendor: string
  name: string
  version: string
  policies?: ManifestPolicy[]
}

export const ROOT = path.resolve(__dirname, '..', '..')

export function loadManifest(file = path.join(ROOT, 'manifest.json')) {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as AppManifest
}

export const appIdOf = (m: AppManifest) => `${m.vendor}.${m.name}@${m.version}`

/** The License Manager and app policies (every policy but `outbound-access`), by name. */
export function policyNames(m: AppManifest): Set<string> {
  return new Set(
    (m.policies ?? [])
      .filter((p) => p.name !== 'outbound-access')
      .map((p) => p.name)
  )
}

export interface OutboundRule {
  host: string
  path: string
}

export function outboundRules(m: AppManifest): OutboundRule[] {
  return (m.policies ?? [])
    .filter((p) => p.name === 'outbound-access' && p.attrs?.host)
    .map((p) => ({ host: p.attrs?.host ?? '', path: p.attrs?.path ?? '/*' }))
}

/**
 * The (productCode, resourceCode) pairs the app's GraphQL `@auth` directives name: what the demo
 * admin's role grants. Without any, the app's former default (product 2, resource Catalog).
 */
export function authPairs(graphqlDir = path.join(ROOT, 'graphql')): string[] {
  const pairs = new Set<string>()
  let files: string[] = []

  try {
    files = fs.readdirSync(graphqlDir).filter((f) => f.endsWith('.graphql'))
  } catch {
    files = []
  }

  for (const file of files) {
    const text = fs.readFileSync(path.join(graphqlDir, file), 'utf8')

    for (const [, args] of text.matchAll(/@auth\s*\(([^)]*)\)/g)) {
      const product = /productCode\s*:\s*"([^"]+)"/.exec(args)?.[1]
      const resource = /resourceCode\s*:\s*"([^"]+)"/.exec(args)?.[1]

      // As the schema writes them: License Manager compares keys exactly.
      if (product && resource) pairs.add(`${product}/${resource}`)
    }
  }

  if (pairs.size === 0) pairs.add('2/Catalog')

  return Array.from(pairs)
}
