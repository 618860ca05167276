import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { account, APP_AUTH, AUTH, call, md, start, vbase } from './helpers'

describe('given --data <file>', () => {
  const file = path.join(
    os.tmpdir(),
    `emulator-${process.pid}-${Date.now()}.json`
  )

  afterAll(() => fs.rmSync(file, { force: true }))

  describe('when state changes and the emulator restarts', () => {
    it('should come back with the same catalog, stock, documents and files', async () => {
      const first = await start({ dataFile: file })

      await call(
        first,
        'POST',
        account('/api/catalog/pvt/product/1/salespolicy/2'),
        { headers: AUTH }
      )
      await call(
        first,
        'PUT',
        account('/api/logistics/pvt/inventory/skus/1/warehouses/wh-a'),
        { headers: AUTH, body: { quantity: 9, unlimitedQuantity: false } }
      )
      await call(first, 'PUT', md('/EX/documents/k1'), {
        headers: AUTH,
        body: { value: 'kept' },
      })
      const saved = await call(
        first,
        'PUT',
        vbase('/state/files/leases/main.json'),
        { headers: APP_AUTH, body: { owner: 'w1' } }
      )

      expect((await call(first, 'POST', '/_emulator/save')).status).toBe(200)
      await first.close()
      const second = await start({ dataFile: file })

      try {
        expect(
          (
            await call(
              second,
              'GET',
              account('/api/catalog/pvt/product/1/salespolicy'),
              { headers: AUTH }
            )
          ).json()
        ).toEqual([
          { ProductId: 1, StoreId: 1 },
          { ProductId: 1, StoreId: 2 },
        ])
        const inventory = (
          await call(
            second,
            'GET',
            account('/api/logistics/pvt/inventory/skus/1'),
            { headers: AUTH }
          )
        ).json<{ balance: Array<{ totalQuantity: number }> }>()

        expect(inventory.balance[0].totalQuantity).toBe(9)
        expect(
          (
            await call(second, 'GET', md('/EX/documents/k1?_fields=value'), {
              headers: AUTH,
            })
          ).json()
        ).toEqual({ value: 'kept' })
        const file2 = await call(
          second,
          'GET',
          vbase('/state/files/leases/main.json'),
          { headers: APP_AUTH }
        )

        expect(file2.json()).toEqual({ owner: 'w1' })
        expect(file2.headers.etag).toBe(saved.headers.etag)
        expect(
          (await call(second, 'GET', '/_emulator/health')).json()
        ).toMatchObject({ skus: 217 })
      } finally {
        await second.close()
      }
    })
  })

  describe('when a change is made and nobody asks to save', () => {
    it('should write the file shortly after (debounced)', async () => {
      const debounced = `${file}.debounced`
      const emulator = await start({ dataFile: debounced, seed: 'none' })

      try {
        await call(emulator, 'PUT', md('/EX/documents/late'), {
          headers: AUTH,
          body: { v: 1 },
        })
        await new Promise((resolve) => setTimeout(resolve, 900))
        const saved = JSON.parse(fs.readFileSync(debounced, 'utf8')) as {
          md: Array<[string, { docs: Array<{ id: string }> }]>
        }

        expect(saved.md[0][1].docs.map((d) => d.id)).toEqual(['late'])
      } finally {
        await emulator.close()
        fs.rmSync(debounced, { force: true })
      }
    })
  })
})
