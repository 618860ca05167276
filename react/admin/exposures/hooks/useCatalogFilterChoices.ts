import { useQuery } from 'react-apollo'

import type { CatalogFilterChoices } from '../../../typings/schema.generated'
import CHOICES from '../graphql/catalogFilterChoices.gql'

export type { CatalogFilterChoices } from '../../../typings/schema.generated'

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
