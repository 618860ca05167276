import { useQuery } from 'react-apollo'

import SELLERS from '../graphql/sellers.gql'
import type { Seller } from '../types'

export interface SellerList {
  /** Undefined while loading or when the query failed. */
  sellers: Seller[] | undefined
  /**
   * The query is still in flight: pickers wait, disabled, rather than show the typed fallback,
   * which an operator could start typing in just before the picker replaced it.
   */
  loading: boolean
}

/**
 * The marketplace's sellers for the seller pickers and names. When the query failed, pickers fall
 * back to typing the seller id, so an operator is never blocked, and names to raw ids.
 */
export function useSellers(): SellerList {
  const { data, loading } = useQuery<{ sellers: Seller[] }>(SELLERS)

  return { sellers: data?.sellers, loading }
}
