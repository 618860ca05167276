import type { ExtraAccount } from '../index'

/** othermarket's sellers: marketplacea's ids (bindings and filters take ids), other names. */
export const OTHER_MARKET_SELLER_NAMES: Readonly<Record<string, string>> = {
  '1': 'Other Market',
  sellera: 'Loja Norte',
  sellerb: 'Loja Sul',
  sellerc: 'Loja Leste',
}

/**
 * The second account `npm start` plays beside `marketplacea`: the same demo catalog (SKU `1`
 * exists in both, as small ids do in every VTEX account) with other stock and other seller
 * names, so a worker serving both shows at once whether anything of one account leaks into the
 * other. Here SKU 1 has 3 units in `wh-a` (whose dock serves trade policy 2) from the start, and
 * the sellers of the same ids are named `OTHER_MARKET_SELLER_NAMES`.
 */
export const OTHER_MARKET: ExtraAccount = {
  account: 'othermarket',
  adminToken: 'other-admin-token',
  patch: (state) => {
    const rows = state.inventory.get('1') ?? new Map()

    rows.set('wh-a', {
      totalQuantity: 3,
      reservedQuantity: 0,
      unlimited: false,
      leadTime: '00:00:00',
      dateUtcOnBalanceSystem: null,
    })
    state.inventory.set('1', rows)
    for (const [id, name] of Object.entries(OTHER_MARKET_SELLER_NAMES)) {
      const seller = state.sellers.get(id)

      if (seller) state.sellers.set(id, { ...seller, Name: name })
    }
  },
}
