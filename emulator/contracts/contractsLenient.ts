/** Spec cases the emulator's contract checks relax, each with the reason the spec is wrong or too narrow. */

export type Schema = Record<string, unknown>
export type Patch = (schema: Schema) => Schema

const dropRequired: Patch = (schema) => ({ ...schema, required: undefined })

/**
 * Where the spec is known to be wrong or narrower than VTEX's real answers, and why.
 * Keyed `<file> <METHOD> <path> <status|request>`.
 */
export const LENIENT: Record<string, { reason: string; patch: Patch }> = {
  'Master Data API - v2 GET /api/dataentities/{dataEntityName}/documents/{id} 200':
    {
      reason:
        'The schema describes `_fields=_all`; with an explicit `_fields` only those fields come back.',
      patch: dropRequired,
    },
  'Master Data API - v2 GET /api/dataentities/{dataEntityName}/search 200': {
    reason:
      'Same as the document GET: required system fields only come back with `_fields=_all`.',
    patch: (schema) => ({
      ...schema,
      items: dropRequired(schema.items as Schema),
    }),
  },
  'Master Data API - v2 GET /api/dataentities/{dataEntityName}/scroll 200': {
    reason: 'Same as search: system fields are only there with `_fields=_all`.',
    patch: (schema) => ({
      ...schema,
      items: dropRequired(schema.items as Schema),
    }),
  },
}
