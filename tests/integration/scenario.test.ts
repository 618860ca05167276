/**
 * The VTEX article's scenario end to end, through the real worker and the emulator: a Seller A SKU
 * reaches Marketplace B only once Marketplace A stocks it, and leaves when the stock is gone.
 */
import type { Emulator } from '../support/emulator'
import { control, emulatorFor, vtex } from '../support/emulator'
import type { Worker } from '../support/worker'
import {
  freePort,
  graphql,
  sendEvent,
  startWorker,
  waitFor,
} from '../support/worker'

interface ExposureOut {
  status: string
  reasons: string[]
  available: number | null
  productAssociated: boolean | null
  productId: string
}

const EXPOSURE = `query ($skuId: ID!, $channel: ID!) {
  exposure(skuId: $skuId, channel: $channel) { status reasons available productAssociated productId }
}`

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const port = await freePort()

  emulator = await emulatorFor(`http://127.0.0.1:${port}`)
  worker = await startWorker(emulator.url, port)
})

afterAll(async () => {
  await worker?.stop()
  await emulator?.close()
})

async function exposure(skuId: string, channel: string) {
  const res = await graphql<{ exposure: ExposureOut | null }>(
    worker,
    EXPOSURE,
    { skuId, channel }
  )

  return res.data?.exposure ?? null
}

const policiesOf = async (productId: string) => {
  const res = await vtex(
    emulator,
    'GET',
    `/api/catalog/pvt/product/${productId}/salespolicy`
  )

  return (res.body as Array<{ StoreId: number }>)
    .map((r) => r.StoreId)
    .sort((a, b) => a - b)
}

const inbox = async (affiliate: string) =>
  (await control(emulator, 'GET', `/affiliates/${affiliate}/inbox`))
    .body as Array<{
    IdSku?: string
    HasStockKeepingUnitRemovedFromAffiliate?: boolean
  }>

async function setMode(channel: string, mode: 'OBSERVE' | 'ENFORCE') {
  const res = await graphql(
    worker,
    `
      mutation ($input: SettingsInput!) {
        saveSettings(input: $input) {
          channels {
            channel
            mode
          }
        }
      }
    `,
    { input: { channels: [{ channel, mode }] } }
  )

  expect(res.errors).toBeUndefined()
}

describe('given Seller A SKU 1 cataloged in Marketplace A with no marketplace stock', () => {
  it('should be withheld for MKB with NO_MARKETPLACE_STOCK, and in ENFORCE its product stays out of trade policy 2', async () => {
    await setMode('MKB', 'ENFORCE')
    await setMode('GGL', 'ENFORCE')
    const res = await sendEvent(worker, {
      IdSku: '1',
      HasStockKeepingUnitModified: true,
      An: 'marketplacea',
    })

    expect(res.status).toBe(204)
    const mkb = await waitFor('SKU 1 decided', () => exposure('1', 'MKB'))

    expect(mkb).toMatchObject({
      status: 'WITHHELD',
      reasons: ['NO_MARKETPLACE_STOCK'],
      available: 0,
    })
    expect(await policiesOf(mkb.productId)).not.toContain(2)
    expect((await inbox('MKB')).filter((n) => n.IdSku === '1')).toEqual([])
    expect(worker.logs.join('\n')).not.toMatch(
      /enforce-product-failed|enforce-write-failed/
    )
  })
})

describe('when the marketplace puts 3 units in the warehouse whose dock serves trade policy 2', () => {
  it('should expose SKU 1 on MKB through the broadcaster event, associate its product with trade policy 2 and notify MKB', async () => {
    await vtex(
      emulator,
      'PUT',
      '/api/logistics/pvt/inventory/skus/1/warehouses/wh-a',
      {
        quantity: 3,
        unlimitedQuantity: false,
      }
    )

    const mkb = await waitFor('SKU 1 exposed on MKB', async () => {
      const e = await exposure('1', 'MKB')

      return e?.status === 'EXPOSED' ? e : null
    })

    expect(mkb.available).toBe(3)
    await waitFor('product in trade policy 2', async () =>
      (await policiesOf(mkb.productId)).includes(2)
    )
    await waitFor('MKB notified', async () =>
      (await inbox('MKB')).some((n) => n.IdSku === '1')
    )
    const ggl = await exposure('1', 'GGL')

    expect(ggl).toMatchObject({
      status: 'WITHHELD',
      reasons: ['NO_MARKETPLACE_STOCK'],
    })
    expect(await policiesOf(mkb.productId)).not.toContain(3)
  })
})
