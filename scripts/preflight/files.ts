/**
 * What VTEX receives of the repository: `.vtexignore` read as the CLI reads it (gitignore-style
 * patterns: a pattern with a slash is anchored at the root, one without matches at any depth,
 * a trailing slash matches a folder and all it holds, `**` spans folders).
 */
import fs from 'fs'
import path from 'path'

export type Ignored = (relative: string) => boolean

function toRegex(pattern: string): RegExp {
  const folder = pattern.endsWith('/')
  const body = pattern.replace(/^\//, '').replace(/\/$/, '')
  const anchored = pattern.replace(/\/$/, '').includes('/')
  const source = body
    .split('**/')
    .map((part) =>
      part
        .split('*')
        .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*')
    )
    .join('(?:.*/)?')

  return new RegExp(
    `^${anchored ? '' : '(?:.*/)?'}${source}${folder ? '/' : '(?:/|$)'}`
  )
}

export function readIgnore(root: string): Ignored {
  const file = path.join(root, '.vtexignore')
  const patterns = fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#'))
    : []

  const regexes = patterns.map(toRegex)

  // A folder's path is tested with its trailing slash, so `name/` patterns match it.
  return (relative) => regexes.some((regex) => regex.test(relative))
}

/** Every file under `folder` (relative to root) that VTEX receives, as root-relative paths. */
export function builderFiles(
  root: string,
  folder: string,
  ignored: Ignored
): string[] {
  const out: string[] = []
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), {
      withFileTypes: true,
    })) {
      const child = `${relative}/${entry.name}`

      if (entry.isDirectory()) {
        if (!ignored(`${child}/`)) walk(child)
      } else if (!ignored(child)) {
        out.push(child)
      }
    }
  }

  if (fs.existsSync(path.join(root, folder))) walk(folder)

  return out.sort((a, b) => a.localeCompare(b))
}

/** Copies a builder folder, as VTEX receives it, into `dest` (which it creates). */
export function copyBuilderFolder(
  root: string,
  folder: string,
  dest: string,
  ignored: Ignored
) {
  for (const file of builderFiles(root, folder, ignored)) {
    const target = path.join(dest, path.relative(folder, file))

    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.copyFileSync(path.join(root, file), target)
  }
}
