/**
 * The VTEX article's scenario end to end, through the real worker and the emulator: a Seller A SKU
 * reaches Marketplace B only once Marketplace A stocks it, and leaves when the stock is gone.
 */
import type { Emulator } from '../support/emulator'
import { control, vtex } from '../support/emulator'
import type { JobOut } from '../support/jobs'
import { JOB_FIELDS, jobEnd } from '../support/jobs'
import { startSystem, stopSystem } from '../support/system'
import type { Worker } from '../support/worker'
import { graphql, sendEvent, waitFor } from '../support/worker'

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
  const system = await startSystem()

  emulator = system.emulator
  worker = system.worker
})

afterAll(() => stopSystem({ emulator, worker }))

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
        leadTime: '00:00:00',
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

interface AuditOut {
  kind: string
  cause: string
  channel: string | null
  toStatus: string | null
  details: string | null
}

async function trail(skuId: string, channel: string) {
  const res = await graphql<{ auditTrail: { items: AuditOut[] } }>(
    worker,
    `
      query ($skuId: ID, $channel: ID) {
        auditTrail(skuId: $skuId, channel: $channel, pageSize: 100) {
          items {
            kind
            cause
            channel
            toStatus
            details
          }
        }
      }
    `,
    { skuId, channel }
  )

  return [...(res.data?.auditTrail.items ?? [])].reverse()
}

describe('when reservations consume the stock', () => {
  it('should withdraw SKU 1 and dissociate its product, with the audit trail showing each step and its cause', async () => {
    const reservation = await vtex(
      emulator,
      'POST',
      '/api/logistics/pvt/inventory/reservations',
      {
        salesChannel: '2',
        lockId: 'order-1',
        autorizationExpirationTTL: '00:10:00',
        deliveryItemOptions: [
          {
            item: { id: '1', quantity: 3, kitItem: [] },
            slaType: 'Normal',
            wareHouseId: 'wh-a',
            dockId: 'dock-a',
          },
        ],
      }
    )

    expect(reservation.status).toBeLessThan(300)
    await waitFor(
      'SKU 1 withdrawn from MKB',
      async () => (await exposure('1', 'MKB'))?.status === 'WITHHELD'
    )
    await waitFor(
      'product out of trade policy 2',
      async () => !(await policiesOf('1')).includes(2)
    )
    await waitFor('MKB told the product left', async () =>
      (
        await inbox('MKB')
      ).some(
        (n) =>
          n.IdSku === '1' && n.HasStockKeepingUnitRemovedFromAffiliate === true
      )
    )

    const steps = (await trail('1', 'MKB')).map((e) => [
      e.kind,
      e.cause,
      e.toStatus ??
        (JSON.parse(e.details ?? '{}') as { change?: string }).change,
    ])

    expect(steps).toEqual([
      ['STATUS_CHANGE', 'EVENT', 'WITHHELD'],
      ['STATUS_CHANGE', 'EVENT', 'EXPOSED'],
      ['ENFORCEMENT_WRITE', 'EVENT', 'ASSOCIATE'],
      ['STATUS_CHANGE', 'EVENT', 'WITHHELD'],
      ['ENFORCEMENT_WRITE', 'EVENT', 'DISSOCIATE'],
    ])
  })
})

describe('given MKB in OBSERVE mode', () => {
  it('should write nothing to the catalog when the stock comes back, and report the association it would write', async () => {
    await setMode('MKB', 'OBSERVE')
    const writesBefore = (await control(emulator, 'GET', '/counters')).body as {
      endpoints: Record<string, number>
    }

    const posts = (c: { endpoints: Record<string, number> }) =>
      Object.entries(c.endpoints)
        .filter(([k]) =>
          /catalog (POST|DELETE) \/api\/catalog\/pvt\/product\/.+\/salespolicy/.test(
            k
          )
        )
        .reduce((n, [, v]) => n + v, 0)

    await vtex(
      emulator,
      'POST',
      '/api/logistics/pvt/inventory/reservations/order-1/cancel'
    )
    await waitFor(
      'SKU 1 exposed again',
      async () => (await exposure('1', 'MKB'))?.status === 'EXPOSED'
    )

    const summary = await waitFor(
      'the summary reports the pending association',
      async () => {
        const res = await graphql<{
          exposureSummary: Array<{
            channel: { id: string; mode: string }
            wouldExpose: number
            wouldWithdraw: number
          }>
        }>(
          worker,
          `
            {
              exposureSummary {
                channel {
                  id
                  mode
                }
                wouldExpose
                wouldWithdraw
              }
            }
          `
        )

        const mkb = res.data?.exposureSummary.find(
          (s) => s.channel.id === 'MKB'
        )

        return mkb && mkb.wouldExpose > 0 ? mkb : null
      }
    )

    // Only product 1 (SKU 1) is exposed on MKB and not in trade policy 2; nothing to withdraw.
    expect(summary).toMatchObject({ wouldExpose: 1, wouldWithdraw: 0 })
    expect(summary.channel.mode).toBe('OBSERVE')
    // Which products: the list the review before ENFORCE reads, totalling the summary's counts.
    const which = await graphql<{
      productsToChange: {
        items: Array<{ productId: string; action: string; skuIds: string[] }>
        total: number
      }
    }>(
      worker,
      `
        {
          productsToChange(channel: "MKB") {
            items {
              productId
              productName
              action
              skuIds
            }
            total
          }
        }
      `
    )

    expect(which.errors).toBeUndefined()
    expect(which.data?.productsToChange).toMatchObject({
      total: 1,
      items: [{ productId: '1', action: 'ASSOCIATE' }],
    })
    expect(which.data?.productsToChange.items[0].skuIds).toContain('1')
    expect(await policiesOf('1')).not.toContain(2)
    const writesAfter = (await control(emulator, 'GET', '/counters')).body as {
      endpoints: Record<string, number>
    }

    expect(posts(writesAfter)).toBe(posts(writesBefore))
    expect((await exposure('1', 'MKB'))?.productAssociated).toBe(true)
  })
})

interface Counters {
  endpoints: Record<string, number>
}

/** The catalog's product ↔ trade-policy writes the emulator has answered. */
const salesPolicyWrites = (c: Counters) =>
  Object.entries(c.endpoints)
    .filter(([k]) =>
      /catalog (POST|DELETE) \/api\/catalog\/pvt\/product\/.+\/salespolicy/.test(
        k
      )
    )
    .reduce((sum, [, n]) => sum + n, 0)

describe('when the operator switches MKB to ENFORCE', () => {
  it('should apply what OBSERVE recorded: associate the product of the exposed SKU with trade policy 2', async () => {
    const started = await graphql<{ settingsPreview: JobOut }>(
      worker,
      `
        query ($input: SettingsInput!) {
          settingsPreview(input: $input) { ${JOB_FIELDS} }
        }
      `,
      { input: { channels: [{ channel: 'MKB', mode: 'ENFORCE' }] } }
    )

    expect(started.errors).toBeUndefined()
    const job = await jobEnd(worker, started.data?.settingsPreview.id ?? '')
    const preview = job.result?.preview ?? []

    expect(job.status).toBe('DONE')
    expect(preview[0]).toMatchObject({ channel: 'MKB' })
    expect(preview[0].associate).toBeGreaterThanOrEqual(1)
    const counted = Number(preview[0].associate) + Number(preview[0].dissociate)
    // The review lists the products it counts; each is still as it was in the catalog.
    const listed = preview[0].products as Array<{
      productId: string
      action: 'ASSOCIATE' | 'DISSOCIATE'
    }>

    expect(preview[0].productsTruncated).toBe(false)
    expect(listed).toHaveLength(counted)
    for (const p of listed) {
      expect((await policiesOf(p.productId)).includes(2)).toBe(
        p.action === 'DISSOCIATE'
      )
    }

    const before = salesPolicyWrites(
      (await control(emulator, 'GET', '/counters')).body as Counters
    )

    await setMode('MKB', 'ENFORCE')
    // The review counted the catalog writes the switch then makes, not more and not fewer.
    const made = await waitFor('the writes the review counted', async () => {
      const n =
        salesPolicyWrites(
          (await control(emulator, 'GET', '/counters')).body as Counters
        ) - before

      return n >= counted ? n : null
    })

    expect(made).toBe(counted)
    // As many writes as listed products, and each listed product changed: the writes were
    // exactly to the listed products, one each.
    for (const p of listed) {
      expect((await policiesOf(p.productId)).includes(2)).toBe(
        p.action === 'ASSOCIATE'
      )
    }

    await waitFor('product 1 in trade policy 2', async () =>
      (await policiesOf('1')).includes(2)
    )
    const write = await waitFor(
      'the operator-caused write in the audit trail',
      async () =>
        (
          await trail('1', 'MKB')
        ).find((e) => e.kind === 'ENFORCEMENT_WRITE' && e.cause === 'OPERATOR')
    )

    expect(JSON.parse(write.details ?? '{}')).toMatchObject({
      change: 'ASSOCIATE',
      tradePolicy: '2',
    })
  })
})
