/**
 * The affiliate feed pages a history with ties exactly once, for every `limit` from 1 to 100,
 * through the real worker and the emulator's Master Data (100 documents a page at most).
 */
import type { Emulator } from '../support/emulator'
import { control, emulatorFor } from '../support/emulator'
import type { Worker } from '../support/worker'
import { freePort, graphql, startWorker } from '../support/worker'
import { feedGet, SWEEP_ENV } from './reconcileSupport'

interface FeedPage {
  items: Array<{ id: string; at: string }>
  next: string
  hasMore: boolean
}

let emulator: Emulator
let worker: Worker
let key = ''

// 213 changes on MKB, most of them sharing an instant with others (120 at one instant).
const at = (i: number) => {
  const second = i < 50 ? i % 5 : i < 170 ? 10 : 11 + (i % 9)

  return new Date(Date.UTC(2026, 10, 20, 12, 0, second)).toISOString()
}

const HISTORY = Array.from({ length: 213 }, (_, i) => ({
  id: `${100 + ((i * 37) % 213)}-MKB-s1`,
  at: at(i),
}))

const EXPECTED = [...HISTORY]
  .sort((a, b) =>
    a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.id < b.id ? -1 : 1
  )
  .map((e) => e.id)

beforeAll(async () => {
  const port = await freePort()

  emulator = await emulatorFor(`http://127.0.0.1:${port}`, 'demo')
  worker = await startWorker(emulator.url, port, SWEEP_ENV)
  await control(emulator, 'POST', '/events', { enabled: false })
  const audit = emulator.state.md.entity('sgaudit')

  HISTORY.forEach((entry, i) =>
    audit.put(entry.id, {
      ...entry,
      skuId: entry.id.split('-')[0],
      productId: '1',
      channel: 'MKB',
      kind: 'STATUS_CHANGE',
      cause: 'EVENT',
      actor: null,
      fromStatus: 'WITHHELD',
      toStatus: 'EXPOSED',
      reasons: [],
      details: null,
      // Rows written before rows carried their workspace are master's.
      ...(i % 3 ? { workspace: 'master' } : {}),
    })
  )
  // A development workspace's changes are not master's feed.
  audit.put('dev--999-MKB-s1', {
    id: 'dev--999-MKB-s1',
    at: at(60),
    channel: 'MKB',
    kind: 'STATUS_CHANGE',
    workspace: 'dev',
  })
  const res = await graphql<{ createChannelKey: { secret: string } }>(
    worker,
    'mutation { createChannelKey(channel: "MKB") { secret } }'
  )

  key = res.data?.createChannelKey.secret ?? ''
  await control(emulator, 'DELETE', '/masterdata/unindexed')
}, 60_000)

afterAll(async () => {
  await worker?.stop()
  await emulator?.close()
})

async function page(query: string) {
  const res = await feedGet(worker, 'MKB', query, key)

  expect(res.status).toBe(200)

  return (await res.json()) as FeedPage
}

describe('given a feed history of 213 changes with ties', () => {
  it('should say there is more after a first page of 100', async () => {
    const first = await page('?limit=100')

    expect(first.items).toHaveLength(100)
    expect(first.hasMore).toBe(true)
  })

  it('should serve every change exactly once, in (at, id) order, for every limit from 1 to 100', async () => {
    const wrong: string[] = []

    for (let limit = 1; limit <= 100; limit++) {
      const seen: string[] = []
      let since = ''

      for (let pages = 0; pages <= 213; pages++) {
        const p = await page(`?limit=${limit}${since ? `&since=${since}` : ''}`)

        seen.push(...p.items.map((i) => i.id))
        since = p.next
        if (!p.hasMore) break
      }

      if (JSON.stringify(seen) !== JSON.stringify(EXPECTED))
        wrong.push(`limit ${limit}: ${seen.length} served`)
    }

    expect(wrong).toEqual([])
  }, 120_000)

  it.each([
    ['not base64 JSON', '%%%'],
    [
      'the largest date JavaScript holds',
      Buffer.from(JSON.stringify(['+275760-09-13T00:00:00.000Z', ''])).toString(
        'base64url'
      ),
    ],
    [
      'a date that is not a day',
      Buffer.from(JSON.stringify(['2026-02-30T00:00:00.000Z', ''])).toString(
        'base64url'
      ),
    ],
  ])('should answer 400 INVALID_CURSOR to %s', async (_, cursor) => {
    const res = await feedGet(worker, 'MKB', `?since=${cursor}`, key)

    expect(res.status).toBe(400)
    expect(await res.text()).toContain('INVALID_CURSOR')
  })

  it('should have filtered and sorted on indexed fields only', async () => {
    const report = await control(emulator, 'GET', '/masterdata/unindexed')

    expect(report.body).toEqual({ total: 0, fields: {} })
  })
})
