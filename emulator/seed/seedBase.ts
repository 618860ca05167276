import type { State } from '../world/state'
import type { Balance, Binding, Grant, Price } from '../world/types'

/** Building blocks shared by the demo and generated seeds. */

export const THIRD_PARTY = ['sellera', 'sellerb', 'sellerc'] as const
const SELLER_NAMES: Record<string, string> = {
  '1': 'Marketplace A',
  sellera: 'Seller A',
  sellerb: 'Seller B',
  sellerc: 'Seller C',
}

/**
 * The role README tells an account admin to give operators: Catalog's "Edit Product"
 * (License Manager product 2, key EditProduct), the pair the app's @auth names.
 */
export const OPERATOR_ROLE: Grant = {
  productCode: '2',
  resourceCode: 'EditProduct',
}

/**
 * Users every seed has (account configuration, not catalog): the admin holds the operators'
 * role; the viewer is a VTEX ID user of the account with a role on something else only.
 */
export function seedUsers(state: State, adminToken: string) {
  // The demo account's viewer keeps its documented token; another account's is its own.
  const viewerToken =
    state.account === 'marketplacea'
      ? 'demo-viewer-token'
      : `${state.account}-viewer-token`

  state.users.set(adminToken, {
    token: adminToken,
    userId: `u-admin-0001${
      state.account === 'marketplacea' ? '' : `-${state.account}`
    }`,
    email: `admin@${state.account}.example`,
    roles: [OPERATOR_ROLE],
  })
  state.users.set(viewerToken, {
    token: viewerToken,
    userId: `u-viewer-0002${
      state.account === 'marketplacea' ? '' : `-${state.account}`
    }`,
    email: `viewer@${state.account}.example`,
    roles: [{ productCode: '2', resourceCode: 'ViewProduct' }],
  })
}

export function addDock(
  state: State,
  id: string,
  name: string,
  salesChannels: string[]
) {
  state.docks.set(id, {
    id,
    name,
    priority: 0,
    dockTimeFake: '1.00:00:00',
    timeFakeOverhead: '00:00:00',
    salesChannels,
    salesChannel: salesChannels[0],
    freightTableIds: ['freight-1'],
    wmsEndPoint: null,
    isActive: true,
  })
}

export function addWarehouse(
  state: State,
  id: string,
  name: string,
  dockIds: string[],
  priority: number
) {
  state.warehouses.set(id, {
    id,
    name,
    warehouseDocks: dockIds.map((dockId) => ({
      dockId,
      time: '00:00:00',
      cost: 0,
    })),
    pickupPointIds: [],
    priority,
    isActive: true,
  })
}

export function addAffiliate(
  state: State,
  selfUrl: string,
  id: string,
  name: string,
  salesChannel: string
) {
  state.affiliates.set(id, {
    id,
    name,
    followUpEmail: `${id.toLowerCase()}@channels.example`,
    salesChannel,
    searchURIEndpoint: `${selfUrl}/_emulator/affiliates/${id}/inbox`,
    searchURIEndpointVersion: '1.x.x',
    searchURIEndpointAvailableVersions: ['1.x.x'],
    useSellerPaymentMethod: false,
    minimumValueAccumulated: null,
  })
}

/** Trade policies, sellers, warehouses A/B, docks and the two affiliates. */
export function seedBase(state: State, selfUrl: string) {
  state.salesChannels.set(1, { Id: 1, Name: 'Main store', IsActive: true })
  state.salesChannels.set(2, { Id: 2, Name: 'Marketplace B', IsActive: true })
  state.salesChannels.set(3, {
    Id: 3,
    Name: 'External channel',
    IsActive: true,
  })
  for (const [id, name] of Object.entries(SELLER_NAMES)) {
    state.sellers.set(id, {
      SellerId: id,
      Name: name,
      Email: `${id === '1' ? 'ops' : id}@${
        id === '1' ? state.account : id
      }.example`,
      IsActive: true,
      FulfillmentEndpoint:
        id === '1'
          ? null
          : `http://${id}.vtexcommercestable.com.br/api/fulfillment?affiliateid=MKA&sc=1`,
      SellerType: 1,
      ProductCommissionPercentage: id === '1' ? 0 : 12,
      FreightCommissionPercentage: id === '1' ? 0 : 5,
    })
  }

  addDock(state, 'dock-a', 'Dock A (trade policies 1 and 2)', ['1', '2'])
  addDock(state, 'dock-b', 'Dock B (trade policies 1 and 3)', ['1', '3'])
  addWarehouse(state, 'wh-a', 'Warehouse A', ['dock-a'], 0)
  addWarehouse(state, 'wh-b', 'Warehouse B', ['dock-b'], 1)
  addAffiliate(state, selfUrl, 'MKB', 'Marketplace B', '2')
  addAffiliate(state, selfUrl, 'GGL', 'Google Shopping connector', '3')
  for (const sc of ['1', '2', '3']) state.priceTables.add(sc)
}

export interface SkuPlan {
  skuId: number
  productId: number
  name: string
  active: boolean
  sellers: Array<{ sellerId: string; active: boolean }>
  /** warehouseId -> [total, reserved, unlimited] */
  stock: Array<[string, number, number, boolean]>
  price: { base: number; tables: string[] } | null
}

export function addProduct(
  state: State,
  id: number,
  name: string,
  active: boolean,
  policies: number[]
) {
  state.products.set(id, {
    Id: id,
    Name: name,
    DepartmentId: 1 + (id % 3),
    CategoryId: 10 + (id % 6),
    BrandId: 2000000 + (id % 4),
    RefId: `P-${id}`,
    IsVisible: true,
    IsActive: active,
    Description: `${name}, emulated product ${id}.`,
  })
  state.productPolicies.set(id, policies)
  state.nextProductId = Math.max(state.nextProductId, id + 1)
}

export function addSku(state: State, plan: SkuPlan) {
  const { skuId } = plan

  state.skus.set(skuId, {
    Id: skuId,
    ProductId: plan.productId,
    IsActive: plan.active,
    Name: plan.name,
    RefId: `S-${skuId}`,
  })
  state.nextSkuId = Math.max(state.nextSkuId, skuId + 1)
  const bindings: Binding[] = plan.sellers.map(({ sellerId, active }) => ({
    Id: state.nextBindingId++,
    SellerId: sellerId,
    StockKeepingUnitId: skuId,
    SellerStockKeepingUnitId:
      sellerId === '1'
        ? String(skuId)
        : `${sellerId.slice(-1).toUpperCase()}${1000 + skuId}`,
    IsActive: active,
    FreightCommissionPercentage: sellerId === '1' ? 0 : 5,
    ProductCommissionPercentage: sellerId === '1' ? 0 : 12,
    UpdateDate: '2026-01-05T10:00:00.000Z',
    // Seller stock varies with the SKU id (every fifth one sold out), price near the base.
    ...(sellerId === '1'
      ? {}
      : {
          offer: {
            quantity: (skuId * 7) % 5 === 0 ? 0 : (skuId * 7) % 25,
            price: 45 + ((skuId * 7) % 200),
          },
        }),
  }))

  if (bindings.length) state.bindings.set(skuId, bindings)
  if (plan.stock.length) {
    const rows = new Map<string, Balance>()

    for (const [warehouseId, total, reserved, unlimited] of plan.stock) {
      rows.set(warehouseId, {
        totalQuantity: total,
        reservedQuantity: reserved,
        unlimited,
        leadTime: '00:00:00',
        dateUtcOnBalanceSystem: null,
      })
    }

    state.inventory.set(String(skuId), rows)
  }

  if (!plan.price) return
  const { base, tables } = plan.price
  const price: Price = {
    itemId: String(skuId),
    listPrice: base + 20,
    costPrice: Math.round(base * 0.6),
    markup: 40,
    basePrice: base,
    fixedPrices: tables.map((t) => ({
      tradePolicyId: t,
      value: t === '1' ? base : base + 5,
      listPrice: base + 20,
      minQuantity: 1,
    })),
  }

  state.prices.set(String(skuId), price)
}

/** Stock pattern by SKU id (see README): which warehouses hold it and how much. */
export function stockPattern(skuId: number): SkuPlan['stock'] {
  switch (skuId % 10) {
    case 0:
      return [
        ['wh-a', 8, 0, false],
        ['wh-b', 6, 0, false],
      ]

    case 2:
      return [['wh-a', 20, 0, false]]

    case 3:
      return [['wh-b', 15, 0, false]]

    case 4:
      return [['wh-a', 3, 0, false]]

    case 5:
      return [['wh-a', 0, 0, true]]

    case 7:
      return [['wh-a', 10, 4, false]]

    case 8:
      return [['wh-b', 2, 0, false]]

    case 9:
      return [['wh-a', 0, 0, false]]

    default:
      return []
  }
}
