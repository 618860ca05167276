import type { Emulator } from '../index'
import { call, start } from './helpers'

/** How the control API picks a route: the same answers whatever the table looks like. */
describe('given the control API', () => {
  let emulator: Emulator

  beforeAll(async () => {
    emulator = await start()
  })
  afterAll(() => emulator.close())

  describe('when the path is not a control route', () => {
    it('should answer 404 naming the method and the path without trailing slashes', async () => {
      const res = await call(emulator, 'GET', '/_emulator/nothing-here//')

      expect(res.status).toBe(404)
      expect(res.json<{ message: string }>().message).toBe(
        'Control route GET /_emulator/nothing-here not found'
      )
    })

    it('should answer 404 for a known path with another method', async () => {
      const res = await call(emulator, 'PUT', '/_emulator/faults')

      expect(res.status).toBe(404)
    })
  })

  describe('when the path ends in slashes', () => {
    it('should serve the route as without them', async () => {
      const res = await call(emulator, 'GET', '/_emulator/counters//')

      expect(res.status).toBe(200)
    })
  })

  describe('when the body is not a JSON object', () => {
    it('should answer 400 before looking the route up', async () => {
      const malformed = await call(emulator, 'POST', '/_emulator/nothing', {
        raw: '{',
      })

      const array = await call(emulator, 'POST', '/_emulator/faults', {
        body: [1],
      })

      expect([malformed.status, array.status]).toEqual([400, 400])
      expect(malformed.json<{ message: string }>().message).toBe(
        'Malformed JSON body'
      )
      expect(array.json<{ message: string }>().message).toBe(
        'Expected a JSON object body'
      )
    })
  })

  describe('when a route has path parameters', () => {
    it('should decode them and read an affiliate id in any case', async () => {
      await call(emulator, 'DELETE', '/_emulator/affiliates/zzq/inbox')
      await call(emulator, 'POST', '/_emulator/affiliates/zzq/inbox', {
        body: { n: 1 },
      })
      const inbox = await call(
        emulator,
        'GET',
        '/_emulator/affiliates/ZZQ/inbox'
      )

      const offer = await call(
        emulator,
        'POST',
        '/_emulator/sellers/sellera/offers/A%31001',
        { body: { quantity: 4 } }
      )

      expect(inbox.json()).toEqual([{ n: 1 }])
      expect(offer.status).toBe(200)
      expect(offer.json<{ quantity: number }>().quantity).toBe(4)
    })
  })
})
