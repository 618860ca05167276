import type { FaultSpec } from '../faults'
import type { ControlRouteDef } from '../http'
import { badRequest, json } from '../http'

const ok = () => json(200, { ok: true })

/** Faults a test injects, and what the emulator counted and refused while it ran. */
export const observeRoutes: ControlRouteDef[] = [
  {
    method: 'GET',
    template: '/_emulator/faults',
    handler: ({ emu }) => json(200, emu.faults.list()),
  },
  {
    method: 'POST',
    template: '/_emulator/faults',
    handler: ({ emu, body }) => {
      if (typeof body.match !== 'string') return badRequest('match is required')
      try {
        return json(
          200,
          (({ test, ...rest }) => rest)(
            emu.faults.add(body as unknown as FaultSpec)
          )
        )
      } catch (err) {
        return badRequest(`Invalid match: ${(err as Error).message}`)
      }
    },
  },
  {
    method: 'DELETE',
    template: '/_emulator/faults',
    handler: ({ emu }) => {
      emu.faults.clear()

      return ok()
    },
  },
  {
    method: 'GET',
    template: '/_emulator/ratelimit',
    handler: ({ emu }) => json(200, emu.rateLimits.list()),
  },
  {
    method: 'POST',
    template: '/_emulator/ratelimit',
    handler: ({ emu, body }) => {
      emu.rateLimits.set(
        typeof body.api === 'string' ? body.api : '*',
        Number(body.perSecond)
      )

      return json(200, emu.rateLimits.list())
    },
  },
  {
    method: 'DELETE',
    template: '/_emulator/ratelimit',
    handler: ({ emu }) => {
      emu.rateLimits.clear()

      return ok()
    },
  },
  {
    method: 'POST',
    template: '/_emulator/logistics',
    handler: ({ emu, body }) => {
      emu.inventoryLock.windowMs = Math.max(0, Number(body.lockWindowMs ?? 0))
      emu.inventoryLock.lastWrite.clear()

      return json(200, { lockWindowMs: emu.inventoryLock.windowMs })
    },
  },
  {
    method: 'GET',
    template: '/_emulator/counters',
    handler: ({ emu }) => json(200, emu.counters.snapshot()),
  },
  {
    method: 'POST',
    template: '/_emulator/counters/reset',
    handler: ({ emu }) => {
      emu.counters.reset()

      return ok()
    },
  },
  {
    method: 'GET',
    template: '/_emulator/masterdata/unindexed',
    handler: ({ emu }) => json(200, emu.state.md.limits.report()),
  },
  {
    method: 'DELETE',
    template: '/_emulator/masterdata/unindexed',
    handler: ({ emu }) => {
      emu.state.md.limits.unindexed.clear()

      return ok()
    },
  },
  {
    method: 'GET',
    template: '/_emulator/contract-violations',
    handler: ({ emu }) => json(200, emu.violations),
  },
  {
    method: 'DELETE',
    template: '/_emulator/contract-violations',
    handler: ({ emu }) => {
      emu.violations = []

      return ok()
    },
  },
  {
    method: 'GET',
    template: '/_emulator/egress',
    handler: ({ emu }) =>
      json(200, { blocked: emu.egress.blocked, log: emu.egress.log }),
  },
  {
    method: 'DELETE',
    template: '/_emulator/egress',
    handler: ({ emu }) => {
      emu.egress = { blocked: 0, log: [] }

      return ok()
    },
  },
  {
    method: 'GET',
    template: '/_emulator/refusals',
    handler: ({ emu }) => json(200, emu.refusals),
  },
  {
    method: 'DELETE',
    template: '/_emulator/refusals',
    handler: ({ emu }) => {
      emu.refusals = []

      return ok()
    },
  },
]
