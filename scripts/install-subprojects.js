// `npm install` at the root also installs the IO app's node/ and react/ folders and the
// admin harness, each with its own package.json as the IO builders expect.
const { execSync } = require('child_process')
const fs = require('fs')
const path = require('path')

if (process.env.MSG_SKIP_SUBPROJECTS) process.exit(0)

for (const dir of ['node', 'react', 'harness']) {
  const cwd = path.join(__dirname, '..', dir)

  if (!fs.existsSync(path.join(cwd, 'package.json'))) continue
  const ci =
    fs.existsSync(path.join(cwd, 'package-lock.json')) && process.env.CI

  const cmd = ci
    ? 'npm ci --no-audit --no-fund'
    : 'npm install --no-audit --no-fund'

  process.stdout.write(`[install] ${dir}: ${cmd}\n`)
  execSync(cmd, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, MSG_SKIP_SUBPROJECTS: '1' },
  })
}
