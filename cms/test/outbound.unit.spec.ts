import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import ts from 'typescript'
import { describe, expect, it } from 'vitest'

import { OUTBOUND_CALLS } from '../src/ai/explanation'

/**
 * What never leaves the system (docs/AI.md §6): every network call in the shipped source — fetch,
 * http(s).request/get, sendBeacon, WebSocket, XMLHttpRequest, EventSource, raw sockets, mail
 * transports, HTTP client packages — is in OUTBOUND_CALLS, whose destinations are all the city's
 * own (its CMS, its site, its mail server). A new call anywhere, to an AI service or not, fails here
 * until it is listed, and so explained to the city.
 */
const ROOT = path.resolve(import.meta.dirname, '../..')
const SOURCE_DIRS = [
  'cms/src',
  'cms/scripts',
  'site/src',
  'search-indexer/src',
  'analytics/src',
  'content/src',
]
const EXTENSIONS = /\.(?:ts|tsx|mts|mjs|js|astro)$/u

/** Packages whose only use is to call out. */
const CLIENT_MODULES = new Set([
  'axios',
  'undici',
  'node-fetch',
  'got',
  'ky',
  'ws',
  'superagent',
  'http2',
  'node:http2',
])
/** Node modules that serve as well as call: only these functions of theirs call out (isIP, createServer do not). */
const OUTBOUND_FUNCTIONS = new Set(['request', 'get', 'connect', 'createConnection', 'createSocket'])
const NODE_NET_MODULES = new Set([
  'http',
  'node:http',
  'https',
  'node:https',
  'net',
  'node:net',
  'tls',
  'node:tls',
  'dgram',
  'node:dgram',
])
const CALLED = new Set(['fetch', 'sendBeacon', 'createTransport'])
const CONSTRUCTED = new Set(['WebSocket', 'XMLHttpRequest', 'EventSource'])
/** Code kept in a string (an inline script) is code too. */
const IN_TEXT = /\bfetch\(|\bsendBeacon\(|\bXMLHttpRequest\b|\bnew WebSocket\(|\bnew EventSource\(/u

/** The network calls in one file's text, as short descriptions (empty: none). */
function networkCalls(fileName: string, text: string): string[] {
  if (fileName.endsWith('.astro')) return IN_TEXT.test(text) ? ['network call in an .astro file'] : []
  const found: string[] = []
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  )
  const httpNames = new Set<string>()
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = node.moduleSpecifier.text
      if (CLIENT_MODULES.has(from)) found.push(`import ${from}`)
      if (NODE_NET_MODULES.has(from) && !node.importClause?.isTypeOnly) {
        const clause = node.importClause
        if (clause?.name) httpNames.add(clause.name.text)
        const bindings = clause?.namedBindings
        if (bindings && ts.isNamespaceImport(bindings)) httpNames.add(bindings.name.text)
        if (bindings && ts.isNamedImports(bindings))
          for (const e of bindings.elements)
            if (OUTBOUND_FUNCTIONS.has((e.propertyName ?? e.name).text) && !e.isTypeOnly)
              found.push(`import { ${e.name.text} } from ${from}`)
      }
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression
      if (ts.isIdentifier(callee) && CALLED.has(callee.text)) found.push(`${callee.text}()`)
      if (ts.isPropertyAccessExpression(callee)) {
        const name = callee.name.text
        if (CALLED.has(name)) found.push(`.${name}()`)
        if (
          OUTBOUND_FUNCTIONS.has(name) &&
          ts.isIdentifier(callee.expression) &&
          httpNames.has(callee.expression.text)
        )
          found.push(`${callee.expression.text}.${name}()`)
      }
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && CONSTRUCTED.has(node.expression.text))
      found.push(`new ${node.expression.text}()`)
    if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)) &&
      IN_TEXT.test(node.text)
    )
      found.push('network call in a string')
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(path.join(ROOT, dir))) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const rel = `${dir}/${name}`
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sourceFiles(rel))
    else if (EXTENSIONS.test(name) && !/\.d\.ts$/u.test(name)) out.push(rel)
  }
  return out
}

describe('what never leaves the system (docs/AI.md §6)', () => {
  it('the scanner finds each kind of network call, in code and in inline-script strings, and not in comments or server code', () => {
    expect(networkCalls('a.ts', "await fetch('https://api.example.com/v1/chat')")).toEqual(['fetch()'])
    expect(networkCalls('a.ts', "import https from 'node:https'\nhttps.request('https://x')")).toEqual([
      'https.request()',
    ])
    expect(networkCalls('a.ts', "import { request } from 'node:http'")).toEqual([
      'import { request } from node:http',
    ])
    expect(networkCalls('a.ts', "import axios from 'axios'")).toEqual(['import axios'])
    expect(networkCalls('a.ts', "import net from 'node:net'\nnet.connect(443, 'x')")).toEqual([
      'net.connect()',
    ])
    expect(networkCalls('a.tsx', 'navigator.sendBeacon(url, blob); new WebSocket(u)')).toEqual([
      '.sendBeacon()',
      'new WebSocket()',
    ])
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text under test holds a template literal
    expect(networkCalls('a.ts', 'const s = `self.x=fetch(${u})`')).toEqual(['network call in a string'])
    expect(networkCalls('a.ts', 'nodemailer.createTransport(url)')).toEqual(['.createTransport()'])
    // Not calls: comments, a server, types.
    expect(
      networkCalls(
        'a.ts',
        "// fetch('x') in a comment\n/* sendBeacon(x) */\nimport http from 'node:http'\nhttp.createServer(() => {})\nimport type { IncomingMessage } from 'node:http'\nimport { isIP } from 'node:net'",
      ),
    ).toEqual([])
  })

  it('every network call in the shipped source is one OUTBOUND_CALLS lists, and every listed file still makes one', () => {
    const found = new Map<string, string[]>()
    for (const dir of SOURCE_DIRS) {
      for (const file of sourceFiles(dir)) {
        const calls = networkCalls(file, readFileSync(path.join(ROOT, file), 'utf8'))
        if (calls.length) found.set(file, calls)
      }
    }
    const listed = OUTBOUND_CALLS.flatMap((c) => c.files)
    const unlisted = [...found]
      .filter(([file]) => !listed.includes(file))
      .map(([file, calls]) => `${file}: ${calls.join(', ')}`)
    expect(
      unlisted,
      'network calls not in OUTBOUND_CALLS (cms/src/ai/explanation.ts): list them, with where they go, and run npm run docs:ai',
    ).toEqual([])
    expect(
      listed.filter((f) => !found.has(f)),
      'listed files that make no network call any more',
    ).toEqual([])
  })

  it('no framework sends usage statistics: Payload, Next.js and Astro telemetry are off; the PDF browser reaches no network', () => {
    const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8')
    expect(read('cms/src/payload.config.ts')).toMatch(/^\s*telemetry: false,/mu)
    const cmsScripts = (JSON.parse(read('cms/package.json')) as { scripts: Record<string, string> }).scripts
    for (const s of ['dev', 'build']) expect(cmsScripts[s], `cms ${s}`).toContain('NEXT_TELEMETRY_DISABLED=1')
    expect(read('cms/scripts/build-if-stale.mjs')).toContain("NEXT_TELEMETRY_DISABLED: '1'")
    expect(read('cms/scripts/start.ts')).toContain("NEXT_TELEMETRY_DISABLED: '1'")
    const siteScripts = (JSON.parse(read('site/package.json')) as { scripts: Record<string, string> }).scripts
    for (const s of ['dev', 'build'])
      expect(siteScripts[s], `site ${s}`).toContain('ASTRO_TELEMETRY_DISABLED=1')
    expect(read('cms/src/publish/buildSite.ts')).toContain("ASTRO_TELEMETRY_DISABLED: '1'")
    expect(read('cms/src/lib/printPdf.ts')).toContain("page.route('**/*', (route) => route.abort())")
  })
})
