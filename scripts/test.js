// `npm test`: every check, in order — format, lint, type check, the generated schema types
// (scripts/codegen/), the import-cycles check
// (scripts/checks/importCycles.ts), the preflight (the app as the
// IO builders receive it: scripts/preflight/), the node test suites (domain,
// services, emulator, integration with the real worker), the admin's component tests, and the
// real-browser test. Every step runs even after a failure, then a summary and a closing
// "tests: N passed, N failed" line are printed; the exit code is non-zero if anything failed.
const { spawnSync } = require('child_process')
const fs = require('fs')
const os = require('os')
const path = require('path')

const root = path.resolve(__dirname, '..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'msg-test-'))
const only = process.argv.slice(2)

const steps = [
  { name: 'format', cmd: 'npx', args: ['prettier', '--check', '.'] },
  { name: 'lint', cmd: 'npm', args: ['run', '--silent', 'lint'] },
  { name: 'typecheck', cmd: 'npm', args: ['run', '--silent', 'typecheck'] },
  {
    name: 'typecheck-react',
    cmd: 'npm',
    args: ['--prefix', 'react', 'run', '--silent', 'typecheck'],
    needs: 'react/package.json',
  },
  {
    // The schema's TypeScript types (node/ and react/ typings/schema.generated.ts) are what
    // graphql/schema.graphql gives: regenerated in memory and compared (`npm run codegen` mends).
    name: 'codegen',
    cmd: 'npx',
    args: ['tsx', 'scripts/codegen/main.ts', '--check'],
  },
  {
    // Imports flow one way: no circular import in node/ or emulator/ (type-only ones count).
    name: 'import-cycles',
    cmd: 'npx',
    args: ['tsx', 'scripts/checks/importCycles.ts'],
  },
  {
    // The app as VTEX receives it: node/ and react/ alone from their yarn.lock, the manifest,
    // the GraphQL schema for builder 2.x, vtex.* imports and @context providers.
    name: 'preflight',
    cmd: 'npx',
    args: ['tsx', 'scripts/preflight/main.ts'],
  },
  {
    name: 'node-tests',
    cmd: 'npx',
    args: [
      'jest',
      '--ci',
      '--json',
      `--outputFile=${path.join(tmp, 'node.json')}`,
    ],
    report: path.join(tmp, 'node.json'),
  },
  {
    name: 'react-tests',
    cmd: 'npm',
    args: [
      '--prefix',
      'react',
      'test',
      '--',
      '--ci',
      '--json',
      `--outputFile=${path.join(tmp, 'react.json')}`,
    ],
    report: path.join(tmp, 'react.json'),
    needs: 'react/package.json',
  },
  {
    name: 'browser-e2e',
    cmd: 'node',
    args: ['harness/e2e/run.js'],
    needs: 'harness/e2e/run.js',
    e2e: true,
  },
]

let passed = 0
let failed = 0
const summary = []

for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue
  if (step.needs && !fs.existsSync(path.join(root, step.needs))) {
    // A part of the app that is not in this tree yet has nothing to check.
    summary.push(`${step.name}: skipped (${step.needs} not present)`)
    continue
  }

  process.stdout.write(`\n=== ${step.name} ===\n`)
  const started = Date.now()
  const res = spawnSync(step.cmd, step.args, {
    cwd: root,
    stdio: step.e2e ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    env: { ...process.env, CI: 'true' },
  })

  const ok = res.status === 0
  let counted = false

  if (step.e2e && res.stdout) {
    const out = res.stdout.toString()

    process.stdout.write(out)
    const m = out.match(/(\d+) passed, (\d+) failed/g)

    if (m) {
      const [, p, f] = m[m.length - 1].match(/(\d+) passed, (\d+) failed/)

      passed += Number(p)
      failed += Number(f)
      counted = true
    }
  }

  if (step.report && fs.existsSync(step.report)) {
    const report = JSON.parse(fs.readFileSync(step.report, 'utf8'))

    passed += report.numPassedTests
    failed += report.numFailedTests + (report.numRuntimeErrorTestSuites || 0)
    counted = true
  }

  if (!counted) {
    if (ok) passed += 1
    else failed += 1
  } else if (!ok && failed === 0) {
    failed += 1
  }

  summary.push(
    `${step.name}: ${ok ? 'ok' : `FAILED (exit ${res.status})`} in ${(
      (Date.now() - started) /
      1000
    ).toFixed(1)} s`
  )
}

process.stdout.write(`\n=== summary ===\n${summary.join('\n')}\n`)
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`)
process.exit(failed > 0 || summary.some((s) => s.includes('FAILED')) ? 1 : 0)
