// Generated from graphql/schema.graphql by `npm run codegen` (scripts/codegen/): do not edit.

export type QueryExposureArgs = {
  skuId: string
  channel: string
}

export type QueryExposuresArgs = {
  filter?: ExposureFilter | null
  after?: string | null
  pageSize?: number | null
  sort?: ExposureSort | null
  countAll?: boolean | null
}

export type QueryProductsToChangeArgs = {
  channel: string
  page?: number | null
  pageSize?: number | null
}

export type QueryAuditTrailArgs = {
  skuId?: string | null
  channel?: string | null
  page?: number | null
  pageSize?: number | null
}

export type QuerySkuDetailArgs = {
  skuId: string
}

export type QuerySettingsPreviewArgs = {
  input: SettingsInput
}

export type QueryReconciliationArgs = {
  id?: string | null
}

export type QueryReconciliationsArgs = {
  page?: number | null
  pageSize?: number | null
}

export type QuerySettingsSavesArgs = {
  page?: number | null
  pageSize?: number | null
}

export type QueryRunFindingsArgs = {
  runId: string
  channel?: string | null
  kind?: RunFindingKind | null
  page?: number | null
  pageSize?: number | null
}

export type QueryChannelKeysArgs = {
  channel: string
}

export type QueryChannelToldArgs = {
  skuId: string
  channel: string
}

export type QueryTrendsArgs = {
  channel: string
  days?: number | null
}

export type QueryJobArgs = {
  id: string
}

export type MutationReevaluateArgs = {
  skuId: string
  channel?: string | null
}

export type MutationReevaluateManyArgs = {
  skuIds: string[]
  channel?: string | null
}

export type MutationSetOverrideArgs = {
  input: OverrideInput
}

export type MutationSetOverridesArgs = {
  inputs: OverrideInput[]
}

export type MutationSetOverridesMatchingArgs = {
  input: OverridesMatchingInput
}

export type MutationResumeOverridesMatchingArgs = {
  id: string
}

export type MutationClearOverrideArgs = {
  skuId: string
  channel: string
}

export type MutationSaveSettingsArgs = {
  input: SettingsInput
}

export type MutationSaveStockBufferArgs = {
  input: StockBufferInput
}

export type MutationDeleteStockBufferArgs = {
  id: string
}

export type MutationSaveAlertEmailsArgs = {
  emails: string[]
}

export type MutationStartReconciliationArgs = {
  scope: ReconciliationScopeInput
}

export type MutationCancelReconciliationArgs = {
  id: string
}

export type MutationCreateChannelKeyArgs = {
  channel: string
}

export type MutationRevokeChannelKeyArgs = {
  channel: string
  id: string
}

export type MutationSaveReconciliationScheduleArgs = {
  input: ReconciliationScheduleInput
}

export type ChannelMode = 'OBSERVE' | 'ENFORCE'

export type ExposureStatus = 'EXPOSED' | 'WITHHELD' | 'PENDING' | 'ERROR'

export type ReasonCode =
  | 'SKU_NOT_FOUND'
  | 'SKU_INACTIVE'
  | 'NO_MARKETPLACE_STOCK'
  | 'NO_PRICE'
  | 'SELLER_EXCLUDED'
  /** Every third-party seller's binding to the SKU is inactive. */
  | 'SELLER_INACTIVE'
  | 'MANUAL_BLOCK'
  | 'MANUAL_ALLOW'
  | 'UPSTREAM_ERROR'

export type OverrideAction = 'ALLOW' | 'BLOCK'

export type AuditCause = 'EVENT' | 'SWEEP' | 'OPERATOR' | 'SYSTEM'

export type AuditKind =
  | 'STATUS_CHANGE'
  | 'ENFORCEMENT_WRITE'
  | 'OVERRIDE_SET'
  | 'OVERRIDE_CLEARED'
  | 'OVERRIDE_EXPIRED'
  | 'SETTINGS_CHANGE'
  | 'BUFFER_CREATED'
  | 'BUFFER_CHANGED'
  | 'BUFFER_REMOVED'
  | 'EVENT_REJECTED'
  /** A run's catalog write VTEX refused; details.code says why. */
  | 'ENFORCEMENT_FAILED'
  /** A SKU a sweep could not decide; details.code says why. */
  | 'EVALUATION_FAILED'

export type ExposureSortField =
  | 'SKU_ID'
  | 'STATUS'
  | 'EVALUATED_AT'
  | 'AVAILABLE'
  /** The SKU name; SKUs of one name are ordered by id */
  | 'SKU_NAME'
  /** When the status last changed */
  | 'CHANGED_AT'

export type SortOrder = 'ASC' | 'DESC'

export type Channel = {
  cacheId: string
  id: string
  name: string | null
  salesChannel: string
  /** The mode the operator chose. */
  mode: ChannelMode
  /** ENFORCE chosen, but this workspace may not write the catalog: the channel runs as OBSERVE. */
  catalogWritesBlocked: boolean
}

export type RuleResult = {
  rule: string
  passed: boolean
  reason: ReasonCode | null
  /** The inputs the rule saw, as a JSON object. */
  details: string
}

export type Override = {
  action: OverrideAction
  note: string
  by: string
  at: string
  expiresAt: string | null
}

export type Exposure = {
  cacheId: string
  skuId: string
  productId: string | null
  channel: string
  status: ExposureStatus
  reasons: ReasonCode[]
  available: number | null
  evaluatedAt: string | null
  changedAt: string | null
  trace: RuleResult[]
  skuName: string | null
  productName: string | null
  sellerIds: string[]
  /** Null on a row written before the app kept brands (until the SKU's next evaluation or sweep) */
  brandId: string | null
  brandName: string | null
  /** The product's own category */
  categoryId: string | null
  /** Category names from the department down, joined by " / " */
  categoryPath: string | null
  override: Override | null
  /** What the engine would write (OBSERVE) or wrote (ENFORCE) for the product on this channel. */
  productAssociated: boolean | null
  /**
   * On a SKU's own page (skuDetail), when the channel's rules changed after this decision: its trace
   * shows the rules it was made under. Null when they did not change, and in lists.
   */
  rulesChanged: RulesChanged | null
}

/** The channel's rules now, against those a decision was made under. */
export type RulesChanged = {
  /** The settings that differ: exposeAt, withdrawBelow, requirePrice, sellerAllow, sellerDeny, buffer (the stock buffer that applies is another, or none) */
  changed: string[]
  /** The status the rules now give, from the facts the decision read; the SKU's next evaluation records it (null for ERROR and PENDING: no facts were read) */
  statusNow: ExposureStatus | null
  /** The thresholds that apply now: the stock buffer's when one applies, else the channel's. */
  exposeAt: number
  withdrawBelow: number
  /** The stock buffer whose thresholds apply now, or null. */
  bufferId: string | null
  requirePrice: boolean
}

export type Seller = {
  /** The seller id the filters and sweep scopes take (sellerId) */
  id: string
  name: string | null
  active: boolean
}

export type ExposureFilter = {
  channel?: string | null
  status?: ExposureStatus | null
  reason?: ReasonCode | null
  sellerId?: string | null
  brandId?: string | null
  /** A department or category: the rows at or below it */
  categoryId?: string | null
  /** The rows of the channels bound to this trade policy */
  tradePolicy?: string | null
  /** SKU id, SKU name or product id/name */
  text?: string | null
}

export type OverridesMatchingInput = {
  filter: ExposureFilter
  action: OverrideAction
  note: string
  expiresAt?: string | null
  /** The filter's total the operator confirmed */
  expected: number
}

export type BrandChoice = {
  id: string
  name: string | null
  active: boolean
}

export type CategoryChoice = {
  id: string
  name: string | null
  /** Names from the department down, joined by " / " */
  path: string
  /** 1 for a department */
  depth: number
}

export type CatalogFilterChoices = {
  cacheId: string
  brands: BrandChoice[]
  categories: CategoryChoice[]
}

export type ExposureSort = {
  field: ExposureSortField
  order?: SortOrder | null
}

export type ExposurePage = {
  items: Exposure[]
  /** The page size used: at most 100 (Master Data's page limit), whatever was asked. */
  pageSize: number
  total: number
  /** The cursor of the page after this one (`after`), null on the last page. */
  next: string | null
}

export type ReasonCount = {
  reason: ReasonCode
  count: number
}

export type StatusCount = {
  status: ExposureStatus
  count: number
}

export type ChannelSummary = {
  cacheId: string
  channel: Channel
  total: number
  byStatus: StatusCount[]
  byReason: ReasonCount[]
  /** Products whose association with the channel's trade policy differs from the decisions: what ENFORCE would write (OBSERVE), or writes not done yet (ENFORCE). */
  wouldExpose: number
  wouldWithdraw: number
  /** Median seconds from a stock change to the channel being updated, over the last day. */
  medianLatencySeconds: number | null
}

/** A channel's figures as the first scheduler tick of a UTC day counted them. */
export type TrendPoint = {
  /** YYYY-MM-DD (UTC) */
  day: string
  total: number
  exposed: number
  /** exposed / total; null when the channel had no SKU */
  exposedShare: number | null
  withheld: number
  byReason: ReasonCount[]
  medianLatencySeconds: number | null
}

/** A finished sweep that covered the channel (a full sweep or the channel's own): its drift over every channel it swept. */
export type SweepDrift = {
  runId: string
  at: string
  state: string
  driftFound: number
  driftFixed: number
}

export type ChannelTrends = {
  cacheId: string
  channel: string
  days: number
  /** Oldest first; a day with no tick has no point. */
  points: TrendPoint[]
  /** Oldest first. */
  sweeps: SweepDrift[]
}

export type AuditEntry = {
  cacheId: string
  id: string
  at: string
  skuId: string | null
  productId: string | null
  channel: string | null
  kind: AuditKind
  cause: AuditCause
  actor: string | null
  fromStatus: ExposureStatus | null
  toStatus: ExposureStatus | null
  reasons: ReasonCode[]
  /** Kind-specific details as a JSON object (never credentials). */
  details: string | null
}

export type AuditPage = {
  items: AuditEntry[]
  page: number
  pageSize: number
  total: number
}

export type ChannelSettings = {
  cacheId: string
  channel: string
  mode: ChannelMode
  exposeAt: number
  withdrawBelow: number
  requirePrice: boolean
  sellerAllow: string[]
  sellerDeny: string[]
}

export type Settings = {
  cacheId: string
  channels: ChannelSettings[]
  retentionDays: number
  /** The workspace these settings belong to (settings are per workspace). */
  workspace: string
  /** Outside master: whether ENFORCE may write the catalog from this workspace (off by default). */
  workspaceCatalogWrites: boolean
  /** True outside master while workspaceCatalogWrites is off: ENFORCE channels run as OBSERVE. */
  catalogWritesBlocked: boolean
  /** On saveSettings' answer: the job that applies the save (decides again, writes the ENFORCE switch); null when there is nothing to apply, and on the settings query. */
  applyJobId: string | null
  /** Where the attention e-mails go (saveAlertEmails). */
  alertEmails: string[]
}

export type ChannelSettingsInput = {
  channel: string
  mode?: ChannelMode | null
  exposeAt?: number | null
  withdrawBelow?: number | null
  requirePrice?: boolean | null
  sellerAllow?: string[] | null
  sellerDeny?: string[] | null
}

export type SettingsInput = {
  channels?: ChannelSettingsInput[] | null
  retentionDays?: number | null
  workspaceCatalogWrites?: boolean | null
}

export type SettingsPreview = {
  channel: string
  toExposed: number
  toWithheld: number
  /** In ENFORCE: the products the save will put on / take off the channel's trade policy (those whose association differs from what their SKUs want under the new rules). 0 in OBSERVE; where the workspace may not write the catalog, the writes it only records. */
  associate: number
  dissociate: number
  /** The products associate and dissociate count, by product id: at most 1,000 (then productsTruncated), all of them otherwise. */
  products: ProductChange[]
  /** The list stops short of the counts, which stay exact. */
  productsTruncated: boolean
}

export type StockBufferScope = 'PRODUCT' | 'SKU'

/** A product's or SKU's own exposeAt/withdrawBelow: a SKU's wins over its product's, and on one target a channel's own over an all-channels one. */
export type StockBuffer = {
  cacheId: string
  /** SCOPE-targetId-channel (ALL for every channel) */
  id: string
  scope: StockBufferScope
  /** The product id or SKU id */
  targetId: string
  /** null: every channel */
  channel: string | null
  exposeAt: number
  withdrawBelow: number
  note: string
  /** Who saved it last */
  by: string
  /** When it was saved last (ISO time) */
  at: string
}

export type StockBufferInput = {
  scope: StockBufferScope
  targetId: string
  /** null or absent: every channel */
  channel?: string | null
  exposeAt: number
  withdrawBelow: number
  note: string
}

export type OverrideInput = {
  skuId: string
  channel: string
  action: OverrideAction
  note: string
  expiresAt?: string | null
}

export type SkuDetail = {
  cacheId: string
  skuId: string
  productId: string | null
  skuName: string | null
  productName: string | null
  exposures: Exposure[]
}

export type ReconciliationState =
  | 'QUEUED'
  | 'RUNNING'
  | 'DONE'
  | 'CANCELLED'
  | 'FAILED'

export type ReconciliationScopeInput = {
  channel?: string | null
  sellerId?: string | null
  skuIds?: string[] | null
  /** ISO time: only SKUs changed since then */
  changedSince?: string | null
  /** Only SKUs whose decision is in one of these statuses (the hourly sweep uses ERROR and PENDING) */
  statuses?: ExposureStatus[] | null
  /** Only SKUs whose decision has this reason (as the exposures filter) */
  reason?: ReasonCode | null
  /** Only SKUs matching this search: SKU id, SKU name or product id/name (as the exposures filter; at most 100 characters) */
  text?: string | null
}

export type ReconciliationScope = {
  channel: string | null
  sellerId: string | null
  skuIds: string[] | null
  changedSince: string | null
  statuses: ExposureStatus[] | null
  reason: ReasonCode | null
  text: string | null
}

export type ErrorCount = {
  code: string
  count: number
}

export type ReconciliationRun = {
  cacheId: string
  id: string
  state: ReconciliationState
  scope: ReconciliationScope
  trigger: string
  startedBy: string | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  done: number
  total: number
  /** SKUs per second */
  rate: number | null
  /** Seconds left at the current rate */
  eta: number | null
  driftFound: number
  driftFixed: number
  errors: ErrorCount[]
  upstreamCallsPerSku: number | null
  /** Set while the run waits for a VTEX API that failed for a while (5xx, 429, timeout). */
  waiting: RunWaiting | null
  /** Why a FAILED run stopped. */
  failure: RunFailure | null
  /** Seconds spent processing, across resumes. */
  activeSeconds: number
  /** Upstream calls the run made, by API. */
  calls: ApiCallCount[]
}

export type ApiCallCount = {
  api: string
  count: number
}

export type RunFindingKind =
  /** A SKU's status the run changed on a channel (from → to). */
  | 'DRIFTED'
  /** A catalog association the run wrote. */
  | 'WRITTEN'
  /** A write VTEX refused, or a SKU the run could not decide: code says why. */
  | 'FAILED'

export type RunFinding = {
  cacheId: string
  id: string
  at: string
  kind: RunFindingKind
  skuId: string | null
  productId: string | null
  channel: string | null
  fromStatus: ExposureStatus | null
  toStatus: ExposureStatus | null
  reasons: ReasonCode[]
  /** ASSOCIATE or DISSOCIATE: the write made or tried. */
  change: ProductAction | null
  tradePolicy: string | null
  /** Why it failed: an error code the admin puts in words. */
  code: string | null
}

export type SettingsSave = {
  cacheId: string
  id: string
  at: string
  actor: string | null
  /** The job that applied the save (runFindings takes its id); null when there was nothing to apply. */
  applyJobId: string | null
}

export type SettingsSavePage = {
  items: SettingsSave[]
  page: number
  pageSize: number
  total: number
}

export type RunFindingPage = {
  items: RunFinding[]
  page: number
  pageSize: number
  total: number
}

export type RunFailure = {
  code: string
  api: string | null
}

export type FirstSweep = {
  cacheId: string
  done: boolean
  run: ReconciliationRun | null
}

export type RunWaiting = {
  /** UPSTREAM_UNAVAILABLE, UPSTREAM_TIMEOUT, UPSTREAM_RATE_LIMITED or CIRCUIT_OPEN */
  code: string
  /** catalog, logistics, pricing, storage... (null when the failure named no API) */
  api: string | null
  since: string
  attempts: number
  nextAttemptAt: string
}

export type ReconciliationPage = {
  items: ReconciliationRun[]
  page: number
  pageSize: number
  total: number
}

export type ChannelKey = {
  cacheId: string
  id: string
  channel: string
  createdAt: string
  createdBy: string | null
  revokedAt: string | null
  revokedBy: string | null
  /** The key's first accepted use by the channel (null: never used). */
  firstUsedAt: string | null
}

export type CreatedChannelKey = {
  key: ChannelKey
  /** Send as Authorization: Bearer <secret> to GET /_v/marketplace-stock-gate/channels/{channel}/exposures */
  secret: string
}

export type AssociationSource =
  /** the app wrote the association (audit trail) */
  | 'APP_WRITE'
  /** the app read it from the catalog and has not changed it */
  | 'CATALOG_READ'
  | 'UNKNOWN'

export type ChannelView =
  /** product on the channel's trade policy, SKU exposed with stock */
  | 'LISTED_WITH_STOCK'
  /** product on the trade policy (a sibling SKU keeps it there) but this SKU shows no marketplace stock */
  | 'LISTED_WITHOUT_STOCK'
  /** product off the trade policy: VTEX sent HasStockKeepingUnitRemovedFromAffiliate */
  | 'REMOVED'
  | 'UNKNOWN'

export type ChannelTold = {
  cacheId: string
  skuId: string
  channel: string
  productId: string | null
  status: ExposureStatus | null
  available: number | null
  decidedAt: string | null
  productAssociated: boolean | null
  associationSource: AssociationSource
  associationAt: string | null
  expectedView: ChannelView
  inSync: boolean | null
}

/** When the scheduler's tick starts sweeps on its own (0 turns one off). */
export type ReconciliationSchedule = {
  cacheId: string
  fullEveryHours: number
  partialEveryMinutes: number
  partialStatuses: ExposureStatus[]
  /** When the schedule last started a full sweep (null: never) */
  lastFullAt: string | null
  /** When the schedule last started a partial sweep (null: never) */
  lastPartialAt: string | null
  /** From when a full sweep is due: it starts at the scheduler's first tick after it (null: off) */
  nextFullAt: string | null
  /** From when a partial sweep is due (null: off) */
  nextPartialAt: string | null
  /** When vtex.scheduler last called the app's tick (every 10 minutes while the app is installed; null: never) */
  lastTickAt: string | null
  /** How that call ended: STARTED, RESUMED, IDLE or BUSY, or FAILED when the tick threw (the logs say why) */
  lastTickOutcome: string | null
}

export type ReconciliationScheduleInput = {
  /** 0 to 720 */
  fullEveryHours?: number | null
  /** 0 to 1440 */
  partialEveryMinutes?: number | null
  partialStatuses?: ExposureStatus[] | null
}

export type JobKind =
  | 'SETTINGS_PREVIEW'
  | 'REEVALUATE'
  | 'AUDIT_PRUNE'
  | 'SETTINGS_APPLY'
  | 'OVERRIDE_MATCHING'

/** A FAILED job whose worker stopped has error WORKER_LOST. */
export type JobStatus = 'RUNNING' | 'DONE' | 'FAILED'

export type JobProgress = {
  done: number
  /** 0 while unknown (audit pruning counts only what it removed). */
  total: number
}

/** What a DONE job produced, under the field of its kind. */
export type JobResult = {
  preview: SettingsPreview[] | null
  reevaluated: number | null
  pruned: number | null
  applied: SettingsApplyResult | null
  /** Rows allowed or blocked by setOverridesMatching */
  overridden: number | null
}

export type SettingsApplyResult = {
  /** SKUs decided again under the saved rules. */
  decidedAgain: number
  /** Products whose write could not be made (left for the scheduler's tick). */
  failed: number
  calls: ApiCallCount[]
}

/** Work that can outlast a request: settingsPreview and reevaluateMany answer with one at once; follow it with job(id). */
export type Job = {
  cacheId: string
  id: string
  kind: JobKind
  status: JobStatus
  progress: JobProgress
  result: JobResult | null
  /** An error code when FAILED. */
  error: string | null
  createdAt: string
  finishedAt: string | null
}

export type ProductAction = 'ASSOCIATE' | 'DISSOCIATE'

export type ProductChange = {
  productId: string
  productName: string | null
  action: ProductAction
  /** The product's SKUs the app governs on the channel */
  skuIds: string[]
}

export type ProductChangePage = {
  items: ProductChange[]
  total: number
}

export type AttentionCode =
  /** a sweep has waited on a VTEX API for 10 minutes or more */
  | 'SWEEP_STALLED'
  /** the latest sweep failed, or the scheduler's last call did */
  | 'SWEEP_FAILING'
  /** no call from vtex.scheduler for more than 30 minutes */
  | 'TICK_LATE'
  | 'SKUS_IN_ERROR'
  /** catalog writes of an ENFORCE channel not done after 10 minutes */
  | 'WRITES_LATE'
  /** the channel's exposed share fell by more than 10 points since the day before (count: points) */
  | 'SHARE_DROP'
  /** the channel's active feed keys were never used, a day after the oldest was created */
  | 'KEY_NEVER_USED'

export type AttentionPage =
  | 'RECONCILIATION'
  | 'EXPOSURES'
  /** the channel's card on the overview, with its products to change */
  | 'PRODUCTS_TO_CHANGE'
  | 'CHANNEL_KEYS'

export type AttentionItem = {
  cacheId: string
  code: AttentionCode
  channel: string | null
  /** SKUs, products, keys or runs concerned; for SHARE_DROP the fall in percentage points */
  count: number
  /** Where the admin shows it, with its filters (status, channel, runId) */
  page: AttentionPage
  status: ExposureStatus | null
  runId: string | null
}
