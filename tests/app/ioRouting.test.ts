/**
 * The vendor lives in manifest.json only: every query in react/ reaches this app's GraphQL the
 * way IO routes it (harness/io-routing.ts), for the manifest as it is and for any other vendor,
 * so changing `vendor` is the whole install step.
 */
import fs from 'fs'
import path from 'path'

import type { Manifest } from '../../harness/io-routing'
import { appOf, hintsOf, providerOf } from '../../harness/io-routing'

const root = path.resolve(__dirname, '..', '..')
const manifest = JSON.parse(
  fs.readFileSync(path.join(root, 'manifest.json'), 'utf8')
) as Manifest

function gqlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)

    if (entry.isDirectory())
      return entry.name === 'node_modules' ? [] : gqlFiles(file)

    return /\.(gql|graphql)$/.test(entry.name) ? [file] : []
  })
}

const operations = gqlFiles(path.join(root, 'react')).flatMap((file) => {
  const found = hintsOf(fs.readFileSync(file, 'utf8'), manifest)

  return found ? [[path.relative(root, file), file] as const] : []
})

describe('given the admin queries in react/', () => {
  it('should find them', () => {
    expect(operations.length).toBeGreaterThan(15)
  })

  describe.each([
    ['the manifest as it is', manifest],
    ["another account's vendor", { ...manifest, vendor: 'acme' }],
  ])('when the app is built with %s', (_label, built) => {
    it.each(operations)('should route %s to this app', (_name, file) => {
      const found = hintsOf(fs.readFileSync(file, 'utf8'), built)

      expect(providerOf(found?.hints)).toBe(appOf(built))
    })
  })
})

describe('given hints as IO records them', () => {
  it.each([
    [{ sender: 'acme.app@0.x' }, 'acme.app'],
    [
      { sender: 'acme.app@0.x', provider: 'vtex.apps-graphql' },
      'vtex.apps-graphql',
    ],
    [{ provider: 'vtex.store-graphql@2.x' }, 'vtex.store-graphql'],
    [{}, null],
    [null, null],
  ])('should send %j to %s', (hints, app) => {
    expect(providerOf(hints)).toBe(app)
  })
})
