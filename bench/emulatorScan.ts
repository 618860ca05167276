/**
 * `npx tsx bench/emulatorScan.ts [docs]`: what one Master Data search costs the emulator over
 * `docs` projection documents (default 1,000,000, ten channel slots each), in the shapes the
 * admin's table sends: a keyset page of one channel's slot and its count. The emulator holds an
 * entity as a list with equality indexes only, so a range or `is not null` clause scans every
 * document of the workspace: this is why `npm run bench` measures the admin's figures on
 * catalogs it can scan, not at a million SKUs (VTEX's Master Data answers from its own index).
 * Run it with NODE_OPTIONS=--max-old-space-size=8000 at a million documents.
 */
import { Entity } from '../emulator/masterdata/mdStore'
import { parseWhere } from '../emulator/masterdata/mdQuery'
import { round } from './lib'

const docs = Number(process.argv[2] ?? 1_000_000)
const entity = new Entity()

for (let i = 1; i <= docs; i++) {
  const doc: Record<string, unknown> = {
    id: String(i),
    skuId: String(i),
    group: 0,
    workspace: 'master',
    productId: String(Math.ceil(i / 3)),
    sellerIds: ['sellera'],
    text: `${i} sku ${i}`,
  }

  for (let slot = 0; slot < 10; slot++) {
    doc[`s${slot}`] = i % 3 ? 'EXPOSED' : 'WITHHELD'
    doc[`r${slot}`] = []
    doc[`a${slot}`] = i % 7
    doc[`c${slot}`] = '2026-01-01T00:00:00.000Z'
  }

  entity.put(String(i), doc)
}

const timed = (where: string, sort: string | null, limit: number) => {
  const node = parseWhere(where)
  const started = performance.now()

  for (let run = 0; run < 5; run++) entity.search(node, sort, limit)

  return round((performance.now() - started) / 5, 1)
}

const slot = 'workspace=master AND group=0 AND s3 is not null'

process.stdout.write(
  `${JSON.stringify({
    docs,
    keysetPageMs: timed(`${slot} AND (skuId>${docs / 2})`, 'skuId ASC', 100),
    countMs: timed(slot, null, 1),
    heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  })}\n`
)
