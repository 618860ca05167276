/**
 * Each builder folder as VTEX receives it: copied alone (after .vtexignore) into a temporary
 * folder, installed from its own yarn.lock with Yarn v1 and `--frozen-lockfile` (a package.json
 * the lockfile does not satisfy fails, as it would on the builder), then type-checked with its
 * own TypeScript. An install is kept in a cache keyed by the folder's package.json and
 * yarn.lock, so a run whose lockfiles did not change only copies and type-checks.
 */
import { spawn, spawnSync } from 'child_process'
import { createHash } from 'crypto'
import fs from 'fs'
import os from 'os'
import path from 'path'

import type { Ignored } from './files'
import { copyBuilderFolder } from './files'
import type { Failure } from './rules'

export interface BuilderOptions {
  cacheDir?: string
  log?: (line: string) => void
}

const yarnBin = (root: string) => {
  const local = path.join(root, 'node_modules', '.bin', 'yarn')

  return fs.existsSync(local)
    ? local
    : path.join(__dirname, '..', '..', 'node_modules', '.bin', 'yarn')
}

/** A child process's exit status and output, without blocking: node/ and react/ run side by side. */
function run(
  cmd: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv }
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      ...options,
      stdio: ['ignore', 'pipe', 'pipe'],
    })

    let output = ''

    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.on('error', (error) =>
      resolve({ status: null, output: error.message })
    )
    child.on('close', (status) => resolve({ status, output }))
  })
}

const tail = (out: string, lines = 15) =>
  out.trim().split('\n').slice(-lines).join('\n')

/** The registry npm is configured with, so Yarn asks the same one (no host written here). */
function npmRegistry(): string | null {
  const res = spawnSync('npm', ['config', 'get', 'registry'], {
    encoding: 'utf8',
  })

  return res.status === 0 && res.stdout.trim() ? res.stdout.trim() : null
}

/** Moves a fresh install into the cache; another run may have put the same one there first. */
function keep(from: string, to: string) {
  try {
    fs.renameSync(from, to)
  } catch (error) {
    if (fs.existsSync(to)) {
      fs.rmSync(from, { recursive: true, force: true })
    } else if ((error as NodeJS.ErrnoException).code === 'EXDEV') {
      fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true })
      fs.rmSync(from, { recursive: true, force: true })
    } else {
      throw error
    }
  }
}

export async function checkBuilderFolder(
  root: string,
  folder: string,
  ignored: Ignored,
  options: BuilderOptions = {}
): Promise<Failure[]> {
  const log = options.log ?? (() => undefined)
  const lock = path.join(root, folder, 'yarn.lock')
  const pkg = path.join(root, folder, 'package.json')

  if (!fs.existsSync(pkg) || !fs.existsSync(lock)) return []
  const key = createHash('sha256')
    .update(folder)
    .update(fs.readFileSync(pkg))
    .update(fs.readFileSync(lock))
    .digest('hex')
    .slice(0, 16)

  const cacheDir =
    options.cacheDir ?? path.join(os.tmpdir(), 'msg-preflight-cache')

  const cached = path.join(cacheDir, `${folder}-${key}`, 'node_modules')
  const work = fs.mkdtempSync(
    path.join(os.tmpdir(), `msg-preflight-${folder}-`)
  )

  const dir = path.join(work, folder)

  try {
    copyBuilderFolder(root, folder, dir, ignored)

    if (fs.existsSync(cached)) {
      log(
        `${folder}: install from cache (${path.basename(path.dirname(cached))})`
      )
    } else {
      const started = Date.now()
      const registry = npmRegistry()
      const res = await run(
        yarnBin(root),
        [
          'install',
          '--frozen-lockfile',
          '--non-interactive',
          '--ignore-scripts',
          '--prefer-offline',
          '--no-progress',
          ...(registry ? ['--registry', registry] : []),
        ],
        { cwd: dir, env: { ...process.env, CI: 'true' } }
      )

      if (res.status !== 0) {
        return [
          {
            file: `${folder}/yarn.lock`,
            rule: 'lockfile-frozen',
            message: `yarn install --frozen-lockfile failed in ${folder}/ alone:\n${tail(
              res.output
            )}`,
          },
        ]
      }

      log(
        `${folder}: yarn install --frozen-lockfile in ${(
          (Date.now() - started) /
          1000
        ).toFixed(1)} s`
      )
      fs.mkdirSync(path.dirname(cached), { recursive: true })
      keep(path.join(dir, 'node_modules'), cached)
    }

    fs.symlinkSync(cached, path.join(dir, 'node_modules'), 'dir')
    const tsc = path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc')

    if (!fs.existsSync(tsc)) {
      return [
        {
          file: `${folder}/package.json`,
          rule: 'typecheck-alone',
          message: `${folder}/ does not install typescript of its own`,
        },
      ]
    }

    const started = Date.now()
    const res = await run(
      process.execPath,
      [tsc, '-p', 'tsconfig.json', '--noEmit'],
      { cwd: dir }
    )

    log(
      `${folder}: tsc --noEmit in ${((Date.now() - started) / 1000).toFixed(
        1
      )} s`
    )
    if (res.status === 0) return []

    return [
      {
        file: `${folder}/tsconfig.json`,
        rule: 'typecheck-alone',
        message: `${folder}/ does not type-check alone, as the builder receives it:\n${tail(
          res.output
        )}`,
      },
    ]
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}
