// The app's configuration bucket: the operator's settings and the audit retention's last run.
import { defaultAppSettings } from '../../../domain'
import type { AppSettings } from '../../../domain'
import { BUCKET_CONFIG } from '../deps'
import { singleDocFor } from './docStore'

export const settingsStore = singleDocFor<AppSettings>(
  BUCKET_CONFIG,
  'settings.json',
  defaultAppSettings
)

/** When the audit retention last pruned (claimed once a day across workers). */
export const retentionStore = singleDocFor<{ lastAt: string | null }>(
  BUCKET_CONFIG,
  'retention.json',
  () => ({ lastAt: null })
)
