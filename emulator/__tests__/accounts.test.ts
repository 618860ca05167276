import { OTHER_MARKET, OTHER_MARKET_SELLER_NAMES } from '../world/accounts'
import { DEMO_APP_KEY, demoAppKeyOf } from '../auth/credentials'
import type { Emulator } from '../index'
import { APP_TOKEN, call, start } from './helpers'

const OTHER_APP_TOKEN = 'other-app-token'
// As the app's clients call it: the portal host, the account in `?an=`.
const inventory = (account: string) =>
  `http://portal.vtexcommercestable.com.br/api/logistics/pvt/inventory/skus/1?an=${account}`

const bearer = (token: string) => ({ VtexIdclientAutCookie: token })

type Balance = {
  balance: Array<{ warehouseId: string; totalQuantity: number }>
}
const inWhA = (body: Balance) =>
  body.balance.find((b) => b.warehouseId === 'wh-a')?.totalQuantity ?? 0

describe('given one emulator playing marketplacea and othermarket', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start({
      accounts: [{ ...OTHER_MARKET, appToken: OTHER_APP_TOKEN }],
    })
  })
  afterAll(() => emulator.close())

  describe('when each account is asked for SKU 1 with its own app token', () => {
    it('should answer from its own state: no stock in wh-a in one, 3 units in the other', async () => {
      const a = await call(emulator, 'GET', inventory('marketplacea'), {
        headers: bearer(APP_TOKEN),
      })

      const b = await call(emulator, 'GET', inventory('othermarket'), {
        headers: bearer(OTHER_APP_TOKEN),
      })

      expect(a.status).toBe(200)
      expect(b.status).toBe(200)
      expect(inWhA(a.json<Balance>())).toBe(0)
      expect(inWhA(b.json<Balance>())).toBe(3)
    })
  })

  describe("when each account's seller list is asked for", () => {
    it('should name the same seller ids differently in each account', async () => {
      const byId = (a: string[], b: string[]) => a[0].localeCompare(b[0])
      const list = async (account: string, token: string) =>
        (
          await call(
            emulator,
            'GET',
            `http://portal.vtexcommercestable.com.br/api/catalog_system/pvt/seller/list?an=${account}`,
            { headers: bearer(token) }
          )
        )
          .json<Array<{ SellerId: string; Name: string }>>()
          .map((s) => [s.SellerId, s.Name])
          .sort(byId)

      expect(await list('marketplacea', APP_TOKEN)).toEqual([
        ['1', 'Marketplace A'],
        ['sellera', 'Seller A'],
        ['sellerb', 'Seller B'],
        ['sellerc', 'Seller C'],
      ])
      expect(await list('othermarket', OTHER_APP_TOKEN)).toEqual(
        Object.entries(OTHER_MARKET_SELLER_NAMES).sort(byId)
      )
    })
  })

  describe('when a token is used on the other account', () => {
    it("should be refused: an app token or an admin's is valid on its own account only", async () => {
      for (const [host, token] of [
        ['othermarket', APP_TOKEN],
        ['marketplacea', OTHER_APP_TOKEN],
        ['othermarket', 'demo-admin-token'],
        ['marketplacea', 'other-admin-token'],
      ]) {
        const res = await call(emulator, 'GET', inventory(host), {
          headers: bearer(token),
        })

        expect({ host, token, status: res.status }).toEqual({
          host,
          token,
          status: 401,
        })
      }
    })
  })

  describe("when an integration's key pair is used on another account", () => {
    it('should be refused there and accepted on its own', async () => {
      const headers = (key: { appKey: string; appToken: string }) => ({
        'X-VTEX-API-AppKey': key.appKey,
        'X-VTEX-API-AppToken': key.appToken,
      })

      const own = await call(emulator, 'GET', inventory('othermarket'), {
        headers: headers(demoAppKeyOf('othermarket')),
      })

      const foreign = await call(emulator, 'GET', inventory('othermarket'), {
        headers: headers(DEMO_APP_KEY),
      })

      expect(own.status).toBe(200)
      expect(foreign.status).toBe(401)
    })
  })

  describe('when the control API is asked for an account', () => {
    it('should answer for that account: its own app token and counters', async () => {
      const other = await call(
        emulator,
        'GET',
        '/_emulator/app-token?account=othermarket'
      )

      const first = await call(emulator, 'GET', '/_emulator/app-token')

      expect(other.json<{ token: string }>().token).toBe(OTHER_APP_TOKEN)
      expect(first.json<{ token: string }>().token).toBe(APP_TOKEN)
      // A typo must not reset or change another account.
      expect(
        (await call(emulator, 'POST', '/_emulator/reset?account=othermarkt'))
          .status
      ).toBe(404)
    })
  })

  describe('when an account the emulator does not play is asked for', () => {
    it('should answer 404 AccountNotFound', async () => {
      const res = await call(emulator, 'GET', inventory('nobody'), {
        headers: bearer(APP_TOKEN),
      })

      expect(res.status).toBe(404)
    })
  })
})
