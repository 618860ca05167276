import type { AuthenticatedUser } from '../../../clients/identity'
import {
  ADMIN_RESOURCE,
  authorizeAdmin,
  identifyUser,
  userToken,
} from '../adminUser'

const USERS: Record<string, AuthenticatedUser> = {
  'admin-token': {
    userId: 'u-1',
    user: 'admin@acme.example',
    account: 'acme',
  },
  'viewer-token': {
    userId: 'u-2',
    user: 'viewer@acme.example',
    account: 'acme',
  },
  'other-account-token': {
    userId: 'u-3',
    user: 'admin@other.example',
    account: 'other',
  },
}

function fakes() {
  const asked: Array<[string, string, string]> = []
  const deps = {
    vtexId: {
      authenticatedUser: async (token: string) => USERS[token] ?? null,
    },
    licenseManager: {
      granted: async (login: string, product: string, resource: string) => {
        asked.push([login, product, resource])

        return login === 'admin@acme.example'
      },
    },
  }

  return { deps, asked }
}

describe('given a private route', () => {
  describe.each([
    ['no token', undefined, 401],
    ['a token VTEX ID does not know', 'forged', 401],
    ["another account's user", 'other-account-token', 401],
    ['a user without the role', 'viewer-token', 403],
  ] as const)('when called with %s', (_label, token, status) => {
    it(`should refuse it with ${status}`, async () => {
      const { deps } = fakes()

      await expect(authorizeAdmin(deps, 'acme', token)).rejects.toMatchObject({
        status,
      })
    })
  })

  describe('when called by an operator', () => {
    it("should ask License Manager for the schema's pair and answer who it is", async () => {
      const { deps, asked } = fakes()

      expect(await authorizeAdmin(deps, 'acme', 'admin-token')).toEqual({
        userId: 'u-1',
        email: 'admin@acme.example',
      })
      expect(asked).toEqual([
        [
          'admin@acme.example',
          ADMIN_RESOURCE.productCode,
          ADMIN_RESOURCE.resourceCode,
        ],
      ])
    })
  })
})

describe('given a GraphQL field @auth let through', () => {
  describe('when the actor is identified', () => {
    it('should ask VTEX ID only, keep nothing between calls, and refuse an unknown token', async () => {
      const { deps, asked } = fakes()
      let lookups = 0
      const vtexId = {
        authenticatedUser: async (token: string) => {
          lookups += 1

          return deps.vtexId.authenticatedUser(token)
        },
      }

      expect(
        (await identifyUser({ vtexId }, 'acme', 'viewer-token')).email
      ).toBe('viewer@acme.example')
      await identifyUser({ vtexId }, 'acme', 'viewer-token')
      expect(lookups).toBe(2)
      expect(asked).toEqual([])
      await expect(
        identifyUser({ vtexId }, 'acme', 'forged')
      ).rejects.toMatchObject({
        status: 401,
      })
    })
  })
})

describe('userToken', () => {
  it.each([
    [{ cookie: 'c', header: 'h' }, 'c'],
    [{ cookie: undefined, header: 'h' }, 'h'],
    [{ cookie: '', header: '' }, undefined],
  ])('should read %j as %s', ({ cookie, header }, expected) => {
    expect(
      userToken(
        () => header,
        () => cookie
      )
    ).toBe(expected)
  })
})
