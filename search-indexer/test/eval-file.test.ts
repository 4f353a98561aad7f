import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { parseFaqJsonl, parseQueriesJsonl } from '../src/eval/dataset'
import { runEval } from '../src/eval/run'
import { EvalFileError } from '../src/errors'

const FAQ = [
  {
    id: '1',
    question: '住民票の写しを取りたい',
    answer: '市民課の窓口かコンビニで取れます。手数料は300円です。',
  },
  {
    id: '2',
    question: 'ごみの出し方を知りたい',
    answer: '燃えるごみは週2回、決められた曜日の朝に出してください。',
  },
  {
    id: '3',
    question: 'マイナンバーカードの暗証番号を忘れた',
    answer: '窓口で再設定できます。本人確認書類をお持ちください。',
  },
]
const QUERIES = [
  { id: 'q1', query: '住民票がほしいんですけど', relevant: ['1'], grades: { '1': 2 } },
  { id: 'q2', query: 'ゴミはいつ出せばいいですか', relevant: ['2'] },
  { id: 'q3', query: 'マイナの暗証番号わすれた', relevant: ['3'] },
]
const jsonl = (rows: unknown[]) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`

describe('eval files', () => {
  it('names the file and line of a malformed line', () => {
    const bad = `${jsonl(FAQ.slice(0, 1))}{"id": "2", "question": "x"}\n`
    expect(() => parseFaqJsonl(bad, 'faq.jsonl')).toThrow(EvalFileError)
    expect(() => parseFaqJsonl(bad, 'faq.jsonl')).toThrow(/^faq\.jsonl:2: field "answer"/)
    expect(() => parseQueriesJsonl('{"id":"q","query":"a","relevant":[]}\nnot json\n', 'q.jsonl')).toThrow(
      /^q\.jsonl:2: not valid JSON/,
    )
    expect(() => parseFaqJsonl(jsonl([FAQ[0], FAQ[0]]), 'f')).toThrow(/f:2: duplicate id/)
    // Blank lines count: the duplicate is named by its line in the file, not by its position.
    expect(() => parseFaqJsonl(`\n${jsonl([FAQ[0]])}\n${jsonl([FAQ[0]])}`, 'f')).toThrow(/f:4: duplicate id/)
    expect(() => parseFaqJsonl('\n\n', 'empty.jsonl')).toThrow(/empty\.jsonl: has no lines/)
  })
  it('scores a tiny set, Kotae and the baseline', () => {
    const r = runEval(parseFaqJsonl(jsonl(FAQ), 'f'), parseQueriesJsonl(jsonl(QUERIES), 'q'))
    expect(r.queries).toBe(3)
    expect(r.kotae.p1).toBe(1)
    expect(r.bm25.p1).toBeLessThanOrEqual(1)
  })
  it('runs the CLI: --json prints one object, a bad line exits 1 with file:line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-eval-'))
    const faq = path.join(dir, 'faq.jsonl')
    const queries = path.join(dir, 'queries.jsonl')
    fs.writeFileSync(faq, jsonl(FAQ))
    fs.writeFileSync(queries, jsonl(QUERIES))
    const cli = path.resolve(import.meta.dirname, '../src/cli/eval.ts')
    const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx')
    const out = execFileSync(tsx, [cli, '--faq', faq, '--queries', queries, '--json'], { encoding: 'utf8' })
    const lines = out.trim().split('\n')
    expect(lines.length).toBe(1)
    const parsed = JSON.parse(lines[0] ?? '') as {
      queries: number
      kotae: Record<string, number>
      bm25: Record<string, number>
    }
    expect(parsed.queries).toBe(3)
    expect(Object.keys(parsed.kotae)).toEqual([
      'p1',
      'success3',
      'p5',
      'mrr10',
      'ndcg5',
      'ndcg10',
      'recall5',
      'recall10',
    ])
    expect(Object.keys(parsed.bm25)).toEqual([
      'p1',
      'success3',
      'p5',
      'mrr10',
      'ndcg5',
      'ndcg10',
      'recall5',
      'recall10',
    ])
    expect(Object.keys((parsed as { peer?: object }).peer ?? {})).toEqual([
      'p1',
      'success3',
      'p5',
      'mrr10',
      'ndcg5',
      'ndcg10',
      'recall5',
      'recall10',
    ])

    fs.writeFileSync(queries, `${jsonl(QUERIES.slice(0, 2))}{"id": "q3", "query": 5}\n`)
    let status = 0
    let stderr = ''
    try {
      execFileSync(tsx, [cli, '--faq', faq, '--queries', queries], { encoding: 'utf8', stdio: 'pipe' })
    } catch (error) {
      status = (error as { status: number }).status
      stderr = String((error as { stderr: string }).stderr)
    }
    expect(status).toBe(1)
    expect(stderr).toContain(`${queries}:3:`)
    fs.rmSync(dir, { recursive: true, force: true })
  }, 30000)
})
