/**
 * A settings change that keeps a SKU's status does not evaluate it again, so its trace keeps the
 * rules it was made under. The SKU's page says so, and what the rules now give, through the real
 * worker and the emulator.
 */
import type { Emulator } from '../support/emulator'
import { vtex } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import type { Worker } from '../support/worker'
import { graphql, waitFor } from '../support/worker'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const system = await startSystem()

  emulator = system.emulator
  worker = system.worker
})

afterAll(() => stopSystem({ emulator, worker }))

interface Detail {
  status: string
  trace: Array<{ rule: string; details: string }>
  rulesChanged: {
    changed: string[]
    statusNow: string
    exposeAt: number
    withdrawBelow: number
    requirePrice: boolean
  } | null
}

async function mkbOf(skuId: string) {
  const res = await graphql<{
    skuDetail: { exposures: Array<Detail & { channel: string }> } | null
  }>(
    worker,
    `
      query ($skuId: ID!) {
        skuDetail(skuId: $skuId) {
          exposures {
            channel
            status
            trace {
              rule
              details
            }
            rulesChanged {
              changed
              statusNow
              exposeAt
              withdrawBelow
              requirePrice
            }
          }
        }
      }
    `,
    { skuId }
  )

  expect(res.errors).toBeUndefined()

  return res.data?.skuDetail?.exposures.find((e) => e.channel === 'MKB') ?? null
}

const stockRuleOf = (detail: Detail) =>
  JSON.parse(
    detail.trace.find((r) => r.rule === 'MARKETPLACE_STOCK')?.details ?? '{}'
  ) as { exposeAt?: number; withdrawBelow?: number }

async function saveMkb(exposeAt: number, withdrawBelow: number) {
  const res = await graphql(
    worker,
    `
      mutation ($input: SettingsInput!) {
        saveSettings(input: $input) {
          channels {
            channel
            exposeAt
          }
        }
      }
    `,
    { input: { channels: [{ channel: 'MKB', exposeAt, withdrawBelow }] } }
  )

  expect(res.errors).toBeUndefined()
}

describe('given SKU 1 exposed on MKB with 10 units, decided under "expose at 1"', () => {
  beforeAll(async () => {
    await vtex(
      emulator,
      'PUT',
      '/api/logistics/pvt/inventory/skus/1/warehouses/wh-a',
      { quantity: 10, unlimitedQuantity: false, leadTime: '00:00:00' }
    )
    await waitFor('SKU 1 exposed on MKB', async () => {
      const mkb = await mkbOf('1')

      return mkb?.status === 'EXPOSED' ? mkb : null
    })
  })

  it('should say nothing changed while the rules are the ones it was made under', async () => {
    expect((await mkbOf('1'))?.rulesChanged).toBeNull()
  })

  it('should say, after MKB rises to "expose at 3, withdraw below 2", that the trace shows the old rules and the status stays', async () => {
    await saveMkb(3, 2)
    const mkb = await mkbOf('1')

    expect(mkb?.status).toBe('EXPOSED')
    // The trace is the one made under the old rules: it was not evaluated again.
    expect(stockRuleOf(mkb as Detail)).toMatchObject({
      exposeAt: 1,
      withdrawBelow: 1,
    })
    expect(mkb?.rulesChanged).toEqual({
      changed: ['exposeAt', 'withdrawBelow'],
      statusNow: 'EXPOSED',
      exposeAt: 3,
      withdrawBelow: 2,
      requirePrice: true,
    })
  })

  it('should say nothing more once the SKU is evaluated again under the new rules', async () => {
    const res = await graphql(
      worker,
      'mutation { reevaluate(skuId: "1", channel: "MKB") { status } }'
    )

    expect(res.errors).toBeUndefined()
    const mkb = await mkbOf('1')

    expect(stockRuleOf(mkb as Detail)).toMatchObject({
      exposeAt: 3,
      withdrawBelow: 2,
    })
    expect(mkb?.rulesChanged).toBeNull()
  })

  it('should have re-decided at once a SKU whose status the next change moves ("expose at 20"), so its page shows the rules now', async () => {
    await saveMkb(20, 20)
    const mkb = await waitFor('SKU 1 withheld under expose at 20', async () => {
      const e = await mkbOf('1')

      return e?.status === 'WITHHELD' ? e : null
    })

    expect(stockRuleOf(mkb)).toMatchObject({ exposeAt: 20, withdrawBelow: 20 })
    expect(mkb.rulesChanged).toBeNull()
  })
})
