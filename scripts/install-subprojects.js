// `npm install` at the root also installs the IO app's node/ and react/ folders and the
// admin harness, each with its own package.json as the IO builders expect.
// node/ and react/ install with Yarn v1 from their own yarn.lock, the one lockfile the IO
// builders read (yarn comes from the root's devDependencies): one lockfile per builder folder,
// so what the tests run is what VTEX installs. In CI the lockfile must already match
// package.json (--frozen-lockfile); locally a changed package.json updates yarn.lock, which
// git then shows. The harness is not part of the IO build and stays on npm.
const { execFileSync, execSync } = require('child_process')
const fs = require('fs')
const path = require('path')

if (process.env.MSG_SKIP_SUBPROJECTS) process.exit(0)

const root = path.join(__dirname, '..')
const yarn = path.join(root, 'node_modules', '.bin', 'yarn')
// Yarn asks the registry npm is configured with.
const registry = execSync('npm config get registry', {
  encoding: 'utf8',
}).trim()

for (const dir of ['node', 'react', 'harness']) {
  const cwd = path.join(root, dir)

  if (!fs.existsSync(path.join(cwd, 'package.json'))) continue
  const env = { ...process.env, MSG_SKIP_SUBPROJECTS: '1' }

  if (dir !== 'harness') {
    const args = [
      'install',
      '--non-interactive',
      '--no-progress',
      ...(process.env.CI ? ['--frozen-lockfile'] : []),
      ...(registry ? ['--registry', registry] : []),
    ]

    process.stdout.write(`[install] ${dir}: yarn ${args.join(' ')}\n`)
    execFileSync(yarn, args, { cwd, stdio: 'inherit', env })
    continue
  }

  const ci =
    fs.existsSync(path.join(cwd, 'package-lock.json')) && process.env.CI

  const cmd = ci
    ? 'npm ci --no-audit --no-fund'
    : 'npm install --no-audit --no-fund'

  process.stdout.write(`[install] ${dir}: ${cmd}\n`)
  execSync(cmd, { cwd, stdio: 'inherit', env })
}
