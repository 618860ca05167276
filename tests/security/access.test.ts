/**
 * Every GraphQL root field (read from graphql/schema.graphql) and every route (read from
 * node/service.json) is refused without an operator and accepted with one; a refused call writes
 * nothing. GraphQL refusals come from @vtex/api's own @auth (VTEX ID, then License Manager for
 * the pair in the schema); the private route makes the same check. tests/app/schema.test.ts
 * checks the directive is on every field. The affiliate feed isolates channels. Real worker +
 * emulator.
 */
import fs from 'fs'
import path from 'path'

import type { Emulator } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import type { Worker } from '../support/worker'
import { ACCOUNT, graphql } from '../support/worker'
import type { GqlError, RootField } from './support'
import {
  codeOf,
  namedType,
  operationFor,
  rootFields,
  statusOf,
  settledWrites,
  writes,
} from './support'

const SERVICE = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, '..', '..', 'node', 'service.json'),
    'utf8'
  )
) as {
  routes: Record<string, { path: string; public: boolean; policies?: unknown }>
}

let emulator: Emulator
let worker: Worker
const ids = { run: 'no-such-run', key: 'no-such-key' }

beforeAll(async () => {
  const system = await startSystem({ env: { FEED_SETTLE_MS: '0' } })

  emulator = system.emulator
  worker = system.worker
})

afterAll(() => stopSystem({ emulator, worker }))

const OVERRIDE = {
  skuId: '2',
  channel: 'MKB',
  action: 'BLOCK',
  note: 'security suite',
}

/** A valid value for each argument, chosen by its input type, else by its name. */
const BY_TYPE: Record<string, unknown> = {
  OverrideInput: OVERRIDE,
  SettingsInput: { retentionDays: 90 },
  StockBufferInput: {
    scope: 'SKU',
    targetId: '2',
    channel: 'MKB',
    exposeAt: 2,
    withdrawBelow: 2,
    note: 'security suite',
  },
  ReconciliationScopeInput: { skuIds: ['2'] },
  ReconciliationScheduleInput: { fullEveryHours: 0, partialEveryMinutes: 0 },
  ExposureFilter: { channel: 'MKB', status: 'WITHHELD' },
  ExposureSort: { field: 'SKU_ID', order: 'ASC' },
  // A count the filter does not have: the admin's call is answered (COUNT_CHANGED), nothing runs.
  OverridesMatchingInput: {
    filter: { channel: 'MKB', status: 'WITHHELD' },
    action: 'BLOCK',
    note: 'security suite',
    expected: -1,
  },
}

const BY_NAME: Record<string, unknown> = {
  skuId: '2',
  channel: 'MKB',
  skuIds: ['2'],
  page: 1,
  pageSize: 10,
  days: 30,
  // The exposures table's keyset cursor: null asks for the first page.
  after: null,
  // The CSV export's later pages: no count of the whole filter.
  countAll: false,
  inputs: [OVERRIDE],
  kind: 'DRIFTED',
  emails: ['ops@example.com'],
}

function variables(field: RootField): Record<string, unknown> {
  const out: Record<string, unknown> = {}

  for (const arg of field.args) {
    const name = arg.name.value
    const type = namedType(arg.type)

    if (name === 'runId') {
      out.runId = ids.run
    } else if (name === 'id') {
      out.id = field.name.includes('ChannelKey') ? ids.key : ids.run
    } else if (type in BY_TYPE) {
      out[name] = BY_TYPE[type]
    } else if (name in BY_NAME) {
      out[name] = BY_NAME[name]
    } else {
      // A new argument: give it a sample here so that it is checked too.
      throw new Error(`no sample value for ${field.name}(${name}: ${type})`)
    }
  }

  return out
}

const FIELDS = rootFields()

describe.each([
  ['no token', null, 'UNAUTHENTICATED'],
  ['a token VTEX ID does not know', 'forged-token-123', 'UNAUTHENTICATED'],
  // A VTEX ID user of the account whose roles do not hold the operators' resource.
  ['the demo viewer', 'demo-viewer-token', 'FORBIDDEN'],
] as const)('given %s', (_label, token, code) => {
  it.each(FIELDS.map((f) => [`${f.operation} ${f.name}`, f] as const))(
    'when calling %s, should refuse it and write nothing',
    async (_name, field) => {
      const before = await writes(emulator)
      const res = await graphql(
        worker,
        operationFor(field),
        variables(field),
        token
      )

      const errors = (res.errors ?? []) as GqlError[]

      // @auth's errors carry apollo's codes (the admin maps them to messages).
      expect(errors.map(codeOf)).toEqual([code])
      expect(
        (res.data as Record<string, unknown> | null)?.[field.name] ?? null
      ).toBeNull()
      expect(await writes(emulator)).toBe(before)
    }
  )
})

describe('given an authenticated admin', () => {
  beforeAll(async () => {
    const key = await graphql<{ createChannelKey: { key: { id: string } } }>(
      worker,
      'mutation { createChannelKey(channel: "GGL") { key { id } } }'
    )

    ids.key = key.data?.createChannelKey.key.id ?? 'missing'
    const run = await graphql<{ startReconciliation: { id: string } }>(
      worker,
      'mutation { startReconciliation(scope: { skuIds: ["3"] }) { id } }'
    )

    ids.run = run.data?.startReconciliation.id ?? 'missing'
  })

  it.each(FIELDS.map((f) => [`${f.operation} ${f.name}`, f] as const))(
    'when calling %s, should not refuse it',
    async (_name, field) => {
      const res = await graphql(worker, operationFor(field), variables(field))
      const errors = (res.errors ?? []) as GqlError[]

      // The admin passes the directive; a domain answer (e.g. a run that already finished
      // cannot be cancelled) is still an answer with its own status, never a refusal.
      expect(errors.map((e) => statusOf(e) ?? 'none')).toEqual(
        errors.map(() => expect.any(Number))
      )
      expect(
        errors.filter(
          (e) =>
            [401, 403].includes(statusOf(e) ?? 0) ||
            ['UNAUTHENTICATED', 'FORBIDDEN'].includes(codeOf(e) ?? '')
        )
      ).toEqual([])
      expect(errors.length > 0 || field.name in (res.data ?? {})).toBe(true)
    }
  )

  it("should record the operator's e-mail, from VTEX ID, as the audit's actor", async () => {
    const set = await graphql(
      worker,
      'mutation ($i: OverrideInput!) { setOverride(input: $i) { status } }',
      { i: { ...OVERRIDE, skuId: '3', note: 'actor check' } }
    )

    expect(set.errors).toBeUndefined()
    const trail = await graphql<{
      auditTrail: { items: Array<{ kind: string; actor: string | null }> }
    }>(
      worker,
      '{ auditTrail(skuId: "3", channel: "MKB", pageSize: 100) { items { kind actor } } }'
    )

    expect(
      trail.data?.auditTrail.items.filter((i) => i.kind === 'OVERRIDE_SET')
    ).toContainEqual({
      kind: 'OVERRIDE_SET',
      actor: 'admin@marketplacea.example',
    })
  })

  it('should accept the token as the VtexIdclientAutCookie cookie, as IO delivers it', async () => {
    const res = await fetch(`${worker.url}/${ACCOUNT}/master/_v/graphql`, {
      method: 'POST',
      headers: {
        'x-vtex-account': ACCOUNT,
        'x-vtex-workspace': 'master',
        'x-vtex-credential': worker.appToken,
        'content-type': 'application/json',
        cookie: 'VtexIdclientAutCookie=demo-admin-token',
      },
      body: JSON.stringify({ query: '{ settings { retentionDays } }' }),
    })

    expect(await res.json()).toEqual({
      data: { settings: { retentionDays: 90 } },
    })
  })
})

/** Calls a route the way IO's router forwards it (a public one without the account prefix). */
async function route(
  name: string,
  params: Record<string, string>,
  headers: Record<string, string>,
  method = 'GET'
) {
  const { path: template, public: isPublic } = SERVICE.routes[name]
  const routePath = template.replace(/:(\w+)/g, (_m, p: string) => params[p])
  const url = isPublic
    ? `${worker.url}${routePath}`
    : `${worker.url}/${ACCOUNT}/master${routePath}`

  const res = await fetch(url, {
    method,
    headers: {
      'x-vtex-account': ACCOUNT,
      'x-vtex-workspace': 'master',
      'x-vtex-credential': worker.appToken,
      ...(isPublic
        ? {
            'x-colossus-route-id': name,
            'x-colossus-params': new URLSearchParams(params).toString(),
          }
        : {}),
      ...headers,
    },
  })

  return { status: res.status, body: await res.text() }
}

describe('given the routes in service.json', () => {
  it('should have a check below for each of them', () => {
    expect(
      Object.keys(SERVICE.routes).sort((a, b) => a.localeCompare(b))
    ).toEqual([
      'channelExposures',
      'channelSnapshot',
      'reconcileTick',
      'skuExposures',
    ])
    expect(SERVICE.routes.skuExposures.public).toBe(false)
    // Users call it: IO lets them through only with a resource-based policy on a private path
    // (vtex-io-rbac: role-based policies are app-to-app); the route's own check then requires
    // the operators' role.
    expect(SERVICE.routes.skuExposures.path).toMatch(/^\/_v\/private\//)
    expect(SERVICE.routes.skuExposures.policies).toEqual([
      {
        effect: 'allow',
        actions: ['GET'],
        principals: ['vrn:vtex.vtex-id:*:*:*:user/*'],
      },
    ])
  })

  describe("when calling the scheduler's tick (reconcileTick)", () => {
    // Public so that vtex.scheduler can reach it; only the secret registered with the schedule
    // opens it (header x-stock-gate-tick). Neither a user token nor a guess does.
    it.each([
      ['nothing', {}],
      ['a forged tick secret', { 'x-stock-gate-tick': 'guess-123' }],
      ["an admin's user token", { VtexIdclientAutCookie: 'demo-admin-token' }],
    ] as const)(
      'with %s, should refuse it (401) and write nothing',
      async (_l, headers) => {
        const before = await settledWrites(emulator)
        const res = await route('reconcileTick', {}, { ...headers }, 'POST')

        expect(res.status).toBe(401)
        expect(await writes(emulator)).toBe(before)
      }
    )
  })

  describe('when reading a SKU (skuExposures)', () => {
    it.each([
      ['no token', {}, 401],
      ['a forged token', { VtexIdclientAutCookie: 'forged-token-123' }, 401],
      ['a viewer', { VtexIdclientAutCookie: 'demo-viewer-token' }, 403],
    ] as const)('with %s, should refuse it', async (_l, headers, status) => {
      const res = await route('skuExposures', { skuId: '2' }, { ...headers })

      expect(res.status).toBe(status)
      expect(res.body).not.toContain('skuId')
    })

    it('with an admin, should answer', async () => {
      const res = await route(
        'skuExposures',
        { skuId: '2' },
        {
          VtexIdclientAutCookie: 'demo-admin-token',
        }
      )

      // SKU 2 was evaluated by the admin calls above.
      expect(res.status).toBe(200)
      expect(JSON.parse(res.body)).toMatchObject({ skuId: '2' })
    })
  })

  // The change feed and the snapshot a channel starts from: the same key check.
  describe.each([
    ['channelExposures', [200]],
    // 503 until the channel's baseline sweep finished: past the key check all the same.
    ['channelSnapshot', [200, 503]],
  ])('when reading a channel route (%s)', (name, answered) => {
    let mkb = ''
    let ggl = ''
    let mkbId = ''

    beforeAll(async () => {
      const create = async (channel: string) =>
        (
          await graphql<{
            createChannelKey: { secret: string; key: { id: string } }
          }>(
            worker,
            'mutation ($c: ID!) { createChannelKey(channel: $c) { secret key { id } } }',
            { c: channel }
          )
        ).data?.createChannelKey

      const a = await create('MKB')
      const b = await create('GGL')

      mkb = a?.secret ?? ''
      mkbId = a?.key.id ?? ''
      ggl = b?.secret ?? ''
    })

    it('should refuse a caller without a key (401)', async () => {
      expect((await route(name, { affiliateId: 'MKB' }, {})).status).toBe(401)
      expect(
        (
          await route(
            name,
            { affiliateId: 'MKB' },
            { authorization: 'Bearer nope' }
          )
        ).status
      ).toBe(401)
    })

    it("should refuse another channel's key (403)", async () => {
      const res = await route(
        name,
        { affiliateId: 'MKB' },
        {
          authorization: `Bearer ${ggl}`,
        }
      )

      expect(res.status).toBe(403)
    })

    it("should refuse an admin's user token in place of a key", async () => {
      const res = await route(
        name,
        { affiliateId: 'MKB' },
        {
          VtexIdclientAutCookie: 'demo-admin-token',
        }
      )

      expect(res.status).toBe(401)
    })

    it('should answer the channel with its own key, and stop once it is revoked', async () => {
      const ok = await route(
        name,
        { affiliateId: 'MKB' },
        {
          authorization: `Bearer ${mkb}`,
        }
      )

      expect(answered).toContain(ok.status)
      const revoke = await graphql(
        worker,
        'mutation ($id: ID!) { revokeChannelKey(channel: "MKB", id: $id) { revokedAt } }',
        { id: mkbId }
      )

      expect(revoke.errors).toBeUndefined()
      expect(
        (
          await route(
            name,
            { affiliateId: 'MKB' },
            { authorization: `Bearer ${mkb}` }
          )
        ).status
      ).toBe(401)
    })
  })
})
