import { defineConfig, Plugin } from 'vite'
import { fileURLToPath } from 'node:url'
import fs from 'node:fs'
import path from 'node:path'
import {
  styleguideCssModulesEsbuild,
  styleguideCssModulesVite,
} from './styleguide-css-modules'
import { graphqlForward } from './graphql-forward'
import { hintsOf } from './io-routing'

const here = path.dirname(fileURLToPath(import.meta.url))
const appRoot = path.resolve(here, '..')
const manifest = JSON.parse(
  fs.readFileSync(path.join(appRoot, 'manifest.json'), 'utf8')
)
const hintsModule = path.join(here, 'src', 'ioHints.ts')
// IO's router cuts a request to the app past service.json's timeout: the forwarder does too.
const service = JSON.parse(
  fs.readFileSync(path.join(appRoot, 'node', 'service.json'), 'utf8')
) as { timeout?: number }

// Loads .gql files like the IO react builder: the default export is a DocumentNode,
// `#import './x.gql'` lines pull in fragments, and each operation's hints (sender from
// manifest.json, provider from @context) are recorded for the requests (src/ioHints.ts).
function gqlPlugin(): Plugin {
  return {
    name: 'io-gql',
    enforce: 'pre',
    transform(src, id) {
      const file = id.split('?')[0]
      if (!/\.(gql|graphql)$/.test(file)) return null
      const operation = hintsOf(src, manifest)
      const imports: string[] = []
      const body = src.replace(
        /^#\s*import\s+(['"])(.+?)\1\s*$/gm,
        (_m, _q, p) => {
          imports.push(p)
          return ''
        }
      )
      const code = [
        `import gql from 'graphql-tag'`,
        ...imports.map((p, i) => `import dep${i} from ${JSON.stringify(p)}`),
        `const doc = gql([${JSON.stringify(body)}${imports
          .map(() => ", '\\n'")
          .join('')}]${imports.map((_, i) => `, dep${i}`).join('')})`,
        ...(operation
          ? [
              `import { registerHints } from ${JSON.stringify(hintsModule)}`,
              `registerHints(${JSON.stringify(
                operation.operationName
              )}, ${JSON.stringify(operation.hints)})`,
            ]
          : []),
        `export default doc`,
      ].join('\n')
      return { code, map: null }
    },
  }
}

export default defineConfig({
  root: here,
  plugins: [
    gqlPlugin(),
    styleguideCssModulesVite(),
    graphqlForward(service.timeout ?? 10),
  ],
  resolve: {
    alias: [
      // IO app names -> npm package / local shim (absolute, so react/node_modules is never used)
      {
        find: /^vtex\.styleguide$/,
        replacement: path.resolve(here, 'node_modules/@vtex/styleguide'),
      },
      {
        find: /^vtex\.render-runtime$/,
        replacement: path.resolve(here, 'src/render-runtime-shim.tsx'),
      },
      // styleguide's CSS uses webpack's `@import "~pkg/file.css"`
      { find: /^~(.+)$/, replacement: '$1' },
    ],
    // react/ has its own node_modules (jest, typings): one copy of these, or two Reacts.
    dedupe: [
      'react',
      'react-dom',
      'react-intl',
      'react-apollo',
      'apollo-client',
      'graphql',
      'graphql-tag',
    ],
  },
  esbuild: {
    // IO code uses the classic runtime (`import React from 'react'`, tsconfig "jsx": "react")
    jsx: 'transform',
    jsxFactory: 'React.createElement',
    jsxFragment: 'React.Fragment',
  },
  server: { fs: { allow: [appRoot] } },
  optimizeDeps: {
    esbuildOptions: { plugins: [styleguideCssModulesEsbuild()] },
    include: [
      '@vtex/styleguide',
      'react-apollo',
      'apollo-client',
      'apollo-cache-inmemory',
      'apollo-link-http',
      'graphql-tag',
    ],
  },
})
