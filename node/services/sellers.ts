import type { CatalogClient } from '../clients/catalog'
import { TtlCache } from './cache'

export interface SellerView {
  id: string
  name: string | null
  active: boolean
}

// Sellers are added by hand and rarely: the admin's pickers may show a list five minutes old.
const cache = new TtlCache<SellerView[]>(5 * 60_000)

export function forgetSellers() {
  cache.invalidate()
}

/** The marketplace's third-party sellers: seller "1" is the marketplace itself, never governed. */
export function sellers(catalog: Pick<CatalogClient, 'sellers'>) {
  return cache.get(async () =>
    (await catalog.sellers())
      .filter((row) => String(row.SellerId) !== '1')
      .map((row) => ({
        id: String(row.SellerId),
        name: row.Name ?? null,
        active: row.IsActive !== false,
      }))
  )
}
