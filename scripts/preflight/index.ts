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

/** The checks that install nothing: a few hundred milliseconds. */
export function fileChecks(root: string, options: PreflightOptions = {}) {
  const ignored = readIgnore(root)
  const failures: Failure[] = [
    ...manifestSchema(root, options.schemaFile),
    ...graphqlBuilder(root),
    ...vtexImports(root, ignored),
    ...contextProviders(root, ignored),
    ...tsconfigAlone(root),
    ...lockfiles(root),
  ]

  return failures
}

/** Every check: files first, then node/ and react/ installed and type-checked side by side. */
export async function preflight(
  root: string,
  options: PreflightOptions = {}
): Promise<Failure[]> {
  const failures = fileChecks(root, options)

  if (options.install === false) return failures
  const ignored = readIgnore(root)
  const installs = await Promise.all(
    BUILDER_FOLDERS
      // A folder whose lockfile is already known to be wrong would only fail again, slowly.
      .filter(
        (folder) => !failures.some((f) => f.file === `${folder}/yarn.lock`)
      )
      .map((folder) => checkBuilderFolder(root, folder, ignored, options))
  )

  return [...failures, ...installs.flat()]
}

export const formatFailure = (f: Failure) =>
  `${f.file}: [${f.rule}] ${f.message}`
