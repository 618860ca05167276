import type { ChannelConfig } from '../../../domain/types'
import { defaultChannelSettings } from '../../../domain'
import { keysetOf, tradePolicyChannels } from '../exposures'
import { exposureWhere as whereOf } from '../../projection/exposureQuery'
import { TenantMemory } from '../../../memory/tenantMemory'

describe('given the admin filter', () => {
  it.each<[string, Parameters<typeof whereOf>[0], string | undefined]>([
    ['none', {}, undefined],
    ['a brand', { brandId: '2000001' }, 'brandId="2000001"'],
    [
      'a category (any level of the path the row keeps)',
      { categoryId: '10' },
      'categoryIds="10"',
    ],
    [
      'the channels of a trade policy',
      { channels: ['MKB', 'GGL'] },
      '(channel="MKB" OR channel="GGL")',
    ],
    ['a trade policy no channel is bound to', { channels: [] }, 'channel=""'],
    [
      'some products of a channel',
      { channel: 'MKB', productIds: ['10', '11'] },
      'channel="MKB" AND (productId="10" OR productId="11")',
    ],
    [
      'every filter at once',
      {
        channel: 'MKB',
        status: 'WITHHELD',
        reason: 'NO_MARKETPLACE_STOCK',
        sellerId: 'sellera',
        brandId: '7',
        categoryId: '3',
        channels: ['MKB'],
        text: 'blue',
      },
      'channel="MKB" AND (channel="MKB") AND status="WITHHELD" AND reasons="NO_MARKETPLACE_STOCK" AND sellerIds="sellera" AND brandId="7" AND categoryIds="3" AND text=*blue*',
    ],
    [
      'a brand id with a quote (cannot leave its clause)',
      { brandId: '7" OR status="EXPOSED' },
      'brandId="7 OR status=EXPOSED"',
    ],
  ])('should build the where clause for %s', (_, filter, expected) => {
    expect(whereOf(filter)).toBe(expected)
  })

  it.each([
    ['SKU_NAME', 'skuName'],
    ['CHANGED_AT', 'changedAt'],
  ] as const)(
    'should sort %s by the row field %s as text, ties by id',
    (field, column) => {
      expect(keysetOf({ field, order: 'DESC' })).toEqual({
        field: column,
        desc: true,
        numeric: false,
      })
    }
  )
})

describe('given a trade policy filter', () => {
  const channel = (id: string, salesChannel: string): ChannelConfig => ({
    ...defaultChannelSettings(),
    id,
    name: id,
    salesChannel,
    mode: 'OBSERVE',
  })

  const deps = (list: ChannelConfig[]) =>
    ({
      affiliates: {
        list: async () =>
          list.map((c) => ({
            id: c.id,
            name: c.name,
            salesChannel: c.salesChannel,
          })),
      },
      docs: {
        read: async (_: string, __: string, empty: () => unknown) => ({
          value: empty(),
          etag: null,
        }),
      },
      tenant: { account: 'acc', workspace: 'master' },
      memory: new TenantMemory(),
    } as unknown as Parameters<typeof tradePolicyChannels>[0])

  it('should name the channels bound to it, and drop the trade policy', async () => {
    const resolved = await tradePolicyChannels(
      deps([channel('MKB', '2'), channel('GGL', '3'), channel('KBC', '2')]),
      { tradePolicy: '2', status: 'EXPOSED' }
    )

    expect(resolved).toEqual({ status: 'EXPOSED', channels: ['MKB', 'KBC'] })
  })

  it('should read no channel without one', async () => {
    const calls: string[] = []
    const d = deps([])

    ;(d.affiliates as { list: () => Promise<unknown[]> }).list = async () => {
      calls.push('list')

      return []
    }

    expect(await tradePolicyChannels(d, { brandId: '7' })).toEqual({
      brandId: '7',
    })
    expect(calls).toEqual([])
  })
})
