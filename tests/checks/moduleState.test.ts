import fs from 'fs'
import path from 'path'

import {
  ALLOWED,
  moduleState,
  unexplainedState,
} from '../../scripts/checks/moduleState'

const NODE = path.join(__dirname, '..', '..', 'node')

describe('module-level state in the service', () => {
  it('should be none but the explained ones: tenant data lives in the tenant memory', () => {
    expect(unexplainedState(NODE)).toEqual([])
  })

  it('should list no allowance that is gone from the code', () => {
    const seen = new Set(
      [...Object.keys(ALLOWED)].filter((key) => {
        const [file] = key.split(': ')

        return moduleState(
          fs.readFileSync(path.join(NODE, file), 'utf8')
        ).includes(key.split(': ')[1])
      })
    )

    const byKey = (a: string, b: string) => a.localeCompare(b)

    expect([...seen].sort(byKey)).toEqual(Object.keys(ALLOWED).sort(byKey))
  })

  it.each([
    ['const cache = new Map<string, number>()', ['cache']],
    ['export const seen = new Set()', ['seen']],
    ['let last = 0', ['last']],
    ['const queue: string[] = []', ['queue']],
    ['const byId = {}', ['byId']],
    // Constants and slots are not state: a slot's value is made in each tenant's memory.
    ["const TTL_MS = 5_000\nconst READS = slot('reads', () => new Map())", []],
    ['function f() {\n  const local = new Map()\n}', []],
  ])('should find the state in %p', (text, names) => {
    expect(moduleState(text)).toEqual(names)
  })
})
