import { describeAuditDetails } from '../admin/skuDetail/auditDetails'

describe('given an audit entry details string', () => {
  describe('when it is a status change', () => {
    it('should give the available units and when the change happened', () => {
      expect(
        describeAuditDetails(
          'STATUS_CHANGE',
          JSON.stringify({
            available: 12,
            changedAt: '2026-11-26T21:59:58.000Z',
          })
        ).lines
      ).toEqual([
        { message: 'available', values: { available: 12 } },
        {
          message: 'triggeredAt',
          values: { when: { date: '2026-11-26T21:59:58.000Z' } },
        },
      ])
    })

    it('should say unlimited for a null availability and skip a null change time', () => {
      expect(
        describeAuditDetails(
          'STATUS_CHANGE',
          JSON.stringify({ available: null, changedAt: null })
        ).lines
      ).toEqual([{ message: 'availableUnlimited' }])
    })

    it('should say the SKU is not governed', () => {
      expect(
        describeAuditDetails(
          'STATUS_CHANGE',
          JSON.stringify({ governed: false })
        )
      ).toEqual({
        lines: [{ message: 'notGoverned' }],
        raw: JSON.stringify({ governed: false }, null, 2),
      })
    })

    it('should skip fields of the wrong type', () => {
      expect(
        describeAuditDetails(
          'STATUS_CHANGE',
          JSON.stringify({ available: '12', changedAt: 'yesterday' })
        ).lines
      ).toEqual([])
    })
  })

  describe('when it is a catalog write', () => {
    it('should give the association and the latency', () => {
      expect(
        describeAuditDetails(
          'ENFORCEMENT_WRITE',
          JSON.stringify({
            change: 'ASSOCIATE',
            tradePolicy: '2',
            latencyMs: 1500,
          })
        ).lines
      ).toEqual([
        { message: 'associated', values: { tradePolicy: '2' } },
        { message: 'latency', values: { latencyMs: 1500 } },
      ])
    })

    it('should give the dissociation and no latency when it is null', () => {
      expect(
        describeAuditDetails(
          'ENFORCEMENT_WRITE',
          JSON.stringify({
            change: 'DISSOCIATE',
            tradePolicy: '3',
            latencyMs: null,
          })
        ).lines
      ).toEqual([{ message: 'dissociated', values: { tradePolicy: '3' } }])
    })

    it('should give no association sentence for an unknown change', () => {
      expect(
        describeAuditDetails(
          'ENFORCEMENT_WRITE',
          JSON.stringify({ change: 'MOVE', tradePolicy: '2', latencyMs: 7 })
        ).lines
      ).toEqual([{ message: 'latency', values: { latencyMs: 7 } }])
    })
  })

  describe('when it is an override', () => {
    it('should give the note as it was typed and the expiry', () => {
      const note = '<b>supplier</b> {late}'

      expect(
        describeAuditDetails(
          'OVERRIDE_SET',
          JSON.stringify({ note, expiresAt: '2026-12-01T00:00:00.000Z' })
        ).lines
      ).toEqual([
        { message: 'note', values: { note } },
        {
          message: 'expires',
          values: { when: { date: '2026-12-01T00:00:00.000Z' } },
        },
      ])
    })

    it('should give nothing for a null note and expiry', () => {
      expect(
        describeAuditDetails(
          'OVERRIDE_SET',
          JSON.stringify({ note: null, expiresAt: null })
        ).lines
      ).toEqual([])
    })

    it.each([
      ['ALLOW', 'clearedAllow'],
      ['BLOCK', 'clearedBlock'],
    ])('should say a cleared %s was removed', (cleared, message) => {
      expect(
        describeAuditDetails('OVERRIDE_CLEARED', JSON.stringify({ cleared }))
          .lines
      ).toEqual([{ message }])
    })

    it('should say which override an expiry removed', () => {
      expect(
        describeAuditDetails(
          'OVERRIDE_EXPIRED',
          JSON.stringify({
            cleared: 'BLOCK',
            expiresAt: '2026-12-02T12:00:00.000Z',
          })
        ).lines
      ).toEqual([{ message: 'clearedBlock' }])
    })
  })

  describe('when it has no sentence', () => {
    it('should keep settings input only as pretty raw JSON', () => {
      const details = JSON.stringify({ input: { channels: { MKB: {} } } })

      expect(describeAuditDetails('SETTINGS_CHANGE', details)).toEqual({
        lines: [],
        raw: JSON.stringify(JSON.parse(details), null, 2),
      })
    })

    it('should give the fields of another kind no sentence', () => {
      expect(
        describeAuditDetails('EVENT_REJECTED', JSON.stringify({ available: 3 }))
          .lines
      ).toEqual([])
      expect(
        describeAuditDetails('toString', JSON.stringify({ available: 3 })).lines
      ).toEqual([])
    })

    it.each([
      ['{"available": 12', '{"available": 12'],
      ['not json', 'not json'],
      ['[1, 2]', '[1, 2]'],
      ['null', 'null'],
    ])('should keep %s as raw text without throwing', (details, raw) => {
      expect(describeAuditDetails('STATUS_CHANGE', details)).toEqual({
        lines: [],
        raw,
      })
    })

    it.each([[null], [''], ['  '], ['{}']])(
      'should show nothing for %p',
      (details) => {
        expect(describeAuditDetails('STATUS_CHANGE', details)).toEqual({
          lines: [],
          raw: null,
        })
      }
    )
  })
})
