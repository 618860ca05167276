import JOB from '../admin/shared/graphql/job.gql'

type Preview = {
  channel: string
  toExposed: number
  toWithheld: number
  associate: number
  dissociate: number
  products: Array<{
    productId: string
    productName: string | null
    action: 'ASSOCIATE' | 'DISSOCIATE'
    skuIds: string[]
  }>
  productsTruncated: boolean
}

/** A job as the backend answers it, RUNNING unless told otherwise. */
export const job = (
  partial: {
    id?: string
    kind?: string
    status?: string
    progress?: { done: number; total: number }
    error?: string | null
    preview?: Preview[] | null
    reevaluated?: number | null
    overridden?: number | null
  } = {}
) => {
  const {
    id = 'job-1',
    kind = 'SETTINGS_PREVIEW',
    status = 'RUNNING',
    progress = { done: 0, total: 0 },
    error = null,
    preview = null,
    reevaluated = null,
    overridden = null,
  } = partial

  return {
    __typename: 'Job',
    cacheId: `job-${id}`,
    id,
    kind,
    status,
    progress: { __typename: 'JobProgress', ...progress },
    error,
    result:
      status === 'DONE'
        ? {
            __typename: 'JobResult',
            preview:
              preview?.map((p) => ({
                __typename: 'SettingsPreview',
                ...p,
                products: p.products.map((product) => ({
                  __typename: 'ProductChange',
                  ...product,
                })),
              })) ?? null,
            reevaluated,
            pruned: null,
            overridden,
          }
        : null,
  }
}

/** The admin's next look at job `id`, answered with `answer`. */
export const jobMock = (answer: ReturnType<typeof job>) => ({
  request: { query: JOB, variables: { id: answer.id } },
  result: { data: { job: answer } },
})

export const previewLine = (
  channel: string,
  partial: Partial<Preview> = {}
) => ({
  channel,
  toExposed: 0,
  toWithheld: 0,
  associate: 0,
  dissociate: 0,
  products: [],
  productsTruncated: false,
  ...partial,
})
