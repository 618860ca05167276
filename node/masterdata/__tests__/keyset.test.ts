import { MdScope } from '../../clients/mdEntity'
import { afterWhere, decodeKeyset, encodeKeyset, keysetSortOf } from '../keyset'
import type { KeysetSort } from '../keyset'

const text: KeysetSort = { field: 'status', desc: false, numeric: false }
const number: KeysetSort = { field: 'available', desc: true, numeric: true }

describe('given a keyset sort', () => {
  it.each([
    [text, 'status ASC,id ASC'],
    [number, 'available DESC,id DESC'],
  ])('should sort %j as %s', (sort, expected) => {
    expect(keysetSortOf(sort)).toBe(expected)
  })

  it.each([
    [
      text,
      'EXPOSED',
      '(status>"EXPOSED" OR (status="EXPOSED" AND id>"7-MKB"))',
    ],
    [text, null, '((status is null AND id>"7-MKB") OR status is not null)'],
    [
      number,
      3,
      '(available<3 OR (available=3 AND id<"7-MKB") OR available is null)',
    ],
    [number, null, '(available is null AND id<"7-MKB")'],
    // A quote in a value cannot leave the clause.
    [
      text,
      'a" OR x="',
      '(status>"a OR x=" OR (status="a OR x=" AND id>"7-MKB"))',
    ],
  ])('should ask for the rows after (%j, %j)', (sort, value, expected) => {
    expect(afterWhere(sort, { value, id: '7-MKB' })).toBe(expected)
  })

  it.each([
    [text, { value: 'EXPOSED', id: '7-MKB' }],
    [text, { value: null, id: '7-MKB' }],
    [number, { value: 0, id: '7-MKB' }],
  ])('should round-trip a %j cursor', (sort, position) => {
    expect(decodeKeyset(encodeKeyset(position), sort)).toEqual(position)
  })

  it.each([
    [text, 'garbage'],
    [text, Buffer.from('[1,"x"]').toString('base64url')],
    [number, Buffer.from('["3","x"]').toString('base64url')],
    [text, Buffer.from('["a",""]').toString('base64url')],
    [text, Buffer.from('{"a":1}').toString('base64url')],
  ])('should refuse a %j cursor that is not ours: %s', (sort, cursor) => {
    expect(decodeKeyset(cursor, sort)).toBeNull()
  })
})

describe('given the workspace of a Master Data client', () => {
  it.each([
    ['master', '1-MKB', '1-MKB', '(workspace is null OR workspace="master")'],
    ['dev', '1-MKB', 'dev--1-MKB', 'workspace="dev"'],
  ])('should scope %s rows', (workspace, id, docId, where) => {
    const scope = new MdScope(workspace)

    expect(scope.docId(id)).toBe(docId)
    expect(scope.appId(docId)).toBe(id)
    expect(scope.where(undefined)).toBe(where)
    expect(scope.where('a=1 OR b=2')).toBe(`${where} AND (a=1 OR b=2)`)
  })
})
