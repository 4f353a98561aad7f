import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx')
const cli = (name: string) => path.resolve(import.meta.dirname, `../src/cli/${name}.ts`)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-cli-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Runs a CLI; never throws: returns the exit status and both streams. */
function run(name: string, args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(tsx, [cli(name), ...args], { encoding: 'utf8', stdio: 'pipe' })
    return { status: 0, stdout, stderr: '' }
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string }
    return { status: e.status, stdout: String(e.stdout), stderr: String(e.stderr) }
  }
}

describe('ask CLI', () => {
  it('--json prints one line per question, in order, with the candidate fields; odd questions give a line too', () => {
    const odd = [
      'マイナの暗証番号わすれた',
      '',
      '🙂🙂',
      '\u0000\u0007\u001b[31m',
      "<script>alert(1)</script>' OR 1=1; --",
      '暗証番号'.repeat(2500),
    ]
    const file = path.join(dir, 'q.jsonl')
    fs.writeFileSync(
      file,
      `${odd.map((q, i) => (i === 2 ? JSON.stringify(q) : JSON.stringify({ query: q }))).join('\n')}\n`,
    )
    const r = run('ask', ['--json', '--k', '2', '--queries', file])
    expect(r.status).toBe(0)
    const lines = r.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            query: string
            candidates: { id: string; question: string; shortAnswer: string; answer: string }[]
          },
      )
    expect(lines.map((l) => l.query)).toEqual(odd)
    expect(lines[0]?.candidates.length).toBe(2)
    expect(Object.keys(lines[0]?.candidates[0] ?? {})).toEqual(['id', 'question', 'shortAnswer', 'answer'])
    expect(lines[0]?.candidates.map((c) => c.id)).toContain('pin-forgot')
    for (const i of [1, 2, 3]) expect(lines[i]?.candidates).toEqual([])
    expect(lines[5]?.candidates.length).toBeGreaterThan(0)
  }, 60_000)

  it('names the bad line of a queries file, and asks for a question when there is none', () => {
    const file = path.join(dir, 'bad.jsonl')
    fs.writeFileSync(file, '{"query": "暗証番号"}\n\n{"query": 5}\n')
    const bad = run('ask', ['--queries', file])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain(`${file}:3: expected {"query": "..."}`)
    const none = run('ask', [])
    expect(none.status).toBe(1)
    expect(none.stderr).toContain('give a question or --queries <file>')
    const k = run('ask', ['--k', 'zero', '暗証番号'])
    expect(k.status).toBe(1)
    expect(k.stderr).toContain('--k must be an integer')
  }, 60_000)
})

describe('eval CLI', () => {
  it('says which file is missing and refuses a depth under 10', () => {
    const missing = run('eval', [
      '--faq',
      path.join(dir, 'nope.jsonl'),
      '--queries',
      path.join(dir, 'nope2.jsonl'),
    ])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('nope.jsonl: file not found')
    const k = run('eval', ['--faq', 'a', '--queries', 'b', '--k', '5'])
    expect(k.status).toBe(1)
    expect(k.stderr).toContain('--k must be an integer from 10')
  }, 60_000)
})
