import { brandOf } from '../catalog'

describe("given the catalog's brand rows", () => {
  it.each([
    [
      'an active brand',
      { id: 9, name: 'Zeta', isActive: true },
      { id: '9', name: 'Zeta', active: true },
    ],
    [
      'a deactivated brand',
      { id: 7, name: 'Alpha', isActive: false },
      { id: '7', name: 'Alpha', active: false },
    ],
    [
      'a row without name or flag',
      { id: 3 },
      { id: '3', name: null, active: true },
    ],
  ])('should map %s to a brand of the filter', (_, row, brand) => {
    expect(brandOf(row)).toEqual(brand)
  })
})
