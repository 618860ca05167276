/**
 * A development workspace (`vtex link`) has its own VBase and settings, but the catalog's trade
 * policies are the account's: through the real worker and the emulator, events and sweeps in
 * `dev1` with channels in ENFORCE write nothing to the catalog until the operator turns catalog
 * writes on for dev1; master writes as before, with no such setting.
 */
import type { Emulator } from '../support/emulator'
import { control, emulatorFor } from '../support/emulator'
import type { Worker } from '../support/worker'
import {
  freePort,
  graphql,
  sendEvent,
  startWorker,
  waitFor,
} from '../support/worker'
import {
  changed,
  counters,
  freshAccount,
  salesPolicyWrites,
  snapshot,
  SWEEP_ENV,
} from './reconcileSupport'

let emulator: Emulator
let worker: Worker
let port: number

beforeAll(async () => {
  port = await freePort()
  emulator = await emulatorFor(`http://127.0.0.1:${port}`, 'none')
  worker = await startWorker(emulator.url, port, SWEEP_ENV)
})

afterAll(async () => {
  await worker?.stop()
  await emulator?.close()
})

async function gql<T>(
  workspace: string,
  query: string,
  variables: Record<string, unknown> = {}
) {
  const res = await graphql<T>(
    worker,
    query,
    variables,
    'demo-admin-token',
    workspace
  )

  if (!res.data) throw new Error(JSON.stringify(res.errors))

  return res.data
}

const save = (workspace: string, input: Record<string, unknown>) =>
  gql(
    workspace,
    `mutation ($input: SettingsInput!) { saveSettings(input: $input) { retentionDays } }`,
    { input }
  )

const enforceBoth = (workspace: string) =>
  save(workspace, {
    channels: [
      { channel: 'MKB', mode: 'ENFORCE' },
      { channel: 'GGL', mode: 'ENFORCE' },
    ],
  })

interface SettingsOut {
  settings: {
    workspace: string
    workspaceCatalogWrites: boolean
    catalogWritesBlocked: boolean
    channels: Array<{ channel: string; mode: string }>
  }
  channels: Array<{ id: string; mode: string; catalogWritesBlocked: boolean }>
}

const settingsIn = (workspace: string) =>
  gql<SettingsOut>(
    workspace,
    `{ settings { workspace workspaceCatalogWrites catalogWritesBlocked channels { channel mode } }
       channels { id mode catalogWritesBlocked } }`
  )

async function sweep(workspace: string) {
  const { startReconciliation: run } = await gql<{
    startReconciliation: { id: string }
  }>(workspace, 'mutation { startReconciliation(scope: {}) { id } }')

  return waitFor(
    `run ${run.id} in ${workspace}`,
    async () => {
      const { reconciliation } = await gql<{
        reconciliation: { state: string; total: number } | null
      }>(
        workspace,
        'query ($id: ID) { reconciliation(id: $id) { state total } }',
        {
          id: run.id,
        }
      )

      return reconciliation &&
        reconciliation.state !== 'RUNNING' &&
        reconciliation.state !== 'QUEUED'
        ? reconciliation
        : null
    },
    40_000
  )
}

const SKUS = Array.from({ length: 30 }, (_, i) => String(i + 1))

async function eventsIn(workspace: string) {
  for (const id of SKUS) {
    const res = await sendEvent(
      worker,
      { IdSku: id, An: 'marketplacea', StockModified: true },
      false,
      workspace
    )

    expect(res.status).toBe(204)
  }
}

describe('given channels in ENFORCE in the development workspace dev1', () => {
  it('should show ENFORCE as chosen and say that catalog writes are off there', async () => {
    await freshAccount(emulator, 30)
    await enforceBoth('dev1')
    const { settings, channels } = await settingsIn('dev1')

    expect(settings).toMatchObject({
      workspace: 'dev1',
      workspaceCatalogWrites: false,
      catalogWritesBlocked: true,
    })
    expect(settings.channels.map((c) => c.mode)).toEqual(['ENFORCE', 'ENFORCE'])
    expect(channels.every((c) => c.mode === 'ENFORCE')).toBe(true)
    expect(channels.every((c) => c.catalogWritesBlocked)).toBe(true)
  })

  it('should write nothing to the catalog from events and a full sweep, and log why', async () => {
    const before = await snapshot(emulator)

    await control(emulator, 'POST', '/counters/reset')
    await eventsIn('dev1')
    const run = await sweep('dev1')

    expect(run).toMatchObject({ state: 'DONE', total: 30 })
    expect(salesPolicyWrites(await counters(emulator))).toBe(0)
    expect(changed(before, await snapshot(emulator))).toBe(0)
    expect(
      worker.logs.some(
        (l) =>
          l.includes('enforce-write-blocked') &&
          l.includes('CATALOG_WRITES_OFF_IN_WORKSPACE')
      )
    ).toBe(true)
  })

  describe('when the operator turns catalog writes on for dev1', () => {
    it("should write the ENFORCE channels' pending changes to the catalog", async () => {
      const before = await snapshot(emulator)

      await control(emulator, 'POST', '/counters/reset')
      await save('dev1', { workspaceCatalogWrites: true })
      expect((await settingsIn('dev1')).settings).toMatchObject({
        workspaceCatalogWrites: true,
        catalogWritesBlocked: false,
      })
      await waitFor('the switch applied', async () =>
        salesPolicyWrites(await counters(emulator)) > 0 ? true : null
      )
      await sweep('dev1')
      expect(changed(before, await snapshot(emulator))).toBeGreaterThan(0)
    })
  })
})

describe('given channels in ENFORCE in master, with no workspace setting', () => {
  it('should write the catalog from a sweep as before', async () => {
    await freshAccount(emulator, 30)
    await enforceBoth('master')
    expect((await settingsIn('master')).settings).toMatchObject({
      workspace: 'master',
      workspaceCatalogWrites: false,
      catalogWritesBlocked: false,
    })
    const before = await snapshot(emulator)

    await control(emulator, 'POST', '/counters/reset')
    await sweep('master')
    expect(salesPolicyWrites(await counters(emulator))).toBeGreaterThan(0)
    expect(changed(before, await snapshot(emulator))).toBeGreaterThan(0)
  })
})
