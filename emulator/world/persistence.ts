import fs from 'node:fs'

import type { Emu } from './emu'
import { MdStore } from '../masterdata/mdStore'
import { OPERATOR_ROLE } from '../seed/seedBase'
import type { State } from './state'
import type { User } from './types'
import type { Doc } from '../masterdata/mdQuery'

/** The whole account as JSON (VBase bodies as base64), for `--data <file>`. */
export function snapshot(state: State) {
  return {
    version: 1,
    account: state.account,
    products: Array.from(state.products.values()),
    skus: Array.from(state.skus.values()),
    productPolicies: Array.from(state.productPolicies),
    bindings: Array.from(state.bindings.values()).flat(),
    sellers: Array.from(state.sellers.values()),
    salesChannels: Array.from(state.salesChannels.values()),
    warehouses: Array.from(state.warehouses.values()),
    docks: Array.from(state.docks.values()),
    inventory: Array.from(state.inventory, ([sku, rows]) => [
      sku,
      Array.from(rows),
    ]),
    reservations: Array.from(state.reservations.values()),
    prices: Array.from(state.prices.values()),
    priceTables: Array.from(state.priceTables),
    affiliates: Array.from(state.affiliates.values()),
    inboxes: Array.from(state.inboxes),
    vbase: Array.from(state.vbase, ([bucket, files]) => [
      bucket,
      Array.from(files, ([p, f]) => [
        p,
        { ...f, body: f.body.toString('base64') },
      ]),
    ]),
    appSettings: Array.from(state.appSettings),
    users: Array.from(state.users.values()),
    md: Array.from(state.md.entities, ([name, e]) => [
      name,
      { docs: Array.from(e.docs.values()), schemas: Array.from(e.schemas) },
    ]),
    ids: {
      binding: state.nextBindingId,
      product: state.nextProductId,
      sku: state.nextSkuId,
    },
  }
}

type Snapshot = ReturnType<typeof snapshot>

export function restore(state: State, data: Snapshot) {
  state.clearAll()
  for (const p of data.products) state.products.set(p.Id, p)
  for (const s of data.skus) state.skus.set(s.Id, s)
  for (const [id, policies] of data.productPolicies)
    state.productPolicies.set(id, policies)
  for (const b of data.bindings)
    state.bindings.set(b.StockKeepingUnitId, [
      ...(state.bindings.get(b.StockKeepingUnitId) ?? []),
      b,
    ])
  for (const s of data.sellers) state.sellers.set(s.SellerId, s)
  for (const c of data.salesChannels) state.salesChannels.set(c.Id, c)
  for (const w of data.warehouses) state.warehouses.set(w.id, w)
  for (const d of data.docks) state.docks.set(d.id, d)
  for (const [sku, rows] of data.inventory as Array<
    [string, Array<[string, never]>]
  >)
    state.inventory.set(sku, new Map(rows))
  for (const r of data.reservations) state.reservations.set(r.LockId, r)
  for (const p of data.prices) state.prices.set(p.itemId, p)
  for (const t of data.priceTables) state.priceTables.add(t)
  for (const a of data.affiliates) state.affiliates.set(a.id, a)
  for (const [id, inbox] of data.inboxes) state.inboxes.set(id, inbox)
  for (const [bucket, files] of data.vbase as Array<
    [
      string,
      Array<
        [
          string,
          {
            body: string
            contentType: string
            etag: string
            lastModified: string
          }
        ]
      >
    ]
  >) {
    state.vbase.set(
      bucket,
      new Map(
        files.map(([p, f]) => [
          p,
          { ...f, body: Buffer.from(f.body, 'base64') },
        ])
      )
    )
  }

  for (const [key, value] of data.appSettings) state.appSettings.set(key, value)
  // Files saved before users carried roles: an admin there held the operators' role.
  for (const u of data.users as Array<User & { admin?: boolean }>)
    state.users.set(u.token, {
      token: u.token,
      userId: u.userId,
      email: u.email,
      roles: u.roles ?? (u.admin ? [OPERATOR_ROLE] : []),
      resources: u.resources,
    })
  state.md = new MdStore()
  for (const [name, e] of data.md as Array<
    [string, { docs: Doc[]; schemas: Array<[string, Record<string, unknown>]> }]
  >) {
    const entity = state.md.entity(name)

    for (const doc of e.docs) entity.put(String(doc.id), doc)
    for (const [schemaName, schema] of e.schemas)
      entity.schemas.set(schemaName, schema)
  }

  state.nextBindingId = data.ids.binding
  state.nextProductId = data.ids.product
  state.nextSkuId = data.ids.sku
  state.catalogChanged()
}

export function saveFile(state: State, file: string) {
  const tmp = `${file}.tmp-${process.pid}`

  fs.writeFileSync(tmp, JSON.stringify(snapshot(state)))
  fs.renameSync(tmp, file)
}

export function loadFile(state: State, file: string): boolean {
  if (!fs.existsSync(file)) return false
  restore(state, JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot)

  return true
}

/** Saves `delayMs` after the last change (debounced) and on demand. */
export function attachPersistence(emu: Emu, file: string, delayMs = 500) {
  let timer: NodeJS.Timeout | null = null
  const flush = () => {
    if (timer) clearTimeout(timer)
    timer = null
    saveFile(emu.state, file)
  }

  emu.onChange = () => {
    if (!timer) timer = setTimeout(flush, delayMs)
  }

  emu.save = async () => {
    flush()

    return true
  }

  return flush
}
