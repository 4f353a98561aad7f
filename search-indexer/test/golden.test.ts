import fs from 'node:fs'
import path from 'node:path'

import { loadContent } from '@kotae/content'
import { describe, expect, it } from 'vitest'

import { EvalFileError } from '../src/errors'
import { GOLDEN_STYLES, checkGoldenIds, parseGoldenJsonl } from '../src/eval/golden'

const FILE = path.resolve(import.meta.dirname, '../../tests/eval/golden.jsonl')

describe('golden set (tests/eval/golden.jsonl)', () => {
  const questions = parseGoldenJsonl(fs.readFileSync(FILE, 'utf8'), FILE)

  it('is valid, large enough, split and varied', () => {
    expect(questions.length).toBeGreaterThanOrEqual(150)
    const dev = questions.filter((q) => q.split === 'dev').length
    expect(dev).toBeGreaterThan(questions.length * 0.3)
    expect(questions.length - dev).toBeGreaterThan(questions.length * 0.3)
    for (const style of GOLDEN_STYLES) expect(questions.some((q) => q.style === style), style).toBe(true)
  })

  it('names only FAQ ids that exist in content', async () => {
    const content = await loadContent()
    const ids = new Set(content.faqs.map((f) => f.id))
    expect(() => checkGoldenIds(questions, ids, FILE)).not.toThrow()
  })

  it('names the line of a bad entry', () => {
    const good = '{"id":"g001","split":"dev","style":"typo","query":"暗証番号","relevant":["pin-forgot"]}'
    expect(() => parseGoldenJsonl(`${good}\n{"id":"g002","split":"train","style":"typo","query":"x","relevant":["a"]}\n`, 'g.jsonl')).toThrow(/^g\.jsonl:2: field "split"/)
    expect(() => parseGoldenJsonl(`${good}\n{"id":"g002","split":"dev","style":"typo","query":"x","relevant":[]}\n`, 'g.jsonl')).toThrow(/^g\.jsonl:2: field "relevant"/)
    expect(() => parseGoldenJsonl(`${good}\n\n{oops\n`, 'g.jsonl')).toThrow(/^g\.jsonl:3: not valid JSON/)
    expect(() => parseGoldenJsonl(`${good}\n${good.replace('g001', 'g002')}\n`, 'g.jsonl')).toThrow(/^g\.jsonl:2: duplicate query/)
    const parsed = parseGoldenJsonl(`${good}\n${good.replace('g001', 'g002').replace('暗証番号', '暗証')}\n`, 'g.jsonl')
    expect(() => checkGoldenIds(parsed, new Set(['other']), 'g.jsonl')).toThrow(EvalFileError)
    expect(() => checkGoldenIds(parsed, new Set(['other']), 'g.jsonl')).toThrow(/^g\.jsonl:1: unknown FAQ id\(s\) pin-forgot/)
  })
})

describe('eval:content CLI', () => {
  const cli = path.resolve(import.meta.dirname, '../src/cli/eval-content.ts')
  const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx')

  it('--json prints one object with every metric per split', async () => {
    const { execFileSync } = await import('node:child_process')
    const out = execFileSync(tsx, [cli, '--json'], { encoding: 'utf8' }).trim().split('\n')
    expect(out.length).toBe(1)
    const parsed = JSON.parse(out[0] ?? '') as { faqs: number; splits: Record<string, { queries: number; kotae: Record<string, number>; bm25: Record<string, number> }> }
    expect(Object.keys(parsed.splits)).toEqual(['dev', 'test', 'all'])
    expect(parsed.splits.all?.queries).toBe((parsed.splits.dev?.queries ?? 0) + (parsed.splits.test?.queries ?? 0))
    expect(Object.keys(parsed.splits.dev?.kotae ?? {})).toEqual(['p1', 'p5', 'mrr10', 'ndcg5', 'recall5', 'recall10'])
    // success@5 (any correct answer in the top 5) can never be below Recall@5 (every answer counted).
    const dev = parsed.splits.dev as unknown as { kotae: { recall5: number }; success5: { kotae: number; bm25: number } }
    expect(dev.success5.kotae).toBeGreaterThanOrEqual(dev.kotae.recall5)
    expect(dev.success5.kotae).toBeLessThanOrEqual(1)
  }, 60_000)

  it('a golden file naming an unknown FAQ exits 1 with file:line', async () => {
    const { execFileSync } = await import('node:child_process')
    const os = await import('node:os')
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-golden-')), 'g.jsonl')
    fs.writeFileSync(file, '{"id":"g001","split":"dev","style":"typo","query":"暗証番号","relevant":["no-such-faq"]}\n')
    let status = 0
    let stderr = ''
    try {
      execFileSync(tsx, [cli, '--golden', file], { encoding: 'utf8', stdio: 'pipe' })
    } catch (error) {
      status = (error as { status: number }).status
      stderr = String((error as { stderr: string }).stderr)
    }
    expect(status).toBe(1)
    expect(stderr).toContain(`${file}:1: unknown FAQ id(s) no-such-faq`)
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
  }, 60_000)
})
