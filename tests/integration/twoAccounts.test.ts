/**
 * One worker, two accounts (issue: many accounts, one process). The emulator plays marketplacea
 * and othermarket: the same catalog ids, SKU 1 unstocked in one and with 3 units in wh-a (trade
 * policy 2) in the other, the same seller ids under other names, different settings. Interleaved
 * events for the same SKU id must each land in their own account, seller names and settings
 * never cross, and nothing one account's operator or key holds opens the other.
 */
import {
  OTHER_MARKET,
  OTHER_MARKET_SELLER_NAMES,
} from '../../emulator/world/accounts'
import { demoAppKeyOf } from '../../emulator/auth/credentials'
import type { Emulator } from '../support/emulator'
import { control, vtex } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import type { Worker } from '../support/worker'
import { appTokenOf, waitFor } from '../support/worker'

const A = { account: 'marketplacea', admin: 'demo-admin-token' }
const B = { account: 'othermarket', admin: 'other-admin-token' }

type Tenant = typeof A

/** The account's own demo integration key (a VTEX app key belongs to one account). */
const demoKeyHeaders = (account: string) => {
  const key = demoAppKeyOf(account)

  return {
    'X-VTEX-API-AppKey': key.appKey,
    'X-VTEX-API-AppToken': key.appToken,
  }
}

let emulator: Emulator
let worker: Worker
const tokens: Record<string, string> = {}

/** What IO's router adds for the tenant: its own app token, and the user's. */
const headersOf = (tenant: Tenant, user?: string) => ({
  'x-vtex-account': tenant.account,
  'x-vtex-workspace': 'master',
  'x-vtex-credential': tokens[tenant.account],
  'content-type': 'application/json',
  ...(user ? { VtexIdclientAutCookie: user } : {}),
})

async function gql<T>(
  tenant: Tenant,
  query: string,
  user: string = tenant.admin
): Promise<{ data: T | null; errors?: Array<{ message: string }> }> {
  const res = await fetch(`${worker.url}/${tenant.account}/master/_v/graphql`, {
    method: 'POST',
    headers: headersOf(tenant, user),
    body: JSON.stringify({ query }),
  })

  return res.json() as Promise<{
    data: T | null
    errors?: Array<{ message: string }>
  }>
}

const event = (tenant: Tenant, skuId: string) =>
  fetch(`${worker.url}/${tenant.account}/master/_events`, {
    method: 'POST',
    headers: {
      ...headersOf(tenant),
      'x-event-handler-id': 'broadcasterNotification',
      'x-event-key': 'broadcaster.notification',
      'x-event-sender': 'vtex.broadcaster@0.10.2',
    },
    body: JSON.stringify({
      IdSku: skuId,
      HasStockKeepingUnitModified: true,
      An: tenant.account,
    }),
  })

interface Decision {
  status: string
  reasons: string[]
  available: number | null
}

const decision = async (tenant: Tenant, skuId: string) =>
  (
    await gql<{ exposure: Decision | null }>(
      tenant,
      `{ exposure(skuId: "${skuId}", channel: "MKB") { status reasons available } }`
    )
  ).data?.exposure ?? null

const policiesOf = async (tenant: Tenant, productId: string) =>
  (
    (
      await vtex(
        emulator,
        'GET',
        `/api/catalog/pvt/product/${productId}/salespolicy`,
        undefined,
        `${tenant.account}.vtexcommercestable.com.br`,
        demoKeyHeaders(tenant.account)
      )
    ).body as Array<{ StoreId: number }>
  ).map((r) => r.StoreId)

beforeAll(async () => {
  const system = await startSystem({
    emulator: { accounts: [OTHER_MARKET] },
    // The feed serves entries at once (10 s after their time on VTEX).
    env: { FEED_SETTLE_MS: '0' },
  })

  emulator = system.emulator
  worker = system.worker
  tokens[A.account] = worker.appToken
  tokens[B.account] = await appTokenOf(`${emulator.url}`, B.account)
  // othermarket installs the app too (IO's `setup` event in its workspace).
  const installed = await control(
    emulator,
    'POST',
    `/apps/install?account=${B.account}`,
    {}
  )

  if (installed.status !== 200)
    throw new Error(`othermarket's install: ${JSON.stringify(installed)}`)
})

afterAll(() => stopSystem({ emulator, worker }))

describe('given one worker serving marketplacea and othermarket', () => {
  describe('when othermarket switches MKB to ENFORCE and both send events for SKU 1 at once', () => {
    it("should decide each account's SKU 1 from its own stock and write only othermarket's catalog", async () => {
      const saved = await gql<{ saveSettings: unknown }>(
        B,
        `mutation { saveSettings(input: { channels: [{ channel: "MKB", mode: ENFORCE }] }) { cacheId } }`
      )

      expect(saved.errors).toBeUndefined()

      // Interleaved: the same SKU id, in both accounts, several times over.
      const sent = await Promise.all(
        [A, B, A, B, B, A].map((tenant) => event(tenant, '1'))
      )

      expect(sent.map((r) => r.status)).toEqual([204, 204, 204, 204, 204, 204])

      const inA = await waitFor('SKU 1 decided in marketplacea', () =>
        decision(A, '1')
      )

      const inB = await waitFor('SKU 1 exposed in othermarket', async () => {
        const d = await decision(B, '1')

        return d?.status === 'EXPOSED' ? d : null
      })

      expect(inA).toMatchObject({
        status: 'WITHHELD',
        reasons: expect.arrayContaining(['NO_MARKETPLACE_STOCK']),
      })
      expect(inB).toMatchObject({ status: 'EXPOSED', available: 3 })
      await waitFor('product 1 on trade policy 2 in othermarket', async () =>
        (await policiesOf(B, '1')).includes(2)
      )
      expect(await policiesOf(A, '1')).not.toContain(2)

      // Each account's settings are its own.
      const modes = async (tenant: Tenant) =>
        (
          await gql<{ channels: Array<{ id: string; mode: string }> }>(
            tenant,
            '{ channels { id mode } }'
          )
        ).data?.channels.find((c) => c.id === 'MKB')?.mode

      expect(await modes(A)).toBe('OBSERVE')
      expect(await modes(B)).toBe('ENFORCE')

      // The audit trail, the projection rows and the feed: each account's own.
      const trail = async (tenant: Tenant) =>
        (
          await gql<{
            auditTrail: { items: Array<{ toStatus: string | null }> }
          }>(
            tenant,
            '{ auditTrail(skuId: "1", channel: "MKB") { items { toStatus } } }'
          )
        ).data?.auditTrail.items.map((e) => e.toStatus) ?? []

      expect(await trail(A)).toContain('WITHHELD')
      expect(await trail(A)).not.toContain('EXPOSED')
      expect(await trail(B)).toContain('EXPOSED')
      const exposedRows = async (tenant: Tenant) =>
        (
          await gql<{ exposures: { items: Array<{ skuId: string }> } }>(
            tenant,
            '{ exposures(filter: { channel: "MKB", text: "1" }, pageSize: 100) { items { skuId status } } }'
          )
        ).data?.exposures.items ?? []

      const rowOf = async (tenant: Tenant) =>
        (await exposedRows(tenant)).find((r) => r.skuId === '1') as
          | { skuId: string; status: string }
          | undefined

      expect((await rowOf(A))?.status).toBe('WITHHELD')
      expect((await rowOf(B))?.status).toBe('EXPOSED')

      const feedOf = async (tenant: Tenant) => {
        const created = await gql<{ createChannelKey: { secret: string } }>(
          tenant,
          'mutation { createChannelKey(channel: "MKB") { secret } }'
        )

        const res = await vtex(
          emulator,
          'GET',
          '/_v/marketplace-stock-gate/channels/MKB/exposures?limit=100',
          undefined,
          `${tenant.account}.myvtex.com`,
          {
            Authorization: `Bearer ${
              created.data?.createChannelKey.secret ?? ''
            }`,
          }
        )

        return (
          res.body as { items: Array<{ skuId: string; status: string }> }
        ).items
          .filter((e) => e.skuId === '1')
          .map((e) => e.status)
      }

      const feedA = await feedOf(A)

      expect(feedA).toContain('WITHHELD')
      expect(feedA).not.toContain('EXPOSED')
      expect(await feedOf(B)).toContain('EXPOSED')
    })
  })

  describe("when each account's operator lists the sellers, the accounts in turn", () => {
    it("should show each account its own sellers' names, never the other's", async () => {
      const names = async (tenant: Tenant) => {
        const res = await gql<{ sellers: Array<{ id: string; name: string }> }>(
          tenant,
          '{ sellers { id name } }'
        )

        expect(res.errors).toBeUndefined()

        return Object.fromEntries(
          (res.data?.sellers ?? []).map((s) => [s.id, s.name])
        )
      }

      const ownOfA = {
        sellera: 'Seller A',
        sellerb: 'Seller B',
        sellerc: 'Seller C',
      }

      // Seller "1" is the marketplace itself, never listed.
      const { '1': _self, ...ownOfB } = OTHER_MARKET_SELLER_NAMES

      // A, B, A: a list cached for one account would answer the next call of the other.
      expect(await names(A)).toEqual(ownOfA)
      expect(await names(B)).toEqual(ownOfB)
      expect(await names(A)).toEqual(ownOfA)
      expect(await names(B)).toEqual(ownOfB)
    })
  })

  describe("when marketplacea changes MKB's thresholds and deny list", () => {
    const settingsOf = async (tenant: Tenant) => {
      const res = await gql<{
        settings: {
          channels: Array<Record<string, unknown> & { channel: string }>
          retentionDays: number
        }
      }>(
        tenant,
        '{ settings { retentionDays channels { channel mode exposeAt withdrawBelow requirePrice sellerAllow sellerDeny } } }'
      )

      expect(res.errors).toBeUndefined()

      return res.data?.settings
    }

    it("should leave othermarket's settings and decisions as they were", async () => {
      const otherBefore = await settingsOf(B)
      const ownBefore = await settingsOf(A)

      expect(
        otherBefore?.channels.find((c) => c.channel === 'MKB')
      ).toMatchObject({ mode: 'ENFORCE', exposeAt: 1, sellerDeny: [] })

      const saved = await gql<{ saveSettings: unknown }>(
        A,
        'mutation { saveSettings(input: { retentionDays: 30, channels: [{ channel: "MKB", exposeAt: 7, withdrawBelow: 5, sellerDeny: ["sellera"] }] }) { cacheId } }'
      )

      expect(saved.errors).toBeUndefined()
      // A, B, A: each account's settings query answers its own (it reads VBase afresh).
      const own = await settingsOf(A)

      expect(await settingsOf(B)).toEqual(otherBefore)
      expect(await settingsOf(A)).toEqual(own)
      expect(own).not.toEqual(ownBefore)
      expect(own?.retentionDays).toBe(30)
      expect(own?.channels.find((c) => c.channel === 'MKB')).toMatchObject({
        mode: 'OBSERVE',
        exposeAt: 7,
        withdrawBelow: 5,
        sellerDeny: ['sellera'],
      })

      // Decisions, which take settings from the worker's 5 s cache: marketplacea's SKU 1 now
      // leaves Seller A out; othermarket's, decided in between with 4 units (under
      // marketplacea's withdrawBelow of 5, over its own 1), stays exposed.
      expect((await event(A, '1')).status).toBe(204)
      await vtex(
        emulator,
        'PUT',
        '/api/logistics/pvt/inventory/skus/1/warehouses/wh-a',
        { quantity: 4, unlimitedQuantity: false, leadTime: '00:00:00' },
        `${B.account}.vtexcommercestable.com.br`,
        demoKeyHeaders(B.account)
      )
      expect((await event(A, '1')).status).toBe(204)
      const inA = await waitFor(
        'Seller A left out in marketplacea',
        async () => {
          const d = await decision(A, '1')

          return d?.reasons.includes('SELLER_EXCLUDED') ? d : null
        }
      )

      const inB = await waitFor('4 units seen in othermarket', async () => {
        const d = await decision(B, '1')

        return d?.available === 4 ? d : null
      })

      expect(inA.status).toBe('WITHHELD')
      expect(inB).toMatchObject({ status: 'EXPOSED', reasons: [] })
      expect(await policiesOf(B, '1')).toContain(2)
    })
  })

  describe('when VTEX answers 429 to every catalog read of marketplacea, asking for 30 s', () => {
    it("should decide othermarket's events meanwhile: the budget that waits is marketplacea's", async () => {
      await control(emulator, 'POST', `/faults?account=${A.account}`, {
        match: 'GET /api/catalog*',
        status: 429,
        retryAfter: 30,
        times: 10_000,
      })

      try {
        // marketplacea meets the storm first; its budget for the catalog now waits 30 s.
        expect((await event(A, '2')).status).toBe(204)
        await waitFor('marketplacea meeting the 429s', async () => {
          const faults = (
            await control(emulator, 'GET', `/faults?account=${A.account}`)
          ).body as Array<{ hits: number }>

          return faults.some((f) => f.hits > 0)
        })
        // (SKU 2 is alone in its product: nothing decided it in othermarket yet.)
        expect(await decision(B, '2')).toBeNull()
        expect((await event(B, '2')).status).toBe(204)
        // Well inside the 30 s: a shared budget would hold othermarket's reads as long.
        const inB = await waitFor(
          'SKU 2 decided in othermarket',
          () => decision(B, '2'),
          10_000
        )

        expect(inB?.status).toBeDefined()
      } finally {
        await control(emulator, 'DELETE', `/faults?account=${A.account}`)
      }
    })
  })

  describe("when one account's admin calls the other account's API", () => {
    it('should be refused, both ways', async () => {
      for (const [tenant, user] of [
        [B, A.admin],
        [A, B.admin],
      ] as const) {
        const res = await gql<{ settings: unknown }>(
          tenant,
          '{ settings { retentionDays } }',
          user
        )

        expect(res.data?.settings ?? null).toBeNull()
        expect(res.errors?.length).toBeGreaterThan(0)
      }
    })
  })

  describe("when a feed key of marketplacea is used on othermarket's feed", () => {
    it('should open nothing there', async () => {
      const created = await gql<{ createChannelKey: { secret: string } }>(
        A,
        'mutation { createChannelKey(channel: "MKB") { secret } }'
      )

      const secret = created.data?.createChannelKey.secret ?? ''

      expect(secret).not.toBe('')
      // As an affiliate calls it: through IO's router, on the account's own host.
      const feed = async (tenant: Tenant) =>
        vtex(
          emulator,
          'GET',
          '/_v/marketplace-stock-gate/channels/MKB/exposures',
          undefined,
          `${tenant.account}.myvtex.com`,
          { Authorization: `Bearer ${secret}` }
        )

      expect((await feed(A)).status).toBe(200)
      expect((await feed(B)).status).toBe(401)
    })
  })
})
