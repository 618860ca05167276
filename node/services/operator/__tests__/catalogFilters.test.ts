import { TenantMemory } from '../../../memory/tenantMemory'
import { categoryOf } from '../../../clients/catalogShapes'
import { catalogFilterChoices, flattenTree } from '../catalogFilters'

describe('given the category tree the catalog answers', () => {
  it('should list each category after its department, with its path and depth', () => {
    expect(
      flattenTree(
        [
          {
            id: 1,
            name: 'Pets',
            children: [
              { id: 6, name: 'Food', children: [{ id: 60, name: null }] },
            ],
          },
          { id: 2, name: 'Toys', children: [] },
        ].map(categoryOf)
      )
    ).toEqual([
      { id: '1', name: 'Pets', path: 'Pets', depth: 1 },
      { id: '6', name: 'Food', path: 'Pets / Food', depth: 2 },
      { id: '60', name: null, path: 'Pets / Food / 60', depth: 3 },
      { id: '2', name: 'Toys', path: 'Toys', depth: 1 },
    ])
  })
})

describe('given the choices asked twice within five minutes', () => {
  it('should read the catalog once per account (two calls), brands by name', async () => {
    const account = new TenantMemory()
    const catalog = {
      brands: jest.fn(async () => [
        { id: '9', name: 'Zeta', active: true },
        { id: '7', name: 'Alpha', active: false },
      ]),
      categoryTree: jest.fn(async () => []),
    }

    const first = await catalogFilterChoices(catalog, account)

    await catalogFilterChoices(catalog, account)
    expect(first.brands).toEqual([
      { id: '7', name: 'Alpha', active: false },
      { id: '9', name: 'Zeta', active: true },
    ])
    expect(catalog.brands).toHaveBeenCalledTimes(1)
    expect(catalog.categoryTree).toHaveBeenCalledTimes(1)
    expect(catalog.categoryTree).toHaveBeenCalledWith(3)
  })
})
