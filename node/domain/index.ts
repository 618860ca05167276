// The pure exposure engine: rules, validation and summaries. No I/O, no clock, no logger.
export type {
  BroadcasterEvent,
  ChannelConfig,
  ChannelMode,
  Decision,
  DecisionInput,
  Dock,
  ExposureStatus,
  InventoryBalance,
  Override,
  PriceFacts,
  ReasonCode,
  RuleName,
  RuleResult,
  SellerOffer,
  SkuFacts,
  Warehouse,
  WarehouseTrace,
} from './types'
export { availableForChannel } from './availability'
export { expectedChannelView } from './channelView'
export type { ChannelView } from './channelView'
export type { AvailabilityResult, DockIgnoredBecause } from './availability'
export {
  decide,
  priceIn,
  RULE_ORDER,
  STATUS_RANK,
  stockThreshold,
} from './decide'
export {
  isGoverned,
  sellersForChannel,
  sellersReason,
  thirdPartySellers,
} from './sellers'
export type { SellerExcludedBy, SellerTrace } from './sellers'
export {
  activeOverride,
  buildOverride,
  MAX_NOTE_LENGTH,
  overrideState,
  validateOverrideInput,
} from './overrides'
export type {
  OverrideError,
  OverrideErrorCode,
  OverrideInput,
  OverrideState,
  ValidOverrideInput,
} from './overrides'
export {
  catalogWritesAllowed,
  channelConfig,
  channelSettings,
  CHANNEL_MODES,
  DEFAULT_RETENTION_DAYS,
  defaultAppSettings,
  defaultChannelSettings,
  MAX_RETENTION_DAYS,
  MAX_SELLERS_PER_LIST,
  MASTER_WORKSPACE,
  MAX_THRESHOLD,
  MIN_RETENTION_DAYS,
} from './settings'
export { applySettingsInput, refusalCodes } from './applySettings'
export type { AppSettings, ChannelSettings } from './settings'
export type {
  ChannelSettingsInput,
  SettingsChange,
  SettingsError,
  SettingsErrorCode,
  SettingsField,
  SettingsInput,
  SettingsResult,
} from './settingsInput'
export {
  isAffiliateId,
  isSellerId,
  MARKETPLACE_SELLER_ID,
  MAX_SKU_ID_DIGITS,
  parseCatalogId,
} from './ids'
export {
  looseBoolean,
  MAX_EVENT_BYTES,
  MAX_EVENT_KEYS,
  normaliseFieldName,
  parseBroadcasterEvent,
} from './events'
export type { EventErrorCode, ParsedEvent } from './events'
export { associationChange, desiredAssociation } from './association'
export type { AssociationChange } from './association'
export { decisionChanged, deepEqual } from './changes'
export type { DecisionChange } from './changes'
export { countBy, median } from './stats'
export { priceSource, pricesByTradePolicy } from './prices'
export type { StoredPrice } from './prices'
export {
  bufferFor,
  bufferId,
  buffersOn,
  bufferTrace,
  BUFFER_SCOPES,
  matchingBuffers,
  MAX_BUFFER_THRESHOLD,
  MAX_BUFFERS,
  putBuffer,
  removeBuffer,
  validateBufferInput,
} from './buffers'
export type {
  BufferChange,
  BufferErrorCode,
  BufferInput,
  BufferScope,
  StockBuffer,
  ValidBuffer,
} from './buffers'
export { rulesChangedSince } from './rulesChanged'
export type { RuleSetting } from './rulesChanged'
export {
  ALL_PARTS,
  joinEvents,
  MAX_JOINED_EVENTS,
  partsToRead,
  readTimeOf,
  STORED_INPUTS_MAX_AGE_MS,
} from './reads'
export type { EventChanges, InputPart, ReadTimes } from './reads'
