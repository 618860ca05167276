// Lays out the app the way the @vtex/api runtime loads it inside IO (paths relative to cwd):
//   .run/service/service.json      node/service.json + the GraphQL route the graphql builder adds
//   .run/service/schema.graphql    graphql/*.graphql
//   .run/service/src/node/         node/ compiled with tsc
//   .run/node_modules -> node/node_modules, so compiled code resolves the app's own @vtex/api
const { execFileSync } = require('child_process')
const fs = require('fs')
const path = require('path')

const root = path.resolve(__dirname, '..')
const out = path.join(root, '.run')

function build({ quiet = false } = {}) {
  fs.rmSync(path.join(out, 'service', 'src'), { recursive: true, force: true })
  fs.mkdirSync(path.join(out, 'service'), { recursive: true })

  const serviceJson = JSON.parse(
    fs.readFileSync(path.join(root, 'node', 'service.json'), 'utf8')
  )

  serviceJson.routes = {
    ...serviceJson.routes,
    __graphql: { path: '/_v/graphql' },
  }
  fs.writeFileSync(
    path.join(out, 'service', 'service.json'),
    JSON.stringify(serviceJson, null, 2)
  )

  const graphqlDir = path.join(root, 'graphql')
  const schema = fs
    .readdirSync(graphqlDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(graphqlDir, f), 'utf8'))
    .join('\n')

  fs.writeFileSync(path.join(out, 'service', 'schema.graphql'), schema)

  const link = path.join(out, 'node_modules')

  if (!fs.existsSync(link))
    fs.symlinkSync(path.join(root, 'node', 'node_modules'), link, 'dir')

  const tsc = path.join(root, 'node_modules', '.bin', 'tsc')

  try {
    execFileSync(tsc, ['-p', path.join(__dirname, 'tsconfig.node.json')], {
      stdio: 'pipe',
    })
  } catch (error) {
    // tsc still emits on type errors; `npm run typecheck` is where they fail the build.
    if (!fs.existsSync(path.join(out, 'service', 'src', 'node', 'index.js')))
      throw error
    if (!quiet)
      process.stderr.write(
        `runtime build: type errors (see npm run typecheck)\n${error.stdout}`
      )
  }

  return out
}

module.exports = { build, out }

if (require.main === module) {
  build()
  process.stdout.write(`built ${out}\n`)
}
