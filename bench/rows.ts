/**
 * The app's Master Data documents as the emulator holds them: how many per SKU, and, for the
 * admin's figures at a size no sweep reaches in a session, the projection's documents (one per
 * SKU and group of ten channels) for the whole catalog, cloned from those the worker wrote for
 * the swept SKUs.
 */
import { randomUUID } from 'crypto'

import { SKU_ENTITY } from '../node/masterdata/entities'
import type { Emu } from './system'
import { round } from './lib'

type Row = Record<string, unknown>

/** Documents of each of the app's data entities per SKU (the projection's is the figure). */
export function docsPerSku(emulator: Emu, skus: number) {
  const byEntity = Object.fromEntries(
    Array.from(emulator.state.md.entities, ([name, entity]) => [
      name,
      round(entity.docs.size / Math.max(1, skus), 3),
    ])
  )

  return { docsPerSku: byEntity[SKU_ENTITY] ?? 0, byEntity }
}

interface Names {
  skuId: string
  productId: string
  skuName: string
  productName: string
}

/** A SKU's identity as its rows carry it, from the emulator's catalog. */
function namesOf(emulator: Emu, skuId: number): Names | null {
  const sku = emulator.state.skus.get(skuId)
  const product = sku && emulator.state.products.get(sku.ProductId)

  if (!sku || !product) return null

  return {
    skuId: String(skuId),
    productId: String(product.Id),
    skuName: `${product.Name} ${sku.Name}`,
    productName: product.Name,
  }
}

const swapWords = (text: string, from: string, to: string) =>
  from ? text.split(from).join(to) : text

/**
 * `donor`'s row with `to`'s identity: the ids, names and search words a row of `to` has, the
 * rest (status, reasons, stock, trace) as the worker decided it for the donor.
 */
export function cloneRow(donor: Row, to: Names): Row {
  const from = {
    skuId: String(donor.skuId),
    productId: String(donor.productId),
    skuName: String(donor.skuName ?? ''),
    productName: String(donor.productName ?? ''),
  }

  const variant = (n: Names) => n.skuName.slice(n.productName.length)
  const rename = (text: string, lower: (x: string) => string) =>
    swapWords(
      swapWords(text, lower(from.productName), lower(to.productName)),
      lower(variant(from)),
      lower(variant(to))
    )

  const same = (x: string) => x
  const lowerCase = (x: string) => x.toLowerCase()
  // The search words start with the SKU id and the product id, then the names in lower case.
  const [, , ...words] = String(donor.text ?? '').split(' ')

  return {
    ...donor,
    skuId: to.skuId,
    productId: to.productId,
    skuName: rename(from.skuName, same),
    productName: to.productName,
    ...(donor.text === undefined
      ? {}
      : {
          text: [to.skuId, to.productId, rename(words.join(' '), lowerCase)]
            .filter(Boolean)
            .join(' '),
        }),
    // Each channel slot's trace (`t0`…`t9`), or a row's own.
    ...Object.fromEntries(
      Object.entries(donor)
        .filter(
          ([key, v]) => /^(t\d+|trace)$/.test(key) && typeof v === 'string'
        )
        .map(([key, v]) => [
          key,
          String(v)
            .split(`"skuId":"${from.skuId}"`)
            .join(`"skuId":"${to.skuId}"`),
        ])
    ),
    id: String(donor.id).replace(
      new RegExp(`^${from.skuId}(?=-|~|$)`),
      to.skuId
    ),
    dataInstanceId: randomUUID(),
  }
}

const IDENTITY = ['id', 'skuId', 'productId', 'skuName', 'productName', 'text']

/**
 * Whether cloning reproduces what the worker wrote: one swept SKU's documents cloned onto
 * another swept SKU, compared on every identity field with that SKU's own documents.
 */
function shapeHolds(emulator: Emu, bySku: Map<string, Row[]>) {
  const swept = [...bySku.keys()]
  const [a, b] = [swept[0], swept[swept.length - 1]]
  const target = namesOf(emulator, Number(b))

  if (!target || a === b) return false
  // A SKU's documents, one per group of channels.
  const own = new Map((bySku.get(b) ?? []).map((r) => [String(r.group), r]))

  return (bySku.get(a) ?? []).every((row) => {
    const real = own.get(String(row.group))
    const clone = cloneRow(row, target)

    return !real || IDENTITY.every((f) => clone[f] === real[f])
  })
}

/**
 * Documents for every SKU of the catalog from 1 to `skus` that has none, cloned from the swept
 * SKUs' documents in turn, until the bench's heap (which holds the emulator) nears its limit.
 */
export function seedRows(emulator: Emu, skus: number, heapLimitMb: number) {
  const entity = emulator.state.md.entity(SKU_ENTITY)
  const bySku = new Map<string, Row[]>()

  for (const doc of entity.docs.values()) {
    const id = String((doc as Row).skuId)

    bySku.set(id, [...(bySku.get(id) ?? []), doc as Row])
  }

  const donors = [...bySku.values()]
  const shapeChecked = shapeHolds(emulator, bySku)
  let seeded = 0
  let limitedBy: string | null = null

  for (let skuId = 1; skuId <= skus && donors.length; skuId++) {
    if (bySku.has(String(skuId))) continue
    const names = namesOf(emulator, skuId)

    if (!names) continue
    for (const donor of donors[skuId % donors.length]) {
      const row = cloneRow(donor, names)

      entity.put(String(row.id), row as never)
      seeded += 1
    }

    if (
      skuId % 10_000 === 0 &&
      process.memoryUsage().heapUsed / 2 ** 20 > heapLimitMb
    ) {
      limitedBy = `heap past ${heapLimitMb} MB at SKU ${skuId}`
      break
    }
  }

  return {
    rows: seeded,
    total: entity.docs.size,
    shapeChecked,
    limitedBy,
  }
}
