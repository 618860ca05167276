import type { LicenseRule } from './terms'
import { ALL, LM_POLICIES, READ, WRITE } from './terms'

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

/** Stock, prices, affiliates and Master Data: what a channel's availability is made of. */
export const COMMERCE_RULES: LicenseRule[] = [
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
]
