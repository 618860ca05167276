/**
 * Settings and override inputs are validated (types, ranges, lengths, SKU and channel existence);
 * a refused input changes nothing. No token, key or cookie reaches the worker's logs or the audit
 * trail. Real worker + emulator.
 */
import type { Emulator } from '../support/emulator'
import { emulatorFor } from '../support/emulator'
import type { Worker } from '../support/worker'
import { freePort, graphql, sendEvent, startWorker } from '../support/worker'
import type { GqlError } from './support'
import { statusOf, writes } from './support'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const port = await freePort()

  emulator = await emulatorFor(`http://127.0.0.1:${port}`)
  worker = await startWorker(emulator.url, port, { FEED_SETTLE_MS: '0' })
  // SKU 2 has a decision, so an override on it is possible.
  const res = await graphql(
    worker,
    'mutation { reevaluate(skuId: "2") { status } }'
  )

  if (res.errors) throw new Error(JSON.stringify(res.errors))
})

afterAll(async () => {
  await worker?.stop()
  await emulator?.close()
})

const SETTINGS = `{ settings { channels { channel mode exposeAt withdrawBelow requirePrice sellerAllow sellerDeny } retentionDays } }`

const AUDIT_TOTAL = `{ auditTrail(pageSize: 1) { total } }`

async function snapshot() {
  const [settings, audit, exposure] = await Promise.all([
    graphql(worker, SETTINGS),
    graphql<{ auditTrail: { total: number } }>(worker, AUDIT_TOTAL),
    graphql(
      worker,
      '{ exposure(skuId: "2", channel: "MKB") { status reasons override { action note expiresAt } } }'
    ),
  ])

  return {
    settings: settings.data,
    audit: audit.data?.auditTrail.total,
    exposure: exposure.data,
    writes: await writes(emulator),
  }
}

const SAVE = `mutation ($input: SettingsInput!) { saveSettings(input: $input) { retentionDays } }`

const codesOf = (errors: GqlError[] | undefined) =>
  (errors ?? []).flatMap((e) => e.message.split(','))

describe('given settings an admin sends', () => {
  const long = Array.from({ length: 501 }, (_, i) => `seller${i}`)

  it.each([
    [
      'an unknown channel',
      { channels: [{ channel: 'ZZZ', exposeAt: 2 }] },
      'UNKNOWN_CHANNEL',
    ],
    [
      'the same channel twice',
      { channels: [{ channel: 'MKB' }, { channel: 'MKB' }] },
      'DUPLICATE_CHANNEL',
    ],
    [
      'a negative threshold',
      { channels: [{ channel: 'MKB', exposeAt: -1 }] },
      'NEGATIVE_THRESHOLD',
    ],
    [
      'a zero threshold',
      { channels: [{ channel: 'MKB', exposeAt: 0, withdrawBelow: 0 }] },
      'THRESHOLD_BELOW_ONE',
    ],
    [
      'a threshold past the maximum',
      { channels: [{ channel: 'GGL', exposeAt: 1_000_001 }] },
      'THRESHOLD_TOO_LARGE',
    ],
    [
      'withdrawBelow above exposeAt',
      { channels: [{ channel: 'MKB', exposeAt: 2, withdrawBelow: 5 }] },
      'WITHDRAW_ABOVE_EXPOSE',
    ],
    [
      'a malformed seller id',
      { channels: [{ channel: 'MKB', sellerAllow: ['a b<script>'] }] },
      'INVALID_SELLER_ID',
    ],
    [
      'a seller id of 10,000 characters',
      { channels: [{ channel: 'MKB', sellerDeny: ['s'.repeat(10_000)] }] },
      'INVALID_SELLER_ID',
    ],
    [
      'a seller in both lists',
      {
        channels: [
          { channel: 'MKB', sellerAllow: ['sellera'], sellerDeny: ['sellera'] },
        ],
      },
      // With the seller, so the admin can name it.
      'SELLER_IN_BOTH_LISTS:sellera',
    ],
    [
      '501 sellers in a list',
      { channels: [{ channel: 'MKB', sellerDeny: long }] },
      'TOO_MANY_SELLERS',
    ],
    ['a retention of 0 days', { retentionDays: 0 }, 'INVALID_RETENTION'],
    [
      'a retention of 10 years and a day',
      { retentionDays: 3651 },
      'INVALID_RETENTION',
    ],
    [
      'one valid and one invalid channel',
      {
        channels: [
          { channel: 'GGL', mode: 'ENFORCE' },
          { channel: 'MKB', exposeAt: -5 },
        ],
      },
      'NEGATIVE_THRESHOLD',
    ],
  ])(
    'when it has %s, should refuse it with a code and change nothing',
    async (_l, input, code) => {
      const before = await snapshot()
      const res = await graphql(worker, SAVE, { input })

      expect(res.data).toBeNull()
      expect(codesOf(res.errors)).toContain(code)
      expect(statusOf((res.errors as GqlError[])[0])).toBe(400)
      expect(await snapshot()).toEqual(before)
    }
  )

  it.each([
    [
      'a string threshold',
      { channels: [{ channel: 'MKB', exposeAt: 'many' }] },
    ],
    [
      'a fractional threshold',
      { channels: [{ channel: 'MKB', exposeAt: 1.5 }] },
    ],
    ['an unknown mode', { channels: [{ channel: 'MKB', mode: 'YOLO' }] }],
    [
      'a threshold past 32 bits',
      { channels: [{ channel: 'MKB', exposeAt: 2 ** 40 }] },
    ],
    [
      'a string for requirePrice',
      { channels: [{ channel: 'MKB', requirePrice: 'yes' }] },
    ],
    ['no channel id', { channels: [{ exposeAt: 2 }] }],
    [
      'an unknown field',
      { channels: [{ channel: 'MKB', exposeAt: 2, admin: true }] },
    ],
  ])(
    'when it has %s (wrong type), should refuse it and change nothing',
    async (_l, input) => {
      const before = await snapshot()
      const res = await graphql(worker, SAVE, { input })

      expect(res.data ?? null).toBeNull()
      expect(res.errors?.length).toBeGreaterThan(0)
      expect(await snapshot()).toEqual(before)
    }
  )

  it('when valid, should save it (the refusals above were not refusing everything)', async () => {
    const res = await graphql(worker, SAVE, { input: { retentionDays: 30 } })

    expect(res.data).toEqual({ saveSettings: { retentionDays: 30 } })
  })
})

const OVERRIDE = `mutation ($input: OverrideInput!) { setOverride(input: $input) { status reasons } }`

describe('given an override an admin sends', () => {
  const base = {
    skuId: '2',
    channel: 'MKB',
    action: 'BLOCK',
    note: 'stock audit',
  }

  it.each([
    ['a SKU id that is not a number', { skuId: 'abc' }, 'INVALID_SKU_ID'],
    ['a SKU id of 25 digits', { skuId: '1'.repeat(25) }, 'INVALID_SKU_ID'],
    ['a negative SKU id', { skuId: '-2' }, 'INVALID_SKU_ID'],
    ['a SKU the catalog does not have', { skuId: '987654321' }, 'UNKNOWN_SKU'],
    ['an unknown channel', { channel: 'ZZZ' }, 'UNKNOWN_CHANNEL'],
    [
      'a trade policy id instead of a channel',
      { channel: '2' },
      'UNKNOWN_CHANNEL',
    ],
    ['an empty note', { note: '   ' }, 'NOTE_REQUIRED'],
    ['a note of 5,000 characters', { note: 'n'.repeat(5000) }, 'NOTE_TOO_LONG'],
    [
      'an expiry that is not a date',
      { expiresAt: 'next tuesday' },
      'INVALID_EXPIRY',
    ],
    [
      'an expiry in the past',
      { expiresAt: '2001-01-01T00:00:00Z' },
      'EXPIRY_IN_PAST',
    ],
  ])(
    'when it has %s, should refuse it with a code and change nothing',
    async (_l, change, code) => {
      const before = await snapshot()
      const res = await graphql(worker, OVERRIDE, {
        input: { ...base, ...change },
      })

      expect(res.data).toBeNull()
      expect(codesOf(res.errors)).toContain(code)
      expect(statusOf((res.errors as GqlError[])[0])).toBe(400)
      expect(await snapshot()).toEqual(before)
    }
  )

  it.each([
    ['an unknown action', { action: 'DELETE' }],
    ['a numeric note', { note: 42 }],
    ['no note', { note: undefined }],
  ])(
    'when it has %s (wrong type), should refuse it and change nothing',
    async (_l, change) => {
      const before = await snapshot()
      const res = await graphql(worker, OVERRIDE, {
        input: { ...base, ...change },
      })

      expect(res.data ?? null).toBeNull()
      expect(res.errors?.length).toBeGreaterThan(0)
      expect(await snapshot()).toEqual(before)
    }
  )

  it('when a batch holds one invalid override, should apply none of it', async () => {
    const before = await snapshot()
    const res = await graphql(
      worker,
      'mutation ($inputs: [OverrideInput!]!) { setOverrides(inputs: $inputs) { status } }',
      {
        inputs: [
          { ...base, skuId: '2' },
          { ...base, channel: 'ZZZ' },
        ],
      }
    )

    expect(codesOf(res.errors)).toContain('UNKNOWN_CHANNEL')
    expect(await snapshot()).toEqual(before)
  })

  it('when valid, should apply it', async () => {
    const res = await graphql(worker, OVERRIDE, { input: base })

    expect(res.data).toEqual({
      setOverride: {
        status: 'WITHHELD',
        reasons: expect.arrayContaining(['MANUAL_BLOCK']),
      },
    })
  })
})

describe('given credentials used against the worker', () => {
  it('should keep every token, key and cookie out of its logs and the audit trail', async () => {
    const secrets = [
      'demo-admin-token',
      'demo-viewer-token',
      'forged-token-4242',
      worker.appToken,
    ]

    for (const token of ['demo-viewer-token', 'forged-token-4242']) {
      await graphql(worker, '{ settings { retentionDays } }', {}, token)
    }

    const created = await graphql<{ createChannelKey: { secret: string } }>(
      worker,
      'mutation { createChannelKey(channel: "MKB") { secret } }'
    )

    const secret = created.data?.createChannelKey.secret ?? ''

    expect(secret.length).toBeGreaterThan(15)
    secrets.push(secret)
    const feed = await fetch(
      `${worker.url}/_v/marketplace-stock-gate/channels/GGL/exposures`,
      {
        headers: {
          'x-vtex-account': 'marketplacea',
          'x-vtex-workspace': 'master',
          'x-vtex-credential': worker.appToken,
          'x-colossus-route-id': 'channelExposures',
          'x-colossus-params': 'affiliateId=GGL',
          authorization: `Bearer ${secret}`,
          cookie: 'VtexIdclientAutCookie=forged-token-4242',
        },
      }
    )

    expect(feed.status).toBe(403)
    await graphql(worker, 'mutation { reevaluate(skuId: "3") { status } }')
    await sendEvent(worker, { IdSku: '3', An: 'marketplacea' })

    const pages: unknown[] = []

    for (let page = 1; page <= 10; page++) {
      const res = await graphql<{ auditTrail: { items: unknown[] } }>(
        worker,
        'query ($p: Int) { auditTrail(page: $p, pageSize: 100) { items { id actor details reasons kind } } }',
        { p: page }
      )

      const items = res.data?.auditTrail.items ?? []

      pages.push(...items)
      if (items.length < 100) break
    }

    const logs = worker.logs.join('\n')
    const audit = JSON.stringify(pages)

    expect(pages.length).toBeGreaterThan(3)
    expect(logs.length).toBeGreaterThan(1000)
    expect(secrets.filter((s) => logs.includes(s))).toEqual([])
    expect(secrets.filter((s) => audit.includes(s))).toEqual([])
    expect(logs).not.toMatch(/VtexIdclientAutCookie=|Bearer [A-Za-z0-9]/i)
  })
})
