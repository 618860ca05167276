// Starts and stops the real system (`npx tsx scripts/start.ts`: emulator, worker, admin harness)
// for the e2e, on free ports, in its own process group.
const { spawn } = require('child_process')
const fs = require('fs')
const net = require('net')
const path = require('path')

const root = path.resolve(__dirname, '../..')

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()

    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()

      server.close(() => resolve(port))
    })
  })
}

async function waitFor(url, ms, system) {
  const until = Date.now() + ms

  while (Date.now() < until) {
    if (system.exitCode !== null)
      throw new Error(
        `the system exited (${system.exitCode}); see system.log in the e2e log folder`
      )
    try {
      const res = await fetch(url)

      if (res.status < 500) return
    } catch {
      // not up yet
    }

    await new Promise((r) => setTimeout(r, 300))
  }

  throw new Error(`${url} did not answer in ${ms} ms`)
}

function startSystem(ports, tmp) {
  const out = fs.openSync(path.join(tmp, 'system.log'), 'a')
  // Its own process group; start.ts stops its children (each in its own group) on SIGTERM.
  const child = spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    ['scripts/start.ts'],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        EMULATOR_PORT: String(ports.emulator),
        SERVICE_PORT: String(ports.service),
        ADMIN_PORT: String(ports.admin),
        EMULATOR_DATA: path.join(tmp, 'emulator-data.json'),
        // The flow runs the scheduler's tick itself, when it means to (not at a clock mark).
        EMULATOR_SCHEDULER: 'manual',
      },
    }
  )

  return child
}

async function stopSystem(child) {
  if (child.exitCode !== null || !child.pid) return
  const exited = new Promise((r) => child.once('exit', r))

  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    return
  }

  const timeout = new Promise((r) => setTimeout(() => r('timeout'), 8000))

  if ((await Promise.race([exited, timeout])) === 'timeout') {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // gone
    }
  }
}

module.exports = { freePort, waitFor, startSystem, stopSystem, root }
