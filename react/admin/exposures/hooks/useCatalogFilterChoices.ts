import { useQuery } from 'react-apollo'

import CHOICES from '../graphql/catalogFilterChoices.gql'

export interface BrandChoice {
  id: string
  name: string | null
  active: boolean
}

export interface CategoryChoice {
  id: string
  name: string | null
  /** Names from the department down, joined by " / ". */
  path: string
  depth: number
}

export interface CatalogFilterChoices {
  brands: BrandChoice[]
  categories: CategoryChoice[]
}

/** The brands and categories the filters offer, from the marketplace's catalog (cached server-side). */
export function useCatalogFilterChoices() {
  const { data, loading, error } = useQuery<{
    catalogFilterChoices: CatalogFilterChoices
  }>(CHOICES)

  return {
    choices: data?.catalogFilterChoices,
    loading,
    failed: !!error && !data,
  }
}
