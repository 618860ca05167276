import { expectedChannelView } from '../channelView'

describe('what the channel sees of a SKU', () => {
  it.each([
    // associated, status, available → view
    [null, 'EXPOSED', 3, 'UNKNOWN'],
    [false, 'EXPOSED', 3, 'REMOVED'],
    [true, 'EXPOSED', 3, 'LISTED_WITH_STOCK'],
    // Unlimited stock is stock (it was "without stock, kept by a sibling").
    [true, 'EXPOSED', null, 'LISTED_WITH_STOCK'],
    [true, 'WITHHELD', null, 'LISTED_WITH_STOCK'],
    // The simulation counts the marketplace's stock whatever the status: an ERROR with 20 units
    // read is listed with them.
    [true, 'ERROR', 20, 'LISTED_WITH_STOCK'],
    [true, 'ERROR', null, 'UNKNOWN'],
    [true, 'PENDING', null, 'UNKNOWN'],
    [true, 'WITHHELD', 0, 'LISTED_WITHOUT_STOCK'],
    // A manual allow can expose a SKU with no stock: listed, and shown without stock.
    [true, 'EXPOSED', 0, 'LISTED_WITHOUT_STOCK'],
  ] as const)(
    'associated %p, %s with %p available: %s',
    (associated, status, available, view) => {
      expect(expectedChannelView({ associated, status, available })).toBe(view)
    }
  )
})
