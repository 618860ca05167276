import type { ExtraAccount } from './index'

/**
 * The second account `npm start` plays beside `marketplacea`: the same demo catalog (SKU `1`
 * exists in both, as small ids do in every VTEX account) with other stock, so a worker serving
 * both shows at once whether anything of one account leaks into the other. Here SKU 1 has 3
 * units in `wh-a` (whose dock serves trade policy 2) from the start.
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
  },
}
