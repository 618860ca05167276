import type { ReadTimes } from '../../domain'
import { slot } from '../../memory/tenantMemory'
import type { EngineDeps } from '../shared/deps'
import type { SkuState } from './state'
import { reusableReadTimes } from './state'

export interface RecentRead {
  /** When its inputs were all last read. */
  at: string
  /** When each was, when they are stored with the decisions. */
  times: ReadTimes | null
}

/**
 * skuId -> when this process last read its inputs, in the tenant's memory (50,000 for every
 * tenant together). Safe to lose: a duplicate event is then read once more.
 */
const RECENT_READS = slot(
  'recent-reads',
  (pools) => pools.pool('recent-reads', 50_000).map<RecentRead>(),
  (reads) => reads.clear()
)

export function recentRead(
  deps: Pick<EngineDeps, 'memory'>,
  skuId: string
): RecentRead | undefined {
  return deps.memory.get(RECENT_READS).get(skuId)
}

export function remember(
  deps: Pick<EngineDeps, 'memory'>,
  skuId: string,
  inputsReadAt: string | null,
  state?: SkuState
) {
  if (!inputsReadAt) return
  deps.memory.get(RECENT_READS).set(skuId, {
    at: inputsReadAt,
    times: state ? reusableReadTimes(state) : null,
  })
}
