// @vtex/styleguide (npm, CommonJS) does `require('./Input.css')` and reads class names from
// it: in VTEX's own build those files are CSS Modules. Vite would treat them as plain CSS and
// every `styles.x` would be undefined, so each non-.global.css file under @vtex/styleguide/lib
// becomes a JS module that injects the scoped CSS and exports the class map — for the dev
// optimizer (esbuild plugin) and for `vite build` (Rollup plugin).
import fs from 'node:fs'
import path from 'node:path'
import postcss from 'postcss'
import postcssModules from 'postcss-modules'
import type { Plugin as VitePlugin } from 'vite'
import type { Plugin as EsbuildPlugin } from 'esbuild'

const inStyleguide = (file: string) =>
  /[\\/]@vtex[\\/]styleguide[\\/]lib[\\/]/.test(file)
const isStyleguideCssModule = (file: string) =>
  inStyleguide(file) && file.endsWith('.css') && !file.endsWith('.global.css')

async function toJs(file: string, format: 'cjs' | 'esm') {
  let classes: Record<string, string> = {}
  const result = await postcss([
    postcssModules({
      getJSON: (_f: string, json: Record<string, string>) => {
        classes = json
      },
      generateScopedName: 'sg_[name]_[local]',
    }),
  ]).process(fs.readFileSync(file, 'utf8'), { from: file })
  const tag = JSON.stringify(path.basename(path.dirname(file)))
  const inject = `if (typeof document !== 'undefined') { const s = document.createElement('style'); s.setAttribute('data-sg-css', ${tag}); s.textContent = ${JSON.stringify(
    result.css
  )}; document.head.appendChild(s) }`
  return format === 'cjs'
    ? `${inject}\nmodule.exports = ${JSON.stringify(classes)}`
    : `${inject}\nexport default ${JSON.stringify(classes)}`
}

export function styleguideCssModulesEsbuild(): EsbuildPlugin {
  return {
    name: 'styleguide-css-modules',
    setup(build) {
      build.onResolve({ filter: /\.css$/ }, (args) => {
        const file = path.resolve(args.resolveDir, args.path)
        // The importer inside the optimizer is a .js file: match its directory, not its extension.
        return inStyleguide(args.importer) && isStyleguideCssModule(file)
          ? { path: file, namespace: 'sg-css-module' }
          : undefined
      })
      build.onLoad(
        { filter: /.*/, namespace: 'sg-css-module' },
        async (args) => ({
          contents: await toJs(args.path, 'cjs'),
          loader: 'js',
          resolveDir: path.dirname(args.path),
        })
      )
    },
  }
}

export function styleguideCssModulesVite(): VitePlugin {
  const PREFIX = '\0sg-css-module:'
  return {
    name: 'styleguide-css-modules',
    enforce: 'pre',
    apply: 'build',
    async resolveId(source, importer) {
      if (!importer || !source.endsWith('.css') || !inStyleguide(importer))
        return null
      const file = path.resolve(path.dirname(importer), source)
      return isStyleguideCssModule(file) ? `${PREFIX}${file}.js` : null
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null
      return toJs(id.slice(PREFIX.length, -3), 'esm')
    },
  }
}
