import type { LicenseRule } from './terms'
import { ALL, LM_POLICIES, READ, WRITE } from './terms'

const CATALOG_SPEC = 'VTEX - Catalog API.json, Permissions'
const CATALOG_SKUS = 'Catalog / Content / SKUs'
const VIEW_PRODUCT = 'Catalog API / General / View Product'
const EDIT_PRODUCT = 'Catalog API / General / Edit Product'
const PRODUCT_SKU_MGMT = 'Catalog / Content / Product and SKU Management'

/** Catalog and marketplace: SKUs, products, trade policies, sellers, SKU bindings. */
export const CATALOG_RULES: LicenseRule[] = [
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
]
