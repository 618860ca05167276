import { useState } from 'react'
import { useApolloClient, useQuery } from 'react-apollo'

import DELETE_STOCK_BUFFER from '../graphql/deleteStockBuffer.gql'
import SAVE_STOCK_BUFFER from '../graphql/saveStockBuffer.gql'
import STOCK_BUFFERS from '../graphql/stockBuffers.gql'
import type { StockBufferInput } from '../bufferValidate'
import type { StockBuffer } from '../types'

type BufferList = { stockBuffers: StockBuffer[] }

/** By target id (numerically), then the product's before the SKU's, then "all channels" first. */
export const byTarget = (a: StockBuffer, b: StockBuffer) =>
  a.targetId.length - b.targetId.length ||
  a.targetId.localeCompare(b.targetId) ||
  a.scope.localeCompare(b.scope) ||
  (a.channel ?? '').localeCompare(b.channel ?? '')

/**
 * The workspace's stock buffers, saved and deleted at once (not through "Review and save"): each
 * answer is the whole list, written back to the query's cache.
 */
export function useStockBuffers() {
  const client = useApolloClient()
  const { data, loading, error, refetch } = useQuery<BufferList>(STOCK_BUFFERS)
  const [busy, setBusy] = useState(false)

  const put = (stockBuffers: StockBuffer[]) =>
    client.writeQuery<BufferList>({
      query: STOCK_BUFFERS,
      data: { stockBuffers },
    })

  const run = async <T extends Record<string, StockBuffer[]>>(
    mutation: unknown,
    variables: Record<string, unknown>,
    field: keyof T
  ) => {
    setBusy(true)
    try {
      const result = await client.mutate<T>({
        mutation: mutation as never,
        variables,
      })

      const list = result.data?.[field]

      if (!list) throw new Error('UNKNOWN')
      put(list)

      return list
    } catch (e) {
      // BUFFER_NOT_FOUND and the like: what the list shows may be stale.
      refetch().catch(() => undefined)
      throw e
    } finally {
      setBusy(false)
    }
  }

  return {
    buffers: [...(data?.stockBuffers ?? [])].sort(byTarget),
    loading: loading && !data,
    error: data ? null : error,
    refetch: () => refetch(),
    busy,
    save: (input: StockBufferInput) =>
      run<{ saveStockBuffer: StockBuffer[] }>(
        SAVE_STOCK_BUFFER,
        { input },
        'saveStockBuffer'
      ),
    remove: (id: string) =>
      run<{ deleteStockBuffer: StockBuffer[] }>(
        DELETE_STOCK_BUFFER,
        { id },
        'deleteStockBuffer'
      ),
  }
}
