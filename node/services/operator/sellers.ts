import type { CatalogClient } from '../../clients/catalog'
import type { Seller } from '../../clients/catalogShapes'
import type { TenantMemory } from '../../memory/tenantMemory'
import { slot } from '../../memory/tenantMemory'
import { TtlCache } from '../shared/cache'

// Sellers are added by hand and rarely: the admin's pickers may show a list five minutes old.
// In the account's memory (the sellers are the account's marketplace's, never shown to another account's
// operator). Safe to lose: the next picker reads the catalog again.
const SELLERS = slot('sellers', () => new TtlCache<Seller[]>(5 * 60_000))

/** The marketplace's third-party sellers: seller "1" is the marketplace itself, never governed. */
export function sellers(
  catalog: Pick<CatalogClient, 'sellers'>,
  account: TenantMemory
) {
  return account
    .get(SELLERS)
    .get(async () =>
      (await catalog.sellers()).filter((seller) => seller.id !== '1')
    )
}
