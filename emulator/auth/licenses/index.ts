/**
 * License Manager as the emulator enforces it: for each emulated endpoint, the resources a user or
 * app key must hold (alternatives, named "Product / Category / Resource" as the OpenAPI specs'
 * "Permissions" sections name them) and the manifest policy keys that grant an app token the same
 * access. `emulator/README.md` prints this table with its sources.
 */

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

const READ = ['GET', 'HEAD']
const WRITE = ['POST', 'PUT', 'PATCH', 'DELETE']
const ALL = [...READ, ...WRITE]

const CATALOG_SPEC = 'VTEX - Catalog API.json, Permissions'
const LM_POLICIES =
  'developers.vtex.com "Policies from License Manager" (vtexdocs/dev-portal-content)'

const CATALOG_SKUS = 'Catalog / Content / SKUs'
const VIEW_PRODUCT = 'Catalog API / General / View Product'
const EDIT_PRODUCT = 'Catalog API / General / Edit Product'
const PRODUCT_SKU_MGMT = 'Catalog / Content / Product and SKU Management'

const LOGISTICS_FULL = 'Logistics / Logistics access / Logistics full access'
const LOGISTICS_VIEWER = 'Logistics / Logistics access / Logistics viewer'
const INVENTORY_FULL =
  'Logistics / Logistics access / Logistics inventory full access'

const INVENTORY_READ =
  'Logistics / Logistics access / Logistics inventory read only'

const MD = 'Dynamic Storage / Dynamic storage generic resources'
const MD_READ = `${MD} / Read only documents`
const MD_WRITE = `${MD} / Insert or update document (not remove)`
const MD_FULL = `${MD} / Full access to all documents`
const MD_ADMIN = `${MD} / Master Data administrator`

export const LICENSE_RULES: LicenseRule[] = [
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
  {
    methods: READ,
    template: /^\/api\/catalog_system\/pvt\/sku\//,
    access: {
      kind: 'licensed',
      resources: [CATALOG_SKUS, VIEW_PRODUCT],
      policies: ['Sku.aspx'],
    },
    source: `${CATALOG_SPEC} (SKUs; View Product for ...bysaleschannel); ${LM_POLICIES}: Sku.aspx covers /api/catalog_system/pvt/sku/*`,
  },
  {
    methods: READ,
    template: /^\/api\/catalog\/pvt\/stockkeepingunit/,
    access: {
      kind: 'licensed',
      resources: [CATALOG_SKUS],
      policies: ['Sku.aspx'],
    },
    source: `${CATALOG_SPEC} (SKUs); ${LM_POLICIES}: Sku.aspx "Lists all registered SKUs"`,
  },
  {
    methods: WRITE,
    template: /^\/api\/catalog\/pvt\/stockkeepingunit/,
    access: {
      kind: 'licensed',
      resources: [CATALOG_SKUS],
      policies: ['ManterFormularioProdutoSku'],
    },
    source: `${CATALOG_SPEC} (SKUs); ${LM_POLICIES}: ManterFormularioProdutoSku "Change and inclusion of product and SKU"`,
  },
  {
    methods: READ,
    template: /^\/api\/catalog\/pvt\/product\/\{productId\}\/salespolicy$/,
    access: {
      kind: 'licensed',
      resources: [VIEW_PRODUCT],
      policies: ['ManterFormularioProdutoSku'],
    },
    source: `${CATALOG_SPEC} (View Product); policy key not documented for this path: closest documented key, ManterFormularioProdutoSku (${LM_POLICIES})`,
  },
  {
    methods: WRITE,
    template: /^\/api\/catalog\/pvt\/product\/\{productId\}\/salespolicy\//,
    access: {
      kind: 'licensed',
      resources: [EDIT_PRODUCT],
      policies: ['ManterFormularioProdutoSku'],
    },
    source: `${CATALOG_SPEC} (Edit Product); policy key not documented for this path: closest documented key, ManterFormularioProdutoSku (${LM_POLICIES})`,
  },
  {
    methods: ALL,
    template: /^\/api\/catalog\/pvt\/product/,
    access: {
      kind: 'licensed',
      resources: [PRODUCT_SKU_MGMT],
      policies: ['ManterFormularioProdutoSku'],
    },
    source: `${CATALOG_SPEC} (Product and SKU Management); ${LM_POLICIES}: ManterFormularioProdutoSku`,
  },
  {
    methods: READ,
    template: /^\/api\/catalog_system\/pvt\/products\//,
    access: {
      kind: 'licensed',
      resources: [
        'Catalog / Content / Product Form',
        'Catalog / Content / Product management',
        PRODUCT_SKU_MGMT,
      ],
      policies: ['ProdutoForm.aspx', 'ManterFormularioProdutoSku'],
    },
    source: `${CATALOG_SPEC} (Product Form, Product management); ${LM_POLICIES}: ProdutoForm.aspx and ManterFormularioProdutoSku cover /api/catalog_system/pvt/products/*`,
  },
  {
    methods: READ,
    template:
      /^\/api\/catalog_system\/(pvt\/saleschannel\/list|pub\/saleschannel\/)/,
    access: {
      kind: 'licensed',
      resources: [VIEW_PRODUCT],
      policies: ['ManterFormularioProdutoSku', 'Sku.aspx'],
    },
    source: `${CATALOG_SPEC} (View Product); policy key not documented: closest documented catalog keys`,
  },
  {
    methods: READ,
    template:
      /^\/api\/catalog_system\/(pvt\/brand\/list|pub\/category\/tree\/)/,
    access: {
      kind: 'licensed',
      resources: ['Catalog / Content / Brands', 'Catalog / Content / Category'],
      policies: ['ManterFormularioProdutoSku', 'Sku.aspx'],
    },
    source: `${CATALOG_SPEC} (Brands; Category); policy key not documented: closest documented catalog keys`,
  },
  {
    methods: ALL,
    template: /^\/api\/catalog_system\/pvt\/sellers?(\/|$)/,
    access: { kind: 'authenticated' },
    source: `${CATALOG_SPEC}: "This endpoint does not require permissions" (a credential of the account still does)`,
  },
  {
    methods: ALL,
    template: /^\/api\/seller-register\//,
    access: {
      kind: 'licensed',
      resources: [
        'Seller Register / Seller Administration / View Seller',
        'Seller Register / Seller Administration / Save Seller',
      ],
      policies: [],
    },
    source:
      'VTEX - Marketplace APIs.json, Permissions (View Seller / Save Seller); no documented policy key: app tokens refused',
  },
  {
    methods: READ,
    template: /^\/api\/(sku-binding\/pvt|catalog_system\/pvt\/skuseller)\//,
    access: {
      kind: 'licensed',
      resources: [VIEW_PRODUCT, 'Catalog / Marketplace / Seller SKUs'],
      policies: [],
    },
    source:
      'VTEX - SKU Bindings API.json and Catalog API.json, Permissions; no documented policy key: app tokens refused',
  },
  {
    methods: WRITE,
    template: /^\/api\/sku-binding\/pvt\//,
    access: { kind: 'licensed', resources: [EDIT_PRODUCT], policies: [] },
    source:
      'VTEX - SKU Bindings API.json, Permissions (Edit Product); no documented policy key: app tokens refused',
  },
  {
    methods: READ,
    template: /^\/api\/logistics\/pvt\//,
    access: {
      kind: 'licensed',
      resources: [
        LOGISTICS_FULL,
        LOGISTICS_VIEWER,
        INVENTORY_FULL,
        INVENTORY_READ,
      ],
      policies: ['LogisticsViewer', 'LogisticsAdmin'],
    },
    source:
      "VTEX - Logistics API.json, Permissions; keys LogisticsViewer / LogisticsAdmin as VTEX's own apps declare them (vtex-apps/availability-notify, vtex-apps/store-graphql manifests)",
  },
  {
    methods: WRITE,
    template: /^\/api\/logistics\/pvt\//,
    access: {
      kind: 'licensed',
      resources: [LOGISTICS_FULL, INVENTORY_FULL],
      policies: ['LogisticsAdmin'],
    },
    source:
      'VTEX - Logistics API.json, Permissions; key LogisticsAdmin (vtex-apps/store-graphql manifest)',
  },
  {
    methods: READ,
    template: /^\/pricing\//,
    access: {
      kind: 'licensed',
      resources: ['Pricing / Price List / Read prices'],
      policies: ['ReadPrices'],
    },
    source:
      "VTEX - Pricing API.json, Permissions (Read prices); the policy key is not in the docs at hand: ReadPrices is this emulator's name for it (a real account must confirm)",
  },
  {
    methods: WRITE,
    template: /^\/pricing\//,
    access: {
      kind: 'licensed',
      resources: [
        'Pricing / Price List / Modify prices',
        'Pricing / Price List / Delete all prices from account',
      ],
      policies: ['ModifyPrices'],
    },
    source:
      'VTEX - Pricing API.json, Permissions (Modify prices); policy key not documented (emulator name)',
  },
  {
    methods: ALL,
    template: /^\/api\/fulfillment\/pvt\/affiliates/,
    access: {
      kind: 'licensed',
      resources: [
        'Checkout / CheckoutResources / Save Order Configuration',
        'Checkout / CheckoutResources / Save OrderForm Configuration',
      ],
      policies: ['SaveOrderFormConfiguration'],
    },
    source: `VTEX - Marketplace APIs.json, Permissions (Save OrderForm Configuration); ${LM_POLICIES}: SaveOrderFormConfiguration`,
  },
  {
    methods: ['POST'],
    template: /^\/api\/fulfillment\/pvt\/orderForms\/simulation$/,
    access: { kind: 'authenticated' },
    source:
      'VTEX - Marketplace Protocol - External Seller Fulfillment.json: "Check with your service provider"',
  },
  {
    methods: READ,
    template: /^\/api\/dataentities\//,
    access: {
      kind: 'licensed',
      resources: [MD_READ, MD_WRITE, MD_FULL, MD_ADMIN],
      policies: ['ADMIN_DS'],
    },
    source: `VTEX - Master Data API - v2.json, Permissions; ${LM_POLICIES}: ADMIN_DS "Manage Master Data"`,
  },
  {
    methods: ['PUT'],
    template: /^\/api\/dataentities\/\{entity\}\/schemas\//,
    access: { kind: 'licensed', resources: [MD_ADMIN], policies: ['ADMIN_DS'] },
    source: `VTEX - Master Data API - v2.json, Permissions (Master Data administrator); ${LM_POLICIES}: ADMIN_DS`,
  },
  {
    methods: ['DELETE'],
    template: /^\/api\/dataentities\//,
    access: {
      kind: 'licensed',
      resources: [MD_FULL, MD_ADMIN],
      policies: ['ADMIN_DS'],
    },
    source: `VTEX - Master Data API - v2.json, Permissions; ${LM_POLICIES}: ADMIN_DS`,
  },
  {
    methods: WRITE,
    template: /^\/api\/dataentities\//,
    access: {
      kind: 'licensed',
      resources: [MD_WRITE, MD_FULL, MD_ADMIN],
      policies: ['ADMIN_DS'],
    },
    source: `VTEX - Master Data API - v2.json, Permissions; ${LM_POLICIES}: ADMIN_DS`,
  },
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

export function accessOf(
  method: string,
  template: string
): LicenseRule | undefined {
  return LICENSE_RULES.find(
    (rule) => rule.methods.includes(method) && rule.template.test(template)
  )
}
