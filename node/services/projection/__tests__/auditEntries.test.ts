/**
 * The audit constructors write the documents the call sites wrote as literals: same fields in
 * the same order, same ids (stored entries, the feed and run findings depend on both).
 */
import {
  enforcementFailed,
  enforcementWrite,
  evaluationFailed,
  eventRejected,
  statusChange,
} from '../auditEntries'
import {
  bufferChange,
  overrideCleared,
  overrideExpired,
  overrideSet,
  settingsChange,
} from '../operatorEntries'

const now = new Date('2024-05-01T10:00:00.000Z')
const base = {
  skuId: '7',
  channel: 'c1',
  productId: '70',
  fromStatus: 'EXPOSED' as const,
}

describe('given the audit entry constructors', () => {
  test.each([
    [
      'statusChange, a run finding',
      statusChange({
        ...base,
        version: 3,
        at: now.toISOString(),
        cause: 'SWEEP',
        actor: null,
        toStatus: 'WITHHELD',
        reasons: ['NO_MARKETPLACE_STOCK'],
        details: { available: 0, changedAt: null },
        runId: 'r1',
      }),
      '{"id":"7-c1-s3","at":"2024-05-01T10:00:00.000Z","skuId":"7","productId":"70","channel":"c1","kind":"STATUS_CHANGE","cause":"SWEEP","actor":null,"fromStatus":"EXPOSED","toStatus":"WITHHELD","reasons":["NO_MARKETPLACE_STOCK"],"details":"{\\"available\\":0,\\"changedAt\\":null}","runId":"r1"}',
    ],
    [
      'statusChange, no run',
      statusChange({
        ...base,
        version: 4,
        at: now.toISOString(),
        cause: 'EVENT',
        actor: null,
        toStatus: null,
        reasons: [],
        details: { governed: false },
        runId: null,
      }),
      '{"id":"7-c1-s4","at":"2024-05-01T10:00:00.000Z","skuId":"7","productId":"70","channel":"c1","kind":"STATUS_CHANGE","cause":"EVENT","actor":null,"fromStatus":"EXPOSED","toStatus":null,"reasons":[],"details":"{\\"governed\\":false}"}',
    ],
    [
      'enforcementWrite',
      enforcementWrite({
        productId: '70',
        channel: 'c1',
        version: 2,
        at: now.toISOString(),
        skuId: null,
        cause: 'EVENT',
        actor: null,
        change: 'ASSOCIATE',
        tradePolicy: '2',
        latencyMs: 15,
      }),
      '{"id":"p70-c1-w2","at":"2024-05-01T10:00:00.000Z","skuId":null,"productId":"70","channel":"c1","kind":"ENFORCEMENT_WRITE","cause":"EVENT","actor":null,"fromStatus":null,"toStatus":null,"reasons":[],"details":"{\\"change\\":\\"ASSOCIATE\\",\\"tradePolicy\\":\\"2\\",\\"latencyMs\\":15}"}',
    ],
    [
      'enforcementFailed',
      enforcementFailed({
        runId: 'r1',
        at: now.toISOString(),
        productId: '70',
        skuId: null,
        channel: 'c1',
        tradePolicy: '2',
        change: 'DISSOCIATE',
        code: 'UPSTREAM_UNAVAILABLE',
        cause: 'SWEEP',
        actor: 'op@x',
      }),
      '{"id":"p70-c1-f-r1","at":"2024-05-01T10:00:00.000Z","skuId":null,"productId":"70","channel":"c1","kind":"ENFORCEMENT_FAILED","cause":"SWEEP","actor":"op@x","fromStatus":null,"toStatus":null,"reasons":[],"details":"{\\"change\\":\\"DISSOCIATE\\",\\"tradePolicy\\":\\"2\\",\\"code\\":\\"UPSTREAM_UNAVAILABLE\\"}","runId":"r1"}',
    ],
    [
      'evaluationFailed',
      evaluationFailed({
        runId: 'r1',
        at: now.toISOString(),
        skuId: '7',
        code: 'UPSTREAM_TIMEOUT',
        actor: null,
      }),
      '{"id":"7-f-r1","at":"2024-05-01T10:00:00.000Z","skuId":"7","productId":null,"channel":null,"kind":"EVALUATION_FAILED","cause":"SWEEP","actor":null,"fromStatus":null,"toStatus":null,"reasons":[],"details":"{\\"code\\":\\"UPSTREAM_TIMEOUT\\"}","runId":"r1"}',
    ],
    [
      'overrideSet',
      overrideSet({
        ...base,
        now,
        actor: 'op@x',
        action: 'BLOCK',
        note: 'why',
        expiresAt: null,
      }),
      `{"id":"7-c1-o${now.getTime()}","at":"2024-05-01T10:00:00.000Z","skuId":"7","productId":"70","channel":"c1","kind":"OVERRIDE_SET","cause":"OPERATOR","actor":"op@x","fromStatus":"EXPOSED","toStatus":null,"reasons":["MANUAL_BLOCK"],"details":"{\\"note\\":\\"why\\",\\"expiresAt\\":null}"}`,
    ],
    [
      'overrideCleared',
      overrideCleared({ ...base, now, actor: 'op@x', cleared: 'ALLOW' }),
      `{"id":"7-c1-c${now.getTime()}","at":"2024-05-01T10:00:00.000Z","skuId":"7","productId":"70","channel":"c1","kind":"OVERRIDE_CLEARED","cause":"OPERATOR","actor":"op@x","fromStatus":"EXPOSED","toStatus":null,"reasons":[],"details":"{\\"cleared\\":\\"ALLOW\\"}"}`,
    ],
    [
      'overrideExpired',
      overrideExpired({
        ...base,
        expiresAt: now.toISOString(),
        action: 'ALLOW',
        by: 'op@x',
      }),
      `{"id":"7-c1-x${now.getTime()}","at":"2024-05-01T10:00:00.000Z","skuId":"7","productId":"70","channel":"c1","kind":"OVERRIDE_EXPIRED","cause":"SYSTEM","actor":null,"fromStatus":"EXPOSED","toStatus":null,"reasons":["MANUAL_ALLOW"],"details":"{\\"cleared\\":\\"ALLOW\\",\\"expiresAt\\":\\"2024-05-01T10:00:00.000Z\\",\\"by\\":\\"op@x\\"}"}`,
    ],
    [
      'settingsChange',
      settingsChange({
        now,
        actor: 'op@x',
        input: { retentionDays: 30 },
        applyJobId: null,
      }),
      `{"id":"settings-${now.getTime()}","at":"2024-05-01T10:00:00.000Z","skuId":null,"productId":null,"channel":null,"kind":"SETTINGS_CHANGE","cause":"OPERATOR","actor":"op@x","fromStatus":null,"toStatus":null,"reasons":[],"details":"{\\"input\\":{\\"retentionDays\\":30},\\"applyJobId\\":null}"}`,
    ],
    [
      'bufferChange',
      bufferChange({
        kind: 'BUFFER_REMOVED',
        bufferId: 'SKU-7-ALL',
        now,
        scope: 'SKU',
        targetId: '7',
        channel: null,
        actor: 'op@x',
        before: { exposeAt: 5 },
        after: null,
        note: 'n',
      }),
      `{"id":"buffer-SKU-7-ALL-${now.getTime()}","at":"2024-05-01T10:00:00.000Z","skuId":"7","productId":null,"channel":null,"kind":"BUFFER_REMOVED","cause":"OPERATOR","actor":"op@x","fromStatus":null,"toStatus":null,"reasons":[],"details":"{\\"bufferId\\":\\"SKU-7-ALL\\",\\"before\\":{\\"exposeAt\\":5},\\"after\\":null,\\"note\\":\\"n\\"}"}`,
    ],
    [
      'eventRejected',
      eventRejected({
        digest: 'abc',
        at: now.toISOString(),
        actor: null,
        code: 'BAD_JSON',
        detail: null,
        sample: '{',
      }),
      '{"id":"reject-abc","at":"2024-05-01T10:00:00.000Z","skuId":null,"productId":null,"channel":null,"kind":"EVENT_REJECTED","cause":"EVENT","actor":null,"fromStatus":null,"toStatus":null,"reasons":[],"details":"{\\"code\\":\\"BAD_JSON\\",\\"detail\\":null,\\"sample\\":\\"{\\"}"}',
    ],
  ])('%s should spell the stored fields in order', (_, entry, stored) => {
    expect(JSON.stringify(entry)).toBe(stored)
  })
})
