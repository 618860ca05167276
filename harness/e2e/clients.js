// HTTP helpers for the e2e: the emulator's VTEX APIs and the admin's GraphQL endpoint.
const http = require('http')

function clients({ emulator, admin }) {
  // node:http, not fetch: fetch drops the Host header, which names the account in the emulator.
  const vtex = (method, url, body) =>
    new Promise((resolve, reject) => {
      const payload = body ? JSON.stringify(body) : undefined
      const req = http.request(`${emulator}${url}`, {
        method,
        headers: {
          Host: 'marketplacea.vtexcommercestable.com.br',
          // the emulator's demo integration (role Owner), as README's curl examples use it
          'X-VTEX-API-AppKey': 'vtexappkey-marketplacea-DEMO',
          'X-VTEX-API-AppToken': 'DEMOAPPTOKENDEMOAPPTOKENDEMOAPPTOKEN',
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
      body: JSON.stringify({ query, variables }),
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

  return { vtex, graphql, policiesOf }
}

module.exports = { clients }
