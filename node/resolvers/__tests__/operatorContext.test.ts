import type { AdminContext } from '../operatorContext'
import { actorOf } from '../operatorContext'

function request(token: string, lookups: string[]) {
  return {
    vtex: { account: 'acme' },
    get: (name: string) => (name === 'VtexIdclientAutCookie' ? token : ''),
    cookies: { get: () => undefined },
    clients: {
      vtexId: {
        authenticatedUser: async (t: string) => {
          lookups.push(t)

          return {
            userId: `u-${t}`,
            user: `${t}@acme.example`,
            account: 'acme',
          }
        },
      },
    },
  } as unknown as AdminContext
}

describe('given requests behind @auth', () => {
  describe('when a request names its actor several times', () => {
    it('should ask VTEX ID once for that request, and again for the next one', async () => {
      const lookups: string[] = []
      const first = request('ana', lookups)
      const second = request('bruno', lookups)

      expect(await Promise.all([actorOf(first), actorOf(first)])).toEqual([
        'ana@acme.example',
        'ana@acme.example',
      ])
      expect(await actorOf(first)).toBe('ana@acme.example')
      expect(await actorOf(second)).toBe('bruno@acme.example')
      expect(lookups).toEqual(['ana', 'bruno'])
    })
  })
})
