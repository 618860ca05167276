/**
 * The attention e-mails through the real worker and the emulator's mail service: on the
 * scheduler's tick, a stalled sweep and a channel whose exposed share fell since the day before
 * each send exactly one e-mail (the app's Message Center template created first), and a second
 * tick the same day sends none of them again.
 */
import type { Emulator } from '../support/emulator'
import { control, vtex } from '../support/emulator'
import { startSystem, stopSystem } from '../support/system'
import type { Worker } from '../support/worker'
import { graphql, waitFor } from '../support/worker'
import {
  finished,
  freshAccount,
  startRun,
  SWEEP_ENV,
  tickRoute,
} from './reconcileSupport'

let emulator: Emulator
let worker: Worker

beforeAll(async () => {
  const system = await startSystem({
    seed: 'none',
    env: { ...SWEEP_ENV, ATTENTION_STALL_MS: '1000' },
  })

  emulator = system.emulator
  worker = system.worker
  await freshAccount(emulator, 12)
})

afterAll(() => stopSystem({ emulator, worker }))

interface Mail {
  templateName: string
  to: string[]
  jsonData: {
    code: string
    channel: string | null
    count: number
    link: string
  }
}

const outbox = async () =>
  (await control(emulator, 'GET', '/mail/outbox')).body as Mail[]

const ofCode = (mails: Mail[], code: string) =>
  mails.filter((m) => m.jsonData.code === code)

const POINTS =
  '/vbase/v2/marketplacea/master/buckets/marketplacea.marketplace-stock-gate/attention/files/share-points'

const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)

describe('given alert addresses, a stalled sweep and a share that fell since yesterday', () => {
  it('should send one e-mail for each on a tick, and none again on the next tick that day', async () => {
    // Nothing reaches MKB's threshold: its exposed share today is 0.
    const saved = await graphql(
      worker,
      `
        mutation {
          saveSettings(
            input: {
              channels: [
                { channel: "MKB", exposeAt: 1000000, withdrawBelow: 1000000 }
              ]
            }
          ) {
            retentionDays
          }
          saveAlertEmails(emails: [" Ops@Example.com "])
        }
      `
    )

    expect(saved.errors).toBeUndefined()
    expect(saved.data).toMatchObject({ saveAlertEmails: ['ops@example.com'] })
    expect((await finished(worker, (await startRun(worker)).id)).state).toBe(
      'DONE'
    )
    // Yesterday every MKB SKU was exposed (the point the first tick of yesterday wrote).
    const put = await vtex(
      emulator,
      'PUT',
      POINTS,
      { channels: { MKB: [{ day: yesterday, exposed: 12, total: 12 }] } },
      'infra.io.vtex.com'
    )

    expect(put.status).toBeLessThan(300)

    await control(emulator, 'POST', '/faults', {
      match: 'GET /api/catalog_system/pvt/sku/stockkeepingunitids*',
      status: 503,
    })
    const { id } = await startRun(worker)

    await waitFor('the run to wait for the catalog', async () => {
      const res = await graphql<{
        reconciliation: { waiting: { since: string } | null }
      }>(
        worker,
        'query ($id: ID) { reconciliation(id: $id) { waiting { since } } }',
        { id }
      )

      return res.data?.reconciliation.waiting ?? null
    })
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await control(emulator, 'DELETE', '/mail/outbox')

    await tickRoute(emulator, worker)
    const first = await waitFor('the two e-mails', async () => {
      const mails = await outbox()

      return ofCode(mails, 'SWEEP_STALLED').length &&
        ofCode(mails, 'SHARE_DROP').length
        ? mails
        : null
    })

    expect(ofCode(first, 'SWEEP_STALLED')).toHaveLength(1)
    expect(ofCode(first, 'SHARE_DROP')).toEqual([
      expect.objectContaining({
        templateName: 'marketplace-stock-gate-attention',
        to: ['ops@example.com'],
        jsonData: expect.objectContaining({
          channel: 'MKB',
          link: '/admin/app/marketplace-stock-gate/exposures?channel=MKB',
        }),
      }),
    ])
    // The fall in points: from every SKU to (almost) none; an override may keep one exposed.
    expect(ofCode(first, 'SHARE_DROP')[0].jsonData.count).toBeGreaterThan(80)
    // The template was created once, before the first e-mail.
    const template = await vtex(
      emulator,
      'GET',
      '/api/template-render/pvt/templates/marketplace-stock-gate-attention'
    )

    expect(template.status).toBe(200)

    // The overview's list says the same.
    const listed = await graphql<{
      attention: Array<{ code: string; channel: string | null }>
    }>(worker, '{ attention { code channel count page status runId } }')

    expect(listed.data?.attention).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'SWEEP_STALLED', channel: null }),
        expect.objectContaining({ code: 'SHARE_DROP', channel: 'MKB' }),
      ])
    )

    await tickRoute(emulator, worker)
    // The tick's check runs after it answers: give it the time the first one took, and more.
    await new Promise((resolve) => setTimeout(resolve, 3000))
    const second = await outbox()

    expect(ofCode(second, 'SWEEP_STALLED')).toHaveLength(1)
    expect(ofCode(second, 'SHARE_DROP')).toHaveLength(1)

    await control(emulator, 'DELETE', '/faults')
    await finished(worker, id, 60_000)
  }, 120_000)
})
