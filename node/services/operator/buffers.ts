// Stock buffers: saved, audited, and the SKUs they change decided again.
//
// Where they live: in the workspace's settings document (VBase, bucket `config`), beside the
// channels' thresholds they replace. An evaluation already reads that document through the short
// per-tenant reference cache (reference.ts readSettings, 5 s), and `channels()` hands each channel
// the buffers that can apply on it, so an event, a sweep or a check decides with them at no extra
// VTEX or storage read. Nothing of them is kept in module memory beyond that per-tenant cache.
// Their count is bounded (MAX_BUFFERS) to keep that one read small.
import { UserInputError } from '@vtex/api'

import {
  bufferId,
  channelSettings,
  putBuffer,
  removeBuffer,
  validateBufferInput,
} from '../../domain'
import type {
  AppSettings,
  BufferChange,
  BufferInput,
  StockBuffer,
} from '../../domain'
import { bufferChange } from '../projection/operatorEntries'
import type { EngineDeps } from '../shared/deps'
import { scrollExposures, viewOfDoc } from './exposures'
import { previewStatus } from './preview'
import {
  affiliates,
  readSettings,
  updateSettingsDoc,
} from '../shared/reference'
import { decideAgainAndWrite } from './settingsApply'

function refuse(codes: string[]): never {
  // The admin maps these codes to messages; the API never sends sentences for the UI.
  throw new UserInputError(codes.join(','))
}

/** The workspace's buffers, read fresh (the admin shows what is stored). */
export async function listBuffers(
  deps: Pick<EngineDeps, 'docs' | 'memory'>
): Promise<StockBuffer[]> {
  return (await readSettings(deps, true)).buffers ?? []
}

// The change is computed on the document the conditional write reads, so two admins' saves
// (buffers or settings) never lose each other's.
async function change(
  deps: EngineDeps,
  apply: (buffers: StockBuffer[] | undefined) => BufferChange
) {
  let result: BufferChange | null = null
  const saved = await updateSettingsDoc(deps, (current) => {
    result = apply(current.buffers)

    return result.ok ? { ...current, buffers: result.buffers } : null
  })

  const done = result as BufferChange | null

  if (!done?.ok || !saved) {
    refuse(done && !done.ok ? done.errors : ['UNKNOWN'])
  }

  return { result: done, after: saved }
}

async function audit(
  deps: EngineDeps,
  {
    kind,
    before,
    after,
    actor,
    now,
  }: {
    kind: Parameters<typeof bufferChange>[0]['kind']
    before: StockBuffer | null
    after: StockBuffer | null
    actor: string
    now: Date
  }
) {
  const buffer = (after ?? before) as StockBuffer
  const id = bufferId(buffer)

  await deps.audit.append(
    bufferChange({
      kind,
      bufferId: id,
      now,
      scope: buffer.scope,
      targetId: buffer.targetId,
      channel: buffer.channel,
      actor,
      before,
      after,
      note: (after ?? before)?.note ?? null,
    })
  )
}

/**
 * The SKUs whose status the change gives another value, decided again as a settings save does
 * (settingsApply.ts), their products then written on the channels in ENFORCE. Only the rows of
 * the buffer's target on its channel(s) are read (one Master Data scroll per target), and a SKU
 * whose status stays is not evaluated: its SKU page says the buffer changed (rulesNow.ts) until
 * its next evaluation records it.
 */
async function applyBufferChange(
  deps: EngineDeps,
  changed: Array<StockBuffer | null>,
  after: AppSettings,
  actor: string
) {
  const targets = changed.filter((b): b is StockBuffer => b !== null)
  const all = (await affiliates(deps)).map((a) => a.id)
  const channelIds = [
    ...new Set(targets.flatMap((b) => (b.channel ? [b.channel] : all))),
  ].filter((id) => all.includes(id))

  const skuIds = new Set<string>()
  const products = new Set<string>()
  const seen = new Set<string>()

  for (const target of targets) {
    const key = `${target.scope}-${target.targetId}`

    if (seen.has(key)) continue
    seen.add(key)
    const filter =
      target.scope === 'SKU'
        ? { skuId: target.targetId }
        : { productId: target.targetId }

    for await (const rows of scrollExposures(deps, filter)) {
      for (const view of rows.map(viewOfDoc)) {
        if (!channelIds.includes(view.channel)) continue
        const rules = channelSettings(after, view.channel)

        if (previewStatus(view, rules, after.buffers) === view.status) continue
        skuIds.add(view.skuId)
        if (view.productId) products.add(view.productId)
      }
    }
  }

  const failed = await decideAgainAndWrite(
    deps,
    { skuIds: [...skuIds], productIds: [...products], channelIds },
    actor
  )

  deps.log.info({
    message: 'buffer-applied',
    channels: channelIds,
    decidedAgain: skuIds.size,
    failed,
  })

  return skuIds.size
}

/** Creates or changes a buffer (refused whole on any invalid field), audits it, applies it. */
export async function saveBuffer(
  deps: EngineDeps,
  input: BufferInput,
  actor: string
) {
  const known = (await affiliates(deps)).map((a) => a.id)
  const checked = validateBufferInput(input, known)

  if (!checked.ok) refuse(checked.errors)
  const now = deps.now()
  const { result, after } = await change(deps, (list) =>
    putBuffer(list, checked.value, actor, now.toISOString())
  )

  await audit(deps, {
    kind: result.before ? 'BUFFER_CHANGED' : 'BUFFER_CREATED',
    before: result.before,
    after: result.after,
    actor,
    now,
  })
  // A buffer moved to another channel is another key, so `before` has the same target and channel.
  await applyBufferChange(deps, [result.after], after, actor)

  return after.buffers ?? []
}

/** Deletes a buffer by id (BUFFER_NOT_FOUND when there is none), audits it, applies it. */
export async function deleteBuffer(
  deps: EngineDeps,
  id: string,
  actor: string
) {
  const now = deps.now()
  const { result, after } = await change(deps, (list) => removeBuffer(list, id))

  await audit(deps, {
    kind: 'BUFFER_REMOVED',
    before: result.before,
    after: null,
    actor,
    now,
  })
  await applyBufferChange(deps, [result.before], after, actor)

  return after.buffers ?? []
}
