// The admin's long jobs: one document per job and the index of the latest ones.
import { docStoreFor, singleDocFor } from './docStore'
import type { Docs } from './docStore'

export type JobKind =
  | 'SETTINGS_PREVIEW'
  | 'REEVALUATE'
  | 'AUDIT_PRUNE'
  /** What a settings save does after it is stored (settingsApply.ts): its detail is a run's. */
  | 'SETTINGS_APPLY'
  | 'OVERRIDE_MATCHING'
export type JobStatus = 'RUNNING' | 'DONE' | 'FAILED'

export interface JobDoc<R = unknown> {
  id: string
  kind: JobKind
  status: JobStatus
  progress: { done: number; total: number }
  result: R | null
  /** An error code (UPSTREAM_*, WORKER_LOST, UNEXPECTED_ERROR), never a sentence. */
  error: string | null
  startedBy: string | null
  owner: string
  createdAt: string
  heartbeatAt: string
  finishedAt: string | null
  /** What the job was asked, for a job that can be resumed. */
  input?: unknown
  /** Where its work stood at the last heartbeat (its `work` says what it holds). */
  checkpoint?: unknown
  /** The job that continues this one (set once, so one failed job is resumed once). */
  resumedBy?: string
}

export const BUCKET_JOBS = 'jobs'
export const jobPath = (id: string) => `jobs/${id}`

/** A job by id, its result typed by the caller; null: no such job. */
export const jobStore = <R = unknown>(docs: Docs) =>
  docStoreFor<JobDoc<R> | null, string>(BUCKET_JOBS, jobPath, () => null)(docs)

export const jobIndexStore = singleDocFor<{ ids: string[] }>(
  BUCKET_JOBS,
  'index',
  () => ({ ids: [] })
)
