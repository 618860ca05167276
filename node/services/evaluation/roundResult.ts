import type { ChannelConfig } from '../../domain/types'
import type { ProductPlan } from '../enforcement/productPlan'
import type { Outcome } from './evaluateTypes'
import type { SkuState } from './state'

/** What one round under the lease decided, before its commit. */
export interface RoundResult {
  state: SkuState
  outcome: Outcome
  channels: ChannelConfig[]
  /** Set when the SKU's statuses changed: the product's association to settle after commit. */
  plan?: ProductPlan | null
  errorCode?: string
  tradePolicies?: string[] | null
}
