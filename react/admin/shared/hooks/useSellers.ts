import { useQuery } from 'react-apollo'

import SELLERS from '../graphql/sellers.gql'
import type { Seller } from '../types'

/**
 * The marketplace's sellers for the seller pickers. Undefined while loading or when the query
 * failed: callers then fall back to typing the seller id, so an operator is never blocked.
 */
export function useSellers(): Seller[] | undefined {
  const { data } = useQuery<{ sellers: Seller[] }>(SELLERS)

  return data?.sellers
}
