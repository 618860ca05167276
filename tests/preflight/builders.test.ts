/**
 * A builder folder installed alone from its yarn.lock and type-checked with its own TypeScript,
 * on a one-package folder (typescript, already in Yarn's cache after the app's install).
 */
import fs from 'fs'
import os from 'os'
import path from 'path'

import { checkBuilderFolder } from '../../scripts/preflight/builders'
import { readIgnore } from '../../scripts/preflight/files'
import { lockEntry, removeApp, repoRoot } from './support'

const typescriptLock = lockEntry(
  path.join(repoRoot, 'node', 'yarn.lock'),
  'typescript@5.5.4'
)

let cacheDir: string

beforeAll(() => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msg-preflight-test-cache-'))
})

afterAll(() => removeApp(cacheDir))

function folderApp(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'msg-preflight-node-'))

  for (const [file, content] of Object.entries({
    '.vtexignore': '**/__tests__/\n',
    'node/package.json': JSON.stringify({
      devDependencies: { typescript: '5.5.4' },
    }),
    'node/yarn.lock': `# yarn lockfile v1\n\n\n${typescriptLock}`,
    'node/tsconfig.json': JSON.stringify({
      compilerOptions: { strict: true, types: [] },
    }),
    'node/index.ts': 'export const n: number = 1\n',
    // Dropped by .vtexignore, so its error never reaches the builder's type check.
    'node/__tests__/index.test.ts': "export const n: number = 'a'\n",
    ...files,
  })) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), content)
  }

  return root
}

const check = async (files: Record<string, string>) => {
  const root = folderApp(files)

  try {
    return await checkBuilderFolder(root, 'node', readIgnore(root), {
      cacheDir,
    })
  } finally {
    removeApp(root)
  }
}

describe('given node/ alone, as the builder receives it', () => {
  it('should install it from its yarn.lock and type-check it', async () => {
    expect(await check({})).toEqual([])
  })

  it('should fail with typecheck-alone when it does not type-check', async () => {
    const failures = await check({
      'node/index.ts': "export const n: number = 'a'\n",
    })

    expect(failures.map((f) => [f.file, f.rule])).toEqual([
      ['node/tsconfig.json', 'typecheck-alone'],
    ])
    expect(failures[0].message).toMatch(
      /index\.ts.*Type 'string' is not assignable to type 'number'/
    )
  })

  it('should fail with lockfile-frozen when package.json and yarn.lock disagree', async () => {
    const failures = await check({
      'node/package.json': JSON.stringify({
        devDependencies: { typescript: '5.4.5' },
      }),
    })

    expect(failures.map((f) => [f.file, f.rule])).toEqual([
      ['node/yarn.lock', 'lockfile-frozen'],
    ])
    expect(failures[0].message).toMatch(/lockfile needs to be updated/)
  })
})
