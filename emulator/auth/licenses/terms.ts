/** The words every License Manager rule is written in: its shape, the methods, the main source. */

export type Access =
  /** No credential needed (VTEX ID's public endpoints, checkout's public simulation). */
  | { kind: 'public' }
  /** IO infra (VBase, apps settings): the app's own token only; `policies` as below. */
  | { kind: 'infra'; policies: string[] }
  /** A valid credential of the account; the OpenAPI spec lists no License Manager resource. */
  | { kind: 'authenticated'; policies?: string[] }
  | { kind: 'licensed'; resources: string[]; policies: string[] }

export interface LicenseRule {
  methods: string[]
  /** Matched against the route's template. */
  template: RegExp
  access: Access
  /** Where the resource and the policy key come from. */
  source: string
}

export const READ = ['GET', 'HEAD']
export const WRITE = ['POST', 'PUT', 'PATCH', 'DELETE']
export const ALL = [...READ, ...WRITE]

export const LM_POLICIES =
  'developers.vtex.com "Policies from License Manager" (vtexdocs/dev-portal-content)'
