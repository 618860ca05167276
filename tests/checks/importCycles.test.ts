/**
 * The import-cycles check on small folders written to a temporary directory for each test, so
 * no fixture is ever seen by tsc, jest or eslint as the project's code.
 */
import { spawnSync } from 'child_process'
import fs from 'fs'
import os from 'os'
import path from 'path'

import {
  findCycles,
  formatCycle,
  importGraph,
} from '../../scripts/checks/importCycles'

type Files = Record<string, string>

const made: string[] = []

function folder(files: Files) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cycles-'))

  made.push(root)
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, 'src', name)), {
      recursive: true,
    })
    fs.writeFileSync(path.join(root, 'src', name), text)
  }

  return root
}

const cyclesOf = (files: Files) =>
  findCycles(importGraph(folder(files), ['src']))

afterAll(() => {
  for (const root of made) fs.rmSync(root, { recursive: true, force: true })
})

describe('given files whose imports flow one way', () => {
  it('should report no cycle, whatever the kind of import', () => {
    expect(
      cyclesOf({
        'a.ts':
          "import { b } from './b'\nimport fs from 'fs'\nexport const a = b",
        'b.ts': "export * from './c'\nexport const b = require('./lib').c",
        'c.ts': "export const c = () => import('./d')",
        'd.ts':
          "import type { Missing } from './missing'\nexport type D = Missing",
        'lib/index.ts': "export { c } from '../c'",
      })
    ).toEqual([])
  })
})

describe('given files that import each other', () => {
  describe('when the cycle goes through a folder index and a re-export', () => {
    it('should report its files, one cycle through them and the imports that close it', () => {
      const cycles = cyclesOf({
        'a.ts': "import { b } from './lib'\nexport const a = b",
        'lib/index.ts': "export { b } from './b'",
        'lib/b.ts': "import { a } from '../a'\nexport const b = () => a",
        'outside.ts': "import { a } from './a'\nexport const o = a",
      })

      expect(cycles).toEqual([
        {
          files: ['src/a.ts', 'src/lib/b.ts', 'src/lib/index.ts'],
          path: ['src/a.ts', 'src/lib/index.ts', 'src/lib/b.ts', 'src/a.ts'],
          edges: expect.arrayContaining([
            { from: 'src/lib/b.ts', to: 'src/a.ts', typeOnly: false },
          ]),
        },
      ])
      expect(cycles[0].edges).toHaveLength(3)
    })
  })

  describe('when one side of the cycle imports only types', () => {
    it('should still report it, and mark the type-only import', () => {
      const cycles = cyclesOf({
        'a.ts':
          "import { b } from './b'\nexport interface A { n: number }\nexport const a = b",
        'b.ts':
          "import type { A } from './a'\nimport { type A as Same } from './a'\nexport const b = (x: A, y: Same) => x.n + y.n",
      })

      expect(cycles.map(formatCycle)).toEqual([
        [
          'import cycle of 2 file(s): src/a.ts -> src/b.ts -> src/a.ts',
          '    src/a.ts -> src/b.ts',
          '    src/b.ts -> src/a.ts (type)',
        ].join('\n'),
      ])
    })
  })

  describe('when there are two separate cycles and a file importing itself', () => {
    it('should report each one', () => {
      const cycles = cyclesOf({
        'a.ts': "import './b'",
        'b.ts': "import './a'",
        'c.ts': "export const c = () => require('./d')",
        'd.ts': "export const d = () => import('./c')",
        'e.ts': "export * from './e'",
      })

      expect(cycles.map((c) => c.files)).toEqual([
        ['src/a.ts', 'src/b.ts'],
        ['src/c.ts', 'src/d.ts'],
        ['src/e.ts'],
      ])
      expect(cycles[2].path).toEqual(['src/e.ts', 'src/e.ts'])
    })
  })
})

describe('given the command', () => {
  const run = (root: string) =>
    spawnSync(
      process.execPath,
      [
        require.resolve('tsx/cli'),
        path.join(__dirname, '../../scripts/checks/importCycles.ts'),
        path.join(root, 'src'),
      ],
      { encoding: 'utf8' }
    )

  describe('when a folder has a cycle', () => {
    it('should print it and exit 1', () => {
      const res = run(
        folder({ 'a.ts': "import './b'", 'b.ts': "import './a'" })
      )

      expect(res.status).toBe(1)
      expect(res.stderr).toMatch(
        /import cycle of 2 file\(s\): .*a\.ts -> .*b\.ts -> .*a\.ts/
      )
      expect(res.stdout).toContain('[import-cycles] 1 cycle(s)')
    })
  })

  describe('when a folder is not there (a typo)', () => {
    it('should say so and exit 2, not pass having checked nothing', () => {
      const res = spawnSync(
        process.execPath,
        [
          require.resolve('tsx/cli'),
          path.join(__dirname, '../../scripts/checks/importCycles.ts'),
          path.join(os.tmpdir(), 'no-such-folder-for-import-cycles'),
        ],
        { encoding: 'utf8' }
      )

      expect(res.status).toBe(2)
      expect(res.stderr).toContain('no such folder')
    })
  })

  describe('when the folder has no TypeScript file', () => {
    it('should say so and exit 2, not pass having checked nothing', () => {
      const res = run(folder({ 'notes.md': '# nothing to import' }))

      expect(res.status).toBe(2)
      expect(res.stderr).toContain('no .ts file')
    })
  })

  describe('when it has none', () => {
    it('should say so and exit 0', () => {
      const res = run(folder({ 'a.ts': "import './b'", 'b.ts': '' }))

      expect(res.stdout).toContain('[import-cycles] none')
      expect(res.status).toBe(0)
    })
  })
})
