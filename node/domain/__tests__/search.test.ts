import { foldText, searchWords } from '../search'

describe('the admin search', () => {
  it.each([
    ['Relógio Cronógrafo', 'relogio cronografo'],
    ['AÇO inoxidável', 'aco inoxidavel'],
    ['Zapatilla Niño', 'zapatilla nino'],
    ['plain 42', 'plain 42'],
  ])('folds %j to %j', (text, folded) => {
    expect(foldText(text)).toBe(folded)
  })

  it.each([
    ['relógio', ['relogio']],
    ['Relogio', ['relogio']],
    // "and" and "or" are words to find, never Master Data operators.
    ['black and white', ['black', 'and', 'white']],
    ['a OR b', ['a', 'or', 'b']],
    // Quotes, parentheses and operators cannot reach the clause.
    ['x" OR skuId=*', ['x', 'or', 'skuid']],
    ['  ', []],
    ['*', []],
    ['red red', ['red']],
  ])('looks for %j as %j', (text, words) => {
    expect(searchWords(text)).toEqual(words)
  })

  it('looks for at most eight words', () => {
    expect(searchWords('a b c d e f g h i j')).toHaveLength(8)
  })
})
