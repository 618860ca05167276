import type { TenantMemory } from '../../memory/tenantMemory'
import { slot } from '../../memory/tenantMemory'
import type { Docs } from '../shared/stores/docStore'
import { slotMapStore } from '../shared/stores/projection'

/**
 * How long a worker trusts its copy of the slot map before reading it again: a slot another
 * worker assigned meanwhile is a channel this one does not read yet (a filter that names the
 * channel reads the map again at once). Slots never move, so a stale copy is never wrong, only short.
 */
export const SLOTS_TTL_MS = 60_000

interface Cached {
  slots: Record<string, number> | null
  readAt: number
}

// In the tenant's memory (the map is a workspace's, like its VBase). Safe to lose: read again.
const CACHE = slot<Cached>('projection-slots', () => ({
  slots: null,
  readAt: 0,
}))

/**
 * The tenant's channel -> slot map (shared/stores/projection.ts): a channel gets the next slot
 * the first time one of its rows is projected, by a conditional write, so two workers that
 * project a new channel at once agree on one slot (the loser's write is refused, it reads the
 * winner's map, and finds the channel there).
 */
export class ChannelSlots {
  constructor(
    private readonly docs: Docs,
    private readonly memory: TenantMemory,
    private readonly now: () => number = Date.now
  ) {}

  /** Every channel that has a slot (the cached copy unless `fresh` or older than SLOTS_TTL_MS). */
  public async known(fresh = false): Promise<Record<string, number>> {
    const cached = this.memory.get(CACHE)

    if (!fresh && cached.slots && this.now() - cached.readAt < SLOTS_TTL_MS)
      return cached.slots
    const { value } = await slotMapStore(this.docs).read()

    return this.remember(value.slots)
  }

  /** The slots of these channels, a new one for each channel that has none yet. */
  public async assign(channels: string[]): Promise<Record<string, number>> {
    const cached = this.memory.get(CACHE).slots

    if (cached && channels.every((c) => c in cached)) return cached
    let seen: Record<string, number> = {}
    const written = await slotMapStore(this.docs).update((map) => {
      seen = map.slots
      const missing = [...new Set(channels)].filter((c) => !(c in map.slots))

      if (missing.length === 0) return null
      const slots = { ...map.slots }

      missing.forEach((c, i) => {
        slots[c] = map.next + i
      })

      return { slots, next: map.next + missing.length }
    })

    return this.remember(written?.slots ?? seen)
  }

  private remember(slots: Record<string, number>) {
    const cached = this.memory.get(CACHE)

    cached.slots = slots
    cached.readAt = this.now()

    return slots
  }
}
