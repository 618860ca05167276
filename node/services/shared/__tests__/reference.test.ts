import type { AppSettings } from '../../../domain'
import { ProcessMemory } from '../../../memory/processMemory'
import { channels } from '../reference'
import { FakeDocs } from './fakes'

const affiliates = {
  list: async () => [
    { id: 'MKB', name: 'Marketplace B', salesChannel: '2' },
    { id: 'GGL', name: null, salesChannel: '3' },
  ],
}

// One process serving the tenants of a test (made anew for each test).
let memory = new ProcessMemory()

function tenantWith(workspace: string, settings: Partial<AppSettings>) {
  const docs = new FakeDocs()

  docs.files.set('config/settings.json', {
    value: { channels: {}, retentionDays: 90, ...settings },
    etag: '"s"',
  })

  return {
    docs,
    affiliates,
    tenant: { account: 'acc', workspace },
    memory: memory.workspace('acc', workspace),
  }
}

const enforceMkb = {
  channels: {
    MKB: {
      mode: 'ENFORCE' as const,
      exposeAt: 1,
      withdrawBelow: 1,
      requirePrice: true,
      sellerAllow: [],
      sellerDeny: [],
    },
  },
}

describe('given MKB in ENFORCE', () => {
  beforeEach(() => {
    memory = new ProcessMemory()
  })

  it.each([
    ['master', 'ENFORCE', {}, undefined],
    ['dev1 with catalog writes off', 'OBSERVE', {}, 'WORKSPACE'],
    [
      'dev1 with catalog writes on',
      'ENFORCE',
      { workspaceCatalogWrites: true },
      undefined,
    ],
  ])('in %s, should run MKB as %s', async (label, mode, extra, blocked) => {
    const [workspace] = label.split(' ')
    const [mkb, ggl] = await channels(
      tenantWith(workspace, { ...enforceMkb, ...extra })
    )

    expect(mkb).toMatchObject({ id: 'MKB', mode })
    expect(mkb.catalogWritesBlocked).toBe(blocked)
    // An OBSERVE channel has nothing to block.
    expect(ggl).toMatchObject({ mode: 'OBSERVE' })
    expect(ggl.catalogWritesBlocked).toBeUndefined()
  })

  it("should never answer one workspace's settings for another's from the process cache", async () => {
    const master = tenantWith('master', enforceMkb)
    const dev1 = tenantWith('dev1', {})

    expect((await channels(master))[0].mode).toBe('ENFORCE')
    expect((await channels(dev1))[0].mode).toBe('OBSERVE')
    expect(dev1.docs.reads.config).toBe(1)
  })
})
