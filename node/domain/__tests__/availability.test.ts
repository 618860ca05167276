import { availableForChannel } from '../availability'
import type { Dock, InventoryBalance, Warehouse } from '../types'
import { aBalance, aDock, aWarehouse } from './builders'

describe('availableForChannel', () => {
  describe('given warehouses, docks and balances for trade policy 2', () => {
    it.each<[string, Warehouse[], Dock[], InventoryBalance[], number | null]>([
      ['one counted warehouse', [aWarehouse()], [aDock()], [aBalance()], 10],
      [
        'two counted warehouses',
        [aWarehouse(), aWarehouse({ id: 'wh2' })],
        [aDock({ warehouseIds: ['wh1', 'wh2'] })],
        [
          aBalance(),
          aBalance({
            warehouseId: 'wh2',
            totalQuantity: 5,
            reservedQuantity: 2,
          }),
        ],
        13,
      ],
      [
        'an inactive warehouse',
        [aWarehouse({ isActive: false })],
        [aDock()],
        [aBalance()],
        0,
      ],
      [
        'an inactive dock',
        [aWarehouse()],
        [aDock({ isActive: false })],
        [aBalance()],
        0,
      ],
      [
        'a dock serving other trade policies',
        [aWarehouse()],
        [aDock({ salesChannels: ['1'] })],
        [aBalance()],
        0,
      ],
      [
        'a dock serving no trade policy',
        [aWarehouse()],
        [aDock({ salesChannels: [] })],
        [aBalance()],
        0,
      ],
      [
        'a dock serving several policies including 2',
        [aWarehouse()],
        [aDock({ salesChannels: ['1', '2'] })],
        [aBalance()],
        10,
      ],
      [
        'a warehouse no dock reaches',
        [aWarehouse()],
        [aDock({ warehouseIds: [] })],
        [aBalance()],
        0,
      ],
      ['no docks at all', [aWarehouse()], [], [aBalance()], 0],
      [
        'reserved above total',
        [aWarehouse()],
        [aDock()],
        [aBalance({ totalQuantity: 2, reservedQuantity: 5 })],
        0,
      ],
      [
        'reserved above total in one warehouse does not eat another',
        [aWarehouse(), aWarehouse({ id: 'wh2' })],
        [aDock({ warehouseIds: ['wh1', 'wh2'] })],
        [
          aBalance({ totalQuantity: 2, reservedQuantity: 5 }),
          aBalance({ warehouseId: 'wh2', totalQuantity: 4 }),
        ],
        4,
      ],
      [
        'a negative total',
        [aWarehouse()],
        [aDock()],
        [aBalance({ totalQuantity: -4 })],
        0,
      ],
      [
        'unlimited in a counted warehouse',
        [aWarehouse(), aWarehouse({ id: 'wh2' })],
        [aDock({ warehouseIds: ['wh1', 'wh2'] })],
        [
          aBalance({ totalQuantity: 0 }),
          aBalance({ warehouseId: 'wh2', hasUnlimitedQuantity: true }),
        ],
        null,
      ],
      [
        'unlimited in a warehouse no serving dock reaches',
        [aWarehouse(), aWarehouse({ id: 'wh2' })],
        [
          aDock(),
          aDock({ id: 'dk2', salesChannels: ['1'], warehouseIds: ['wh2'] }),
        ],
        [
          aBalance({ totalQuantity: 3 }),
          aBalance({ warehouseId: 'wh2', hasUnlimitedQuantity: true }),
        ],
        3,
      ],
      [
        'a balance for a warehouse the list does not know',
        [],
        [aDock()],
        [aBalance()],
        0,
      ],
      [
        'a warehouse reached by two docks counted once',
        [aWarehouse()],
        [aDock(), aDock({ id: 'dk2' })],
        [aBalance()],
        10,
      ],
      [
        'a duplicate balance row (first wins)',
        [aWarehouse()],
        [aDock()],
        [aBalance({ totalQuantity: 4 }), aBalance({ totalQuantity: 40 })],
        4,
      ],
      ['no balance rows', [aWarehouse()], [aDock()], [], 0],
    ])(
      '%s should count the expected quantity',
      (_, warehouses, docks, inventory, available) => {
        expect(
          availableForChannel('2', warehouses, docks, inventory).available
        ).toBe(available)
      }
    )
  })

  describe('when the trace is read', () => {
    const result = availableForChannel(
      '2',
      [
        aWarehouse(),
        aWarehouse({ id: 'wh2', name: 'Old', isActive: false }),
        aWarehouse({ id: 'wh3' }),
      ],
      [
        aDock({ id: 'dk2', warehouseIds: ['wh1', 'wh2'] }),
        aDock({ id: 'dk1', warehouseIds: ['wh1', 'wh3'] }),
        aDock({ id: 'dk3', isActive: false, warehouseIds: ['wh1'] }),
        aDock({ id: 'dk4', salesChannels: ['1'], warehouseIds: ['wh9'] }),
      ],
      [
        aBalance({ warehouseId: 'wh2', totalQuantity: 7 }),
        aBalance({ totalQuantity: 3, reservedQuantity: 5 }),
        aBalance({ warehouseId: 'wh9', totalQuantity: 8 }),
      ]
    )

    it('should show each warehouse with what it holds and which docks reach it, by id', () => {
      expect(result.warehouses).toEqual([
        {
          warehouseId: 'wh1',
          name: 'Main',
          active: true,
          reachedByDocks: ['dk1', 'dk2'],
          counted: true,
          total: 3,
          reserved: 5,
          available: 0,
          unlimited: false,
        },
        {
          warehouseId: 'wh2',
          name: 'Old',
          active: false,
          reachedByDocks: ['dk2'],
          counted: false,
          total: 7,
          reserved: 0,
          available: 7,
          unlimited: false,
        },
        {
          warehouseId: 'wh3',
          name: 'Main',
          active: true,
          reachedByDocks: ['dk1'],
          counted: true,
          total: 0,
          reserved: 0,
          available: 0,
          unlimited: false,
        },
        {
          warehouseId: 'wh9',
          name: null,
          active: false,
          reachedByDocks: [],
          counted: false,
          total: 8,
          reserved: 0,
          available: 8,
          unlimited: false,
        },
      ])
      expect(result.available).toBe(0)
    })

    it('should list the docks considered and why the others were not', () => {
      expect(result.docks).toEqual(['dk1', 'dk2'])
      expect(result.docksIgnored).toEqual([
        { dockId: 'dk3', because: 'INACTIVE' },
        { dockId: 'dk4', because: 'OTHER_TRADE_POLICY' },
      ])
    })
  })
})
