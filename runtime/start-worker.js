// Starts one real @vtex/api worker (no cluster master: recipe A) from .run/ as cwd.
// Env: PORT, plus what runtime/env.js sets. Stops on SIGINT/SIGTERM.
const path = require('path')

const run = path.resolve(__dirname, '..', '.run')

process.chdir(run)
const vtexApi = path.join(run, 'node_modules', '@vtex', 'api', 'lib', 'service')
// eslint-disable-next-line import/no-dynamic-require
const { startWorker } = require(path.join(vtexApi, 'worker'))
// eslint-disable-next-line import/no-dynamic-require
const { getServiceJSON } = require(path.join(vtexApi, 'loaders'))

const port = Number(process.env.PORT || 5050)
const server = startWorker({ ...getServiceJSON(), workers: 1 }).listen(
  port,
  '127.0.0.1',
  () => {
    process.stdout.write(`worker listening on http://127.0.0.1:${port}\n`)
  }
)

const stop = () => server.close(() => process.exit(0))

process.on('SIGINT', stop)
process.on('SIGTERM', stop)
