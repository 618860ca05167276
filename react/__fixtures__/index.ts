import { GraphQLError } from 'graphql'

import EXPOSURES from '../admin/exposures/graphql/exposures.gql'
import CHANNELS from '../admin/shared/graphql/channels.gql'
import SELLERS_QUERY from '../admin/shared/graphql/sellers.gql'
import type {
  Channel,
  Exposure,
  ExposureWithTrace,
} from '../admin/shared/types'

export const MKB: Channel & { __typename: string } = {
  __typename: 'Channel',
  cacheId: 'MKB',
  id: 'MKB',
  name: 'Marketplace B',
  salesChannel: '2',
  mode: 'OBSERVE',
  catalogWritesBlocked: false,
}

export const GGL: Channel & { __typename: string } = {
  __typename: 'Channel',
  cacheId: 'GGL',
  id: 'GGL',
  name: 'Google Shopping',
  salesChannel: '3',
  mode: 'ENFORCE',
  catalogWritesBlocked: false,
}

export function exposure(
  partial: Partial<Exposure> = {}
): Exposure & { __typename: string } {
  const skuId = partial.skuId ?? '1'
  const channel = partial.channel ?? 'MKB'

  return {
    __typename: 'Exposure',
    cacheId: `${skuId}:${channel}`,
    skuId,
    productId: '1',
    channel,
    status: 'WITHHELD',
    reasons: ['NO_MARKETPLACE_STOCK'],
    available: 0,
    evaluatedAt: '2026-11-26T22:00:00.000Z',
    changedAt: '2026-11-26T21:00:00.000Z',
    skuName: `Sneaker ${skuId}`,
    productName: `Sneaker ${skuId}`,
    sellerIds: ['sellera'],
    brandId: '2000001',
    brandName: 'Orma Carbon',
    categoryId: '10',
    categoryPath: 'Shoes / Sneakers',
    productAssociated: false,
    override: null,
    ...partial,
  }
}

export function withTrace(
  partial: Partial<ExposureWithTrace> = {}
): ExposureWithTrace & { __typename: string } {
  return {
    ...exposure(partial),
    trace: [
      {
        __typename: 'RuleResult',
        rule: 'MARKETPLACE_STOCK',
        passed: false,
        reason: 'NO_MARKETPLACE_STOCK',
        details: JSON.stringify({
          salesChannel: '2',
          available: 0,
          threshold: 1,
          thresholdKind: 'exposeAt',
          exposeAt: 1,
          withdrawBelow: 1,
          warehouses: [
            {
              warehouseId: 'wh-a',
              name: 'Warehouse A',
              reachedByDocks: ['dock-a'],
              counted: true,
              total: 0,
              reserved: 0,
              available: 0,
            },
          ],
          docks: ['dock-a'],
          docksIgnored: [{ dockId: 'dock-b', because: 'OTHER_TRADE_POLICY' }],
        }),
      } as never,
    ],
    rulesChanged: null,
    ...partial,
  }
}

export const gqlError = (message: string) => ({
  errors: [{ message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
})

// Unsorted on purpose: the picker sorts active sellers by name (id when nameless), inactive last.
export const SELLERS = [
  { __typename: 'Seller', id: 'sellera', name: 'Zeta Sports', active: true },
  { __typename: 'Seller', id: 'sellerd', name: 'Beta Outlet', active: false },
  { __typename: 'Seller', id: 'sellerc', name: null, active: true },
  { __typename: 'Seller', id: 'sellerb', name: 'Alpha Shoes', active: true },
]

/** The answer to the `sellers` query every page with a seller picker issues. */
export const sellersMock = {
  request: { query: SELLERS_QUERY },
  result: { data: { sellers: SELLERS } },
}

/** The `sellers` query failing: pickers fall back to typing an id, names to raw ids. */
export const sellersFailMock = {
  request: { query: SELLERS_QUERY },
  result: { errors: [new GraphQLError('INTERNAL_SERVER_ERROR')] },
}

/** The `channels` query with MKB and GGL. */
export const channelsMock = {
  request: { query: CHANNELS },
  result: { data: { channels: [MKB, GGL] } },
}

/** The exposures table's first page for a filter, as the page asks for it (50 rows by SKU id). */
export const exposuresPage = (
  filter: Record<string, string>,
  items: unknown[],
  total = items.length
) => ({
  request: {
    query: EXPOSURES,
    variables: {
      filter,
      after: null,
      pageSize: 50,
      sort: { field: 'SKU_ID', order: 'ASC' },
    },
  },
  result: {
    data: {
      exposures: {
        __typename: 'ExposurePage',
        items,
        pageSize: 50,
        total,
        next: null,
      },
    },
  },
})
