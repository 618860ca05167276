import { associationChange, desiredAssociation } from '../association'
import type { AssociationChange } from '../association'
import type { ExposureStatus } from '../types'

describe('desiredAssociation', () => {
  describe('given the statuses of a product’s governed SKUs on one channel', () => {
    it.each<[Array<ExposureStatus | null | undefined>, boolean | null]>([
      [['EXPOSED'], true],
      [['WITHHELD', 'EXPOSED'], true],
      [['PENDING', 'EXPOSED', 'ERROR'], true],
      [['WITHHELD'], false],
      [['WITHHELD', 'WITHHELD'], false],
      [['WITHHELD', 'PENDING'], null],
      [['WITHHELD', 'ERROR'], null],
      [['ERROR'], null],
      [['WITHHELD', null], null],
      [['WITHHELD', undefined], null],
      [[], null],
    ])('%j should give %p', (statuses, desired) => {
      expect(desiredAssociation(statuses)).toBe(desired)
    })
  })
})

describe('associationChange', () => {
  describe('given the desired and the current association', () => {
    it.each<[boolean | null, boolean | null, AssociationChange | null]>([
      [true, false, 'ASSOCIATE'],
      [false, true, 'DISSOCIATE'],
      [true, true, null],
      [false, false, null],
      [null, true, null],
      [null, false, null],
      [null, null, null],
      [true, null, 'ASSOCIATE'],
      [false, null, 'DISSOCIATE'],
    ])(
      'desired %p and current %p should give %p',
      (desired, current, change) => {
        expect(associationChange(desired, current)).toBe(change)
      }
    )
  })
})
