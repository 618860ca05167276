// How a query written in react/ reaches an app's GraphQL on IO, for the harness and its tests.
// The react builder records, per query, the app whose bundle sends it (`sender`, from this app's
// manifest) and the provider a `@context(provider: "...")` names, if any; render-runtime sends
// both as `extensions.persistedQuery` (vtex-apps/render-runtime, uriSwitchLink.ts) and IO's
// GraphQL gateway resolves the query against the provider, else against the sender. VTEX's own
// admin apps rely on that for their own schema (vtex.marketplace-financial-commission's
// react/graphql/*.gql, vtex.admin-catalog-translation's translationRequestInfo.gql carry no
// @context), so this app's queries name no provider and the vendor lives in manifest.json only.

export interface Manifest {
  vendor: string
  name: string
  version: string
}

export interface IoHints {
  sender: string
  provider?: string
}

/** `vendor.name`: the app, without a version. */
export const appOf = (manifest: Manifest) =>
  `${manifest.vendor}.${manifest.name}`

/** `vendor.name@major.x`, as the builder records the sender. */
export const senderOf = (manifest: Manifest) =>
  `${appOf(manifest)}@${manifest.version.split('.')[0]}.x`

const OPERATION = /^\s*(query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/m
const CONTEXT = /@context\s*\(\s*provider\s*:\s*"([^"]+)"/

/** What the builder records for one .gql file: its operation's name and hints (null for fragments). */
export function hintsOf(
  source: string,
  manifest: Manifest
): { operationName: string; hints: IoHints } | null {
  const operation = OPERATION.exec(source)

  if (!operation) return null
  const provider = CONTEXT.exec(source)?.[1]

  return {
    operationName: operation[2],
    hints: { sender: senderOf(manifest), ...(provider ? { provider } : {}) },
  }
}

/** The app (`vendor.name`) IO's gateway sends an operation to, or null when nothing says. */
export function providerOf(hints?: Partial<IoHints> | null): string | null {
  const app = hints?.provider ?? hints?.sender

  return app ? app.split('@')[0] : null
}
