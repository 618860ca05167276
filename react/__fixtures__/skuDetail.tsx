import React from 'react'
import { render } from '@vtex/test-tools/react'
import type { MockedResponse } from '@apollo/react-testing'

import { SkuDetailPage } from '../admin/skuDetail/components/SkuDetailPage'
import AUDIT_TRAIL from '../admin/skuDetail/graphql/auditTrail.gql'
import SKU_DETAIL from '../admin/skuDetail/graphql/skuDetail.gql'
import { GGL, MKB } from '.'
import { setRuntime } from './runtime'

export const detail = (exposures: unknown[]) => ({
  request: { query: SKU_DETAIL, variables: { skuId: '1' } },
  result: {
    data: {
      skuDetail: {
        __typename: 'SkuDetail',
        cacheId: 'sku-1',
        skuId: '1',
        productId: '1',
        skuName: 'Sneaker 1',
        productName: 'Sneaker 1',
        exposures,
      },
      channels: [MKB, GGL],
    },
  },
})

export const entry = (
  id: string,
  kind: string,
  partial: Record<string, unknown> = {}
) => ({
  __typename: 'AuditEntry',
  cacheId: id,
  id,
  at: '2026-11-26T22:00:00.000Z',
  skuId: '1',
  productId: '1',
  channel: 'MKB',
  kind,
  cause: 'OPERATOR',
  actor: 'admin@marketplacea.example',
  fromStatus: null,
  toStatus: 'WITHHELD',
  reasons: ['NO_MARKETPLACE_STOCK'],
  details: '{}',
  ...partial,
})

export const audit = (items: unknown[]) => ({
  request: {
    query: AUDIT_TRAIL,
    variables: { skuId: '1', page: 1, pageSize: 20 },
  },
  result: {
    data: {
      auditTrail: {
        __typename: 'AuditPage',
        items,
        page: 1,
        pageSize: 20,
        total: items.length,
      },
    },
  },
})

export const renderPage = (mocks: MockedResponse[]) =>
  render(<SkuDetailPage />, { graphql: { mocks, addTypename: true } })

export const onSkuOne = () =>
  setRuntime({
    route: {
      id: 'admin.app.marketplace-stock-gate.sku',
      path: '/x',
      params: { skuId: '1' },
    },
  })
