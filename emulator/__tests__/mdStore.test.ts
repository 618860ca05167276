import fc from 'fast-check'

import type { Doc } from '../masterdata/mdQuery'
import { matches, parseWhere, sortDocs } from '../masterdata/mdQuery'
import { Entity } from '../masterdata/mdStore'

const docArb = fc.record({
  channel: fc.constantFrom('MKB', 'GGL', 'mkb'),
  status: fc.constantFrom('EXPOSED', 'WITHHELD', 'PENDING'),
  qty: fc.integer({ min: -5, max: 30 }),
  tags: fc.array(fc.constantFrom('red', 'blue', 'big'), { maxLength: 3 }),
  note: fc.option(fc.constantFrom('first one', 'second', 'third one'), {
    nil: undefined,
  }),
})

const whereArb = fc.constantFrom(
  'channel=MKB',
  'channel="GGL" AND status=EXPOSED',
  '(status=HELD OR status=WITHHELD) AND qty>3',
  'tags=red AND NOT tags=blue',
  'note=*one* OR qty between 0 AND 2',
  'note is null AND channel<>GGL',
  'status=PENDING AND qty<=10'
)

describe('given an indexed Master Data entity', () => {
  describe('when any query runs over any documents', () => {
    it('should return exactly what a full scan with the same predicate returns', () => {
      fc.assert(
        fc.property(
          fc.array(docArb, { maxLength: 60 }),
          whereArb,
          (docs, where) => {
            const entity = new Entity()
            const node = parseWhere(where)

            docs.forEach((d, i) => entity.put(`d${i}`, { id: `d${i}`, ...d }))
            // twice: the second run goes through the indexes the first one built
            entity.search(node, null)
            const indexed = entity.search(node, null).docs.map((d) => d.id)
            const scanned = Array.from(entity.docs.values())
              .filter((d) => matches(node, d))
              .map((d) => d.id)

            expect(new Set(indexed)).toEqual(new Set(scanned))
            expect(indexed).toHaveLength(scanned.length)
          }
        )
      )
    })

    it('should keep indexes right across updates and deletes', () => {
      fc.assert(
        fc.property(
          fc.array(docArb, { minLength: 1, maxLength: 40 }),
          fc.array(docArb, { maxLength: 20 }),
          (first, second) => {
            const entity = new Entity()
            const node = parseWhere('channel=MKB AND tags=red')

            first.forEach((d, i) => entity.put(`d${i}`, { id: `d${i}`, ...d }))
            entity.search(node, null)
            second.forEach((d, i) => entity.put(`d${i}`, { id: `d${i}`, ...d }))
            entity.delete('d0')
            const indexed = entity.search(node, null).docs.map((d) => d.id)
            const scanned = Array.from(entity.docs.values())
              .filter((d) => matches(node, d))
              .map((d) => d.id)

            expect(new Set(indexed)).toEqual(new Set(scanned))
          }
        )
      )
    })
  })

  describe('when a page of a sorted result is taken', () => {
    it('should equal the same prefix of a full sort', () => {
      fc.assert(
        fc.property(
          fc.array(docArb, { maxLength: 200 }),
          fc.integer({ min: 1, max: 20 }),
          fc.constantFrom(
            'qty ASC',
            'qty DESC',
            'status ASC, qty DESC',
            'note DESC'
          ),
          (docs, limit, sort) => {
            const withIds: Doc[] = docs.map((d, i) => ({ id: `d${i}`, ...d }))
            const key = (d: Doc) =>
              JSON.stringify([d.qty, d.status, d.note ?? null])

            const full = sortDocs(withIds.slice(), sort)
              .slice(0, limit)
              .map(key)

            const partial = sortDocs(withIds.slice(), sort, limit)
              .slice(0, limit)
              .map(key)

            expect(partial).toEqual(full)
          }
        )
      )
    })
  })
})
