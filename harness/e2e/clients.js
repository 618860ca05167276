// HTTP helpers for the e2e: the emulator's VTEX APIs, the admin's GraphQL endpoint and the
// affiliate feed on the worker.
const http = require('http')

const manifest = require('../../manifest.json')

// What the page's queries carry (harness/io-routing.ts): this app as their sender.
const SENDER = `${manifest.vendor}.${manifest.name}@${
  manifest.version.split('.')[0]
}.x`

// the emulator's demo integration (role Owner), as README's curl examples use it
const DEMO_KEY = {
  Host: 'marketplacea.vtexcommercestable.com.br',
  'X-VTEX-API-AppKey': 'vtexappkey-marketplacea-DEMO',
  'X-VTEX-API-AppToken': 'DEMOAPPTOKENDEMOAPPTOKENDEMOAPPTOKEN',
}

function clients({ emulator, admin, service }) {
  // node:http, not fetch: fetch drops the Host header, which names the account in the emulator.
  const vtex = (method, url, body, credentials = DEMO_KEY) =>
    new Promise((resolve, reject) => {
      const payload = body ? JSON.stringify(body) : undefined
      const req = http.request(`${emulator}${url}`, {
        method,
        headers: {
          ...credentials,
          'content-type': 'application/json',
          accept: 'application/json',
          ...(payload ? { 'content-length': Buffer.byteLength(payload) } : {}),
        },
      })

      req.on('response', (res) => {
        const chunks = []

        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')

          resolve({
            ok: res.statusCode < 300,
            status: res.statusCode,
            json: async () => JSON.parse(text),
          })
        })
      })
      req.on('error', reject)
      req.end(payload)
    })

  const graphql = async (query, variables) => {
    const res = await fetch(`${admin}/_v/private/graphql/v1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query,
        variables,
        extensions: { persistedQuery: { sender: SENDER } },
      }),
    })

    const body = await res.json()

    if (body.errors) throw new Error(JSON.stringify(body.errors))

    return body.data
  }

  const policiesOf = async (productId) => {
    const res = await vtex(
      'GET',
      `/api/catalog/pvt/product/${productId}/salespolicy`
    )

    if (!res.ok) throw new Error(`salespolicy ${productId}: HTTP ${res.status}`)

    return (await res.json()).map((p) => String(p.StoreId))
  }

  // The feed route on the worker the harness started, with the headers IO's router adds for a
  // public route (as tests/integration/reconcileSupport.ts feedGet does); the key in
  // `Authorization: Bearer`, as graphql/schema.graphql documents it.
  // The app's own token, from the emulator that issues it, as IO's router sends it.
  const appToken = async () =>
    (await (await fetch(`${emulator}/_emulator/app-token`)).json()).token

  const feed = async (channel, key) =>
    fetch(
      `${service}/_v/marketplace-stock-gate/channels/${channel}/exposures`,
      {
        headers: {
          'x-vtex-account': 'marketplacea',
          'x-vtex-workspace': 'master',
          'x-vtex-credential': await appToken(),
          'x-colossus-route-id': 'channelExposures',
          'x-colossus-params': `affiliateId=${channel}`,
          authorization: `Bearer ${key}`,
        },
      }
    )

  // The emulator's control API (faults, counters, inboxes): what a test sets up, never the app.
  const control = async (method, route, body) => {
    const res = await fetch(`${emulator}/_emulator${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

    if (!res.ok) throw new Error(`${method} ${route}: HTTP ${res.status}`)

    return res.json()
  }

  // The app's own VBase bucket, as IO infra answers the app's token only: what a step seeds there.
  const vbase = async (method, bucket, path, body) =>
    vtex(
      method,
      `/vbase/v2/marketplacea/master/buckets/${manifest.vendor}.${manifest.name}/${bucket}/files/${path}`,
      body,
      { Host: 'infra.io.vtex.com', Authorization: `Bearer ${await appToken()}` }
    )

  // What vtex.scheduler does at a mark of its cron: the app's tick, sent as IO's router sends it.
  const tick = async () => {
    const res = await vtex(
      'POST',
      `/api/scheduler/master/${manifest.vendor}.${manifest.name}/stock-gate-reconcile-tick/run`
    )

    if (!res.ok) throw new Error(`scheduler run: HTTP ${res.status}`)
    const body = await res.json()

    // The emulator answers how the worker answered the tick (or why it could not deliver it).
    if (body.status !== 200)
      throw new Error(
        `scheduler run: the tick answered ${JSON.stringify(body)}`
      )

    return body
  }

  return { vtex, vbase, graphql, policiesOf, feed, control, tick }
}

module.exports = { clients }
