/**
 * License Manager as the emulator enforces it: for each emulated endpoint, the resources a user or
 * app key must hold (alternatives, named "Product / Category / Resource" as the OpenAPI specs'
 * "Permissions" sections name them) and the manifest policy keys that grant an app token the same
 * access. `emulator/README.md` prints this table with its sources.
 */

import { CATALOG_RULES } from './catalog'
import { COMMERCE_RULES } from './commerce'
import type { LicenseRule } from './terms'
import { ALL, LM_POLICIES, READ, WRITE } from './terms'

export type { Access, LicenseRule } from './terms'

/** Public endpoints and the account lookup: checked first. */
const OPEN_RULES: LicenseRule[] = [
  {
    methods: READ,
    template: /^\/api\/vtexid\/pub\//,
    access: { kind: 'public' },
    source:
      'VTEX ID public endpoint (`pub`); @vtex/api Auth.js calls it with no API credential',
  },
  {
    methods: ['POST'],
    template: /^\/api\/checkout\/pub\/orderForms\/simulation$/,
    access: { kind: 'public' },
    source:
      'VTEX - Checkout API.json: "This endpoint does not require permissions"',
  },
  {
    methods: READ,
    template: /^\/api\/license-manager\/pvt\/accounts\//,
    access: { kind: 'authenticated', policies: ['Get_Account_By_Identifier'] },
    source: `${LM_POLICIES}: Get_Account_By_Identifier covers /api/license-manager/pvt/accounts/*`,
  },
]

/** IO infra and Janus services an app calls with its own token or any credential. */
const INFRA_RULES: LicenseRule[] = [
  {
    methods: READ,
    template: /^\/vbase\//,
    access: {
      kind: 'infra',
      policies: ['vbase-read-write', 'vbase-read-only'],
    },
    source: `${LM_POLICIES}: vbase-read-only / vbase-read-write cover /buckets/*`,
  },
  {
    methods: WRITE,
    template: /^\/vbase\//,
    access: { kind: 'infra', policies: ['vbase-read-write'] },
    source: `${LM_POLICIES}: vbase-read-write covers /buckets/*`,
  },
  {
    methods: ALL,
    template: /^\/apps\/v0\//,
    access: { kind: 'infra', policies: [] },
    source:
      'IO infra (apps): an app reads and writes its own settings with its token; no policy documented for that',
  },
  {
    methods: ALL,
    template: /^\/api\/scheduler\//,
    access: { kind: 'authenticated' },
    source:
      'vtex.scheduler (Janus): no License Manager resource documented; a credential of the account is required',
  },
  {
    methods: ALL,
    template: /^\/api\/(mail-service|template-render)\//,
    access: { kind: 'authenticated' },
    source:
      'mail-service and template-render (Message Center, Janus): no License Manager resource documented; a credential of the account is required',
  },
]

/** In order: the first rule whose methods and template match a route is its rule. */
export const LICENSE_RULES: LicenseRule[] = [
  ...OPEN_RULES,
  ...CATALOG_RULES,
  ...COMMERCE_RULES,
  ...INFRA_RULES,
]

export function accessOf(
  method: string,
  template: string
): LicenseRule | undefined {
  return LICENSE_RULES.find(
    (rule) => rule.methods.includes(method) && rule.template.test(template)
  )
}
