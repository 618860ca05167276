import { checkBuilderFolder } from './builders'
import type { BuilderOptions } from './builders'
import { readIgnore } from './files'
import type { Failure } from './rules'
import {
  BUILDER_FOLDERS,
  contextProviders,
  graphqlBuilder,
  lockfiles,
  manifestSchema,
  tsconfigAlone,
  vtexImports,
} from './rules'

export type { Failure } from './rules'

export interface PreflightOptions extends BuilderOptions {
  schemaFile?: string
  /** false: only the checks that install nothing. */
  install?: boolean
}

/** Every check, in the order a failure is cheapest to read: files first, installs last. */
export function preflight(root: string, options: PreflightOptions = {}) {
  const ignored = readIgnore(root)
  const failures: Failure[] = [
    ...manifestSchema(root, options.schemaFile),
    ...graphqlBuilder(root),
    ...vtexImports(root, ignored),
    ...contextProviders(root, ignored),
    ...tsconfigAlone(root),
    ...lockfiles(root),
  ]

  if (options.install !== false) {
    for (const folder of BUILDER_FOLDERS) {
      // A folder whose lockfile is already known to be wrong would only fail again, slowly.
      if (failures.some((f) => f.file === `${folder}/yarn.lock`)) continue
      failures.push(...checkBuilderFolder(root, folder, ignored, options))
    }
  }

  return failures
}

export const formatFailure = (f: Failure) =>
  `${f.file}: [${f.rule}] ${f.message}`
