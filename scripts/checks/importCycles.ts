/**
 * `npm test`'s import-cycles step: no circular import in `node/` or `emulator/`.
 * Reads every `.ts` file under the given folders, resolves its relative imports with the
 * TypeScript compiler, and reports each strongly connected component (Tarjan) with its files,
 * one cycle through them, and the imports that close it. Exits 1 if there is one.
 * Alone: `npx tsx scripts/checks/importCycles.ts [folder...]` (default: node emulator; folders
 * relative to the repository's root, or absolute).
 *
 * Type-only imports (`import type`, `export type ... from`) count. They vanish at runtime, so
 * a cycle of them cannot load a module half-initialised, but it still couples the two modules
 * both ways; "imports flow one way" is about the design, so the stricter rule applies. They are
 * marked `(type)` in the report, so a reader sees which edge costs nothing to turn around.
 */
import fs from 'fs'
import path from 'path'

import ts from 'typescript'

export interface ImportEdge {
  from: string
  to: string
  typeOnly: boolean
}

export interface ImportCycle {
  /** The component's files, relative to the root, sorted. */
  files: string[]
  /** One cycle through the component, its first file repeated at the end. */
  path: string[]
  /** Every import between two files of the component. */
  edges: ImportEdge[]
}

const compilerOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  resolveJsonModule: true,
}

/** By code point, so the report reads the same on every machine and locale. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const skipped = new Set(['node_modules', '.run', 'dist', 'coverage'])

function sourceFiles(dir: string): string[] {
  const found: string[] = []

  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue
    const full = path.join(dir, entry.name)

    if (entry.isDirectory()) found.push(...sourceFiles(full))
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      found.push(full)
    }
  }

  return found
}

interface Specifier {
  name: string
  typeOnly: boolean
}

/** Every module a file names: imports, re-exports, `import x = require()`, require(), import(). */
function specifiers(file: string): Specifier[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    false
  )

  const found: Specifier[] = []

  const visit = (node: ts.Node) => {
    if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const clause = node.importClause
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)))

      found.push({ name: node.moduleSpecifier.text, typeOnly })
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ name: node.moduleSpecifier.text, typeOnly: node.isTypeOnly })
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      found.push({
        name: node.moduleReference.expression.text,
        typeOnly: node.isTypeOnly,
      })
    } else if (
      ts.isCallExpression(node) &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0]) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) &&
          node.expression.text === 'require'))
    ) {
      found.push({ name: node.arguments[0].text, typeOnly: false })
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ name: node.argument.literal.text, typeOnly: true })
    }

    ts.forEachChild(node, visit)
  }

  visit(source)

  return found
}

/** The import graph of the folders' files; only imports between those files are kept. */
export function importGraph(root: string, folders: string[]): ImportEdge[] {
  const files = folders
    .map((folder) => path.resolve(root, folder))
    .flatMap((dir) => (fs.existsSync(dir) ? sourceFiles(dir) : []))

  const known = new Set(files)
  const edges = new Map<string, ImportEdge>()

  for (const file of files) {
    for (const { name, typeOnly } of specifiers(file)) {
      // Packages cannot import this repository's files back; only relative paths can close a cycle.
      if (!name.startsWith('.')) continue
      const resolved = ts.resolveModuleName(name, file, compilerOptions, ts.sys)
        .resolvedModule?.resolvedFileName

      if (!resolved || !known.has(path.resolve(resolved))) continue
      const from = path.relative(root, file)
      const to = path.relative(root, path.resolve(resolved))
      const key = `${from}\0${to}`
      const seen = edges.get(key)

      // Two imports of one module: the edge is type-only only if both are.
      edges.set(key, {
        from,
        to,
        typeOnly: typeOnly && (seen?.typeOnly ?? true),
      })
    }
  }

  return [...edges.values()]
}

/** Tarjan's strongly connected components; each one of two files or more (or a file importing itself) is a cycle. */
export function findCycles(edges: ImportEdge[]): ImportCycle[] {
  const next = new Map<string, string[]>()

  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, [])
    if (!next.has(to)) next.set(to, [])
    next.get(from)?.push(to)
  }

  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const components: string[][] = []
  let counter = 0

  const strongConnect = (node: string) => {
    index.set(node, counter)
    low.set(node, counter)
    counter += 1
    stack.push(node)
    onStack.add(node)

    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        strongConnect(target)
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0))
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0))
      }
    }

    // Not the root of a component: the node's root pops it later.
    if (low.get(node) !== index.get(node)) return
    const component: string[] = []
    let member: string | undefined

    do {
      member = stack.pop() as string
      onStack.delete(member)
      component.push(member)
    } while (member !== node)

    components.push(component)
  }

  for (const node of [...next.keys()].sort(byText)) {
    if (!index.has(node)) strongConnect(node)
  }

  return components
    .filter(
      (component) =>
        component.length > 1 || next.get(component[0])?.includes(component[0])
    )
    .map((component) => {
      const members = new Set(component)
      const files = [...component].sort(byText)

      return {
        files,
        path: shortestCycle(files[0], members, next),
        edges: edges.filter((e) => members.has(e.from) && members.has(e.to)),
      }
    })
    .sort((a, b) => byText(a.files[0], b.files[0]))
}

/** The shortest way from `start` back to itself inside the component (breadth first). */
function shortestCycle(
  start: string,
  members: Set<string>,
  next: Map<string, string[]>
): string[] {
  const cameFrom = new Map<string, string>()
  const queue = [start]

  while (queue.length) {
    const node = queue.shift() as string

    for (const target of next.get(node) ?? []) {
      if (!members.has(target)) continue
      if (target === start) {
        const way = [start]

        for (let at = node; at !== start; at = cameFrom.get(at) as string) {
          way.unshift(at)
        }

        return [start, ...way]
      }

      if (!cameFrom.has(target)) {
        cameFrom.set(target, node)
        queue.push(target)
      }
    }
  }

  return [start]
}

export function formatCycle(cycle: ImportCycle): string {
  const edges = cycle.edges
    .map((e) => `    ${e.from} -> ${e.to}${e.typeOnly ? ' (type)' : ''}`)
    .sort(byText)

  return [
    `import cycle of ${cycle.files.length} file(s): ${cycle.path.join(' -> ')}`,
    ...edges,
  ].join('\n')
}

function main() {
  const root = path.resolve(__dirname, '..', '..')
  const given = process.argv.slice(2)
  const folders = given.length ? given : ['node', 'emulator']
  // A folder that is not there would check nothing and pass: a typo must fail instead.
  const missing = folders.filter((f) => !fs.existsSync(path.resolve(root, f)))

  if (missing.length) {
    process.stderr.write(
      `[import-cycles] no such folder: ${missing.join(', ')}\n`
    )
    process.exit(2)
  }

  const edges = importGraph(root, folders)
  const files = folders.flatMap((f) => sourceFiles(path.resolve(root, f)))

  // A folder with no TypeScript file checks nothing: that is a wrong argument, not a pass.
  if (files.length === 0) {
    process.stderr.write(
      `[import-cycles] no .ts file in ${folders.join(', ')}\n`
    )
    process.exit(2)
  }

  const cycles = findCycles(edges)

  for (const cycle of cycles) process.stderr.write(`${formatCycle(cycle)}\n`)
  process.stdout.write(
    `[import-cycles] ${cycles.length ? `${cycles.length} cycle(s)` : 'none'}\n`
  )
  process.exit(cycles.length ? 1 : 0)
}

if (require.main === module) main()
