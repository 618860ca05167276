import { TenantMemory } from '../../../memory/tenantMemory'
import { FakeDocs } from '../../shared/__tests__/fakes'
import { ChannelSlots, SLOTS_TTL_MS } from '../channelSlots'

const PATH = 'projection/slots.json'
const byText = (a: string, b: string) => a.localeCompare(b)

describe('given the projection’s channel slots of a tenant', () => {
  it('should give each channel the next slot the first time it is projected, and keep it', async () => {
    const slots = new ChannelSlots(new FakeDocs(), new TenantMemory())

    expect(await slots.assign(['MKB', 'GGL'])).toEqual({ MKB: 0, GGL: 1 })
    expect(await slots.assign(['GGL', 'XYZ'])).toEqual({
      MKB: 0,
      GGL: 1,
      XYZ: 2,
    })
    expect(await slots.assign(['MKB'])).toMatchObject({ MKB: 0 })
  })

  it('should serve known slots from the tenant memory, without reading VBase again', async () => {
    const docs = new FakeDocs()
    const slots = new ChannelSlots(docs, new TenantMemory())

    await slots.assign(['MKB'])
    const reads = docs.reads.config

    expect(await slots.known()).toEqual({ MKB: 0 })
    expect(await slots.assign(['MKB'])).toEqual({ MKB: 0 })
    expect(docs.reads.config).toBe(reads)
  })

  it('should read the map again past its time-to-live, and see a slot another worker gave', async () => {
    const docs = new FakeDocs()
    let now = 0
    const mine = new ChannelSlots(docs, new TenantMemory(), () => now)
    const other = new ChannelSlots(docs, new TenantMemory(), () => now)

    await mine.assign(['MKB'])
    await other.assign(['GGL'])
    expect(await mine.known()).toEqual({ MKB: 0 })
    now += SLOTS_TTL_MS
    expect(await mine.known()).toEqual({ MKB: 0, GGL: 1 })
  })

  it('should never give one slot twice when two workers project new channels at once', async () => {
    const docs = new FakeDocs()
    const a = new ChannelSlots(docs, new TenantMemory())
    const b = new ChannelSlots(docs, new TenantMemory())
    const c = new ChannelSlots(docs, new TenantMemory())

    const [x, y, z] = await Promise.all([
      a.assign(['MKB', 'GGL']),
      b.assign(['GGL', 'XYZ']),
      c.assign(['XYZ']),
    ])

    // Every worker agrees on every channel it asked for, and no two channels share a slot.
    expect(x.GGL).toBe(y.GGL)
    expect(y.XYZ).toBe(z.XYZ)
    const stored = docs.files.get(PATH)?.value as {
      slots: Record<string, number>
      next: number
    }

    expect(Object.keys(stored.slots).sort(byText)).toEqual([
      'GGL',
      'MKB',
      'XYZ',
    ])
    expect(new Set(Object.values(stored.slots)).size).toBe(3)
    expect(stored.next).toBe(3)
  })

  it('should not reuse a slot for another channel, even one no longer projected', async () => {
    const docs = new FakeDocs()

    docs.files.set(PATH, {
      value: { slots: { MKB: 0, GGL: 4 }, next: 5 },
      etag: '"s"',
    })
    const slots = new ChannelSlots(docs, new TenantMemory())

    expect((await slots.assign(['XYZ'])).XYZ).toBe(5)
  })

  it('should keep each tenant’s map apart (its own VBase, its own memory)', async () => {
    const memory = new TenantMemory()
    const master = new ChannelSlots(new FakeDocs(), memory)
    const dev = new ChannelSlots(new FakeDocs(), new TenantMemory())

    await master.assign(['MKB', 'GGL'])
    expect(await dev.assign(['GGL'])).toEqual({ GGL: 0 })
    expect(await master.known()).toEqual({ MKB: 0, GGL: 1 })
  })
})
