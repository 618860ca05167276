import { UserInputError } from '@vtex/api'

import { catalogWritesAllowed } from '../domain'
import type { AdminContext } from './operatorContext'
import { actorOf } from './operatorContext'
import { listBuffers } from '../services/operator/buffers'
import { depsOf } from '../services/compose'
import {
  CursorError,
  searchExposures,
  skuState,
  tradePolicyChannels,
  viewOfDecision,
  viewOfDoc,
} from '../services/operator/exposures'
import { startSettingsPreview } from '../services/operator/jobKinds'
import { readJob } from '../services/shared/jobs'
import { productsToChange } from '../services/enforcement/productsToChange'
import {
  MD_MAX_PAGE,
  MD_SEARCH_WINDOW,
} from '../services/projection/projection'
import { channels, readSettings } from '../services/shared/reference'
import { rulesChangedOf } from '../services/operator/rulesNow'
import { sellers } from '../services/operator/sellers'
import { catalogFilterChoices } from '../services/operator/catalogFilters'
import { attentionQueries } from './attention'
import { channelSummary } from '../services/operator/summary'
import { channelFeedQueries } from './channelFeed'
import { reconciliationQueries } from './reconciliation'
import { trendsQueries } from './trends'
import {
  auditOut,
  bufferOut,
  channelOut,
  configuredMode,
  exposureOut,
  jobOut,
} from './shape'
import type {
  QueryAuditTrailArgs,
  QueryExposureArgs,
  QueryExposuresArgs,
  QueryJobArgs,
  QueryProductsToChangeArgs,
  QuerySettingsPreviewArgs,
  QuerySkuDetailArgs,
} from '../typings/schema.generated'

const clampSize = (size: number | null | undefined, max = MD_MAX_PAGE) =>
  Math.max(1, Math.min(max, size ?? 50))

const clampPage = (page: number | null | undefined) => Math.max(1, page ?? 1)

export const queries = {
  channels: async (_: unknown, __: unknown, ctx: AdminContext) =>
    (await channels(depsOf(ctx))).map(channelOut),

  sellers: async (_: unknown, __: unknown, ctx: AdminContext) =>
    sellers(ctx.clients.catalog, ctx.clients.memory.account(ctx.vtex.account)),

  catalogFilterChoices: async (_: unknown, __: unknown, ctx: AdminContext) => ({
    cacheId: 'catalog-filter-choices',
    ...(await catalogFilterChoices(
      ctx.clients.catalog,
      ctx.clients.memory.account(ctx.vtex.account)
    )),
  }),

  exposure: async (_: unknown, args: QueryExposureArgs, ctx: AdminContext) => {
    const state = await skuState(depsOf(ctx), args.skuId)
    const decision = state?.decisions[args.channel]

    return state && decision
      ? exposureOut(viewOfDecision(state, decision))
      : null
  },

  exposures: async (
    _: unknown,
    args: QueryExposuresArgs,
    ctx: AdminContext
  ) => {
    const d = depsOf(ctx)
    const result = await searchExposures(
      d,
      await tradePolicyChannels(d, args.filter),
      args.after,
      clampSize(args.pageSize),
      args.sort,
      args.countAll !== false
    ).catch((error) => {
      if (error instanceof CursorError) throw new UserInputError(error.message)
      throw error
    })

    return {
      ...result,
      items: result.items.map((doc) => exposureOut(viewOfDoc(doc))),
    }
  },

  productsToChange: async (
    _: unknown,
    args: QueryProductsToChangeArgs,
    ctx: AdminContext
  ) =>
    productsToChange(
      depsOf(ctx),
      args.channel,
      clampPage(args.page),
      clampSize(args.pageSize)
    ),

  exposureSummary: async (_: unknown, __: unknown, ctx: AdminContext) => {
    const d = depsOf(ctx)
    const list = await channels(d)

    return Promise.all(
      list.map(async (channel) => ({
        cacheId: channel.id,
        channel: channelOut(channel),
        ...(await channelSummary(d, channel)),
      }))
    )
  },

  auditTrail: async (
    _: unknown,
    args: QueryAuditTrailArgs,
    ctx: AdminContext
  ) => {
    const d = depsOf(ctx)
    // A SKU's timeline also shows the writes made for its product as a whole (an ENFORCE switch,
    // a sweep), which are recorded without a SKU.
    const productId = args.skuId
      ? (await skuState(d, args.skuId))?.productId
      : null

    const page = clampPage(args.page)
    const pageSize = clampSize(args.pageSize)

    // Master Data's search serves no document past the 10,000th: say so rather than pass on
    // its refusal (a SKU's timeline never gets there; the whole account's trail can).
    if (page * pageSize > MD_SEARCH_WINDOW)
      throw new UserInputError('PAGE_BEYOND_SEARCH_WINDOW')
    const result = await d.audit.trail(
      { skuId: args.skuId, productId, channel: args.channel },
      page,
      pageSize
    )

    return {
      items: result.data.map(auditOut),
      page,
      pageSize,
      total: result.pagination.total,
    }
  },

  settings: async (_: unknown, __: unknown, ctx: AdminContext) => {
    const d = depsOf(ctx)
    const [settings, list] = await Promise.all([
      readSettings(d, true),
      channels(d),
    ])

    const { workspace } = ctx.vtex

    return {
      cacheId: 'settings',
      retentionDays: settings.retentionDays,
      workspace,
      workspaceCatalogWrites: settings.workspaceCatalogWrites === true,
      catalogWritesBlocked: !catalogWritesAllowed(workspace, settings),
      alertEmails: settings.alertEmails ?? [],
      channels: list.map((c) => ({
        cacheId: `settings-${c.id}`,
        channel: c.id,
        mode: configuredMode(c),
        exposeAt: c.exposeAt,
        withdrawBelow: c.withdrawBelow,
        requirePrice: c.requirePrice,
        sellerAllow: c.sellerAllow,
        sellerDeny: c.sellerDeny,
      })),
    }
  },

  stockBuffers: async (_: unknown, __: unknown, ctx: AdminContext) =>
    (await listBuffers(depsOf(ctx))).map(bufferOut),

  skuDetail: async (
    _: unknown,
    args: QuerySkuDetailArgs,
    ctx: AdminContext
  ) => {
    const d = depsOf(ctx)
    const state = await skuState(d, args.skuId)

    if (!state) return null
    const decisions = Object.values(state.decisions)
    // A trace made under rules the channel no longer has is said so (services/rulesNow.ts).
    const now = decisions.length ? await channels(d) : []

    return {
      cacheId: `sku-${args.skuId}`,
      skuId: args.skuId,
      productId: state.productId,
      skuName: decisions[0]?.skuName ?? null,
      productName: decisions[0]?.productName ?? null,
      exposures: decisions.map((decision) => {
        const view = viewOfDecision(state, decision)

        return {
          ...exposureOut(view),
          rulesChanged: rulesChangedOf(
            view,
            now.find((c) => c.id === decision.channel)
          ),
        }
      }),
    }
  },

  /** Starts the review's computation as a job; the admin follows it with `job(id)`. */
  settingsPreview: async (
    _: unknown,
    args: QuerySettingsPreviewArgs,
    ctx: AdminContext
  ) =>
    jobOut(
      await startSettingsPreview(depsOf(ctx), args.input, await actorOf(ctx))
    ),

  job: async (_: unknown, args: QueryJobArgs, ctx: AdminContext) => {
    const job = await readJob(depsOf(ctx), args.id)

    return job ? jobOut(job) : null
  },

  ...reconciliationQueries,
  ...channelFeedQueries,
  ...attentionQueries,
  ...trendsQueries,
}
