// Writes messages/en.json from the defineMessages blocks in react/admin/**/messages.ts (English
// is the source) and checks that pt, es and context.json carry exactly the same ids.
// `node harness/scripts/messages.mjs` writes; `--check` only compares (exit 1 on a difference).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const check = process.argv.includes('--check')

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory()
      ? files(p)
      : /(^|[a-z])[mM]essages\.ts$/.test(e.name)
      ? [p]
      : []
  })
}

// A TS string literal in single or double quotes -> its value.
const unquote = (s) =>
  s[0] === '"'
    ? JSON.parse(s)
    : JSON.parse(
        `"${s.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`
      )
const en = {}
const STR = String.raw`('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")`
const re = new RegExp(
  String.raw`id:\s*${STR}\s*,\s*defaultMessage:\s*${STR}`,
  'g'
)
for (const file of files(path.join(root, 'react/admin'))) {
  for (const m of fs.readFileSync(file, 'utf8').matchAll(re)) {
    const id = unquote(m[1])
    if (en[id] !== undefined) throw new Error(`duplicate id ${id}`)
    en[id] = unquote(m[2])
  }
}
const sorted = Object.fromEntries(
  Object.keys(en)
    .sort()
    .map((k) => [k, en[k]])
)
const enFile = path.join(root, 'messages/en.json')
let problems = 0
if (check) {
  const current = JSON.parse(fs.readFileSync(enFile, 'utf8'))
  if (JSON.stringify(current) !== JSON.stringify(sorted)) {
    problems++
    process.stderr.write(
      'messages/en.json is out of date: run node harness/scripts/messages.mjs\n'
    )
  }
} else {
  fs.writeFileSync(enFile, `${JSON.stringify(sorted, null, 2)}\n`)
}
for (const name of ['pt', 'es', 'context']) {
  const file = path.join(root, `messages/${name}.json`)
  const other = fs.existsSync(file)
    ? JSON.parse(fs.readFileSync(file, 'utf8'))
    : {}
  const missing = Object.keys(sorted).filter((k) => !(k in other))
  const extra = Object.keys(other).filter((k) => !(k in sorted))
  for (const k of missing) process.stderr.write(`${name}.json: missing ${k}\n`)
  for (const k of extra) process.stderr.write(`${name}.json: extra ${k}\n`)
  problems += missing.length + extra.length
}
process.stdout.write(
  `${Object.keys(sorted).length} message ids, ${problems} problems\n`
)
process.exit(problems ? 1 : 0)
