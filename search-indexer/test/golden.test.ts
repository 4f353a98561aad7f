import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { loadContent } from '@kotae/content'
import { describe, expect, it } from 'vitest'

import { EvalFileError } from '../src/errors'
import { checkGoldenIds, type GoldenQuestion, type GoldenSplit, parseGoldenJsonl } from '../src/eval/golden'

const FILE = path.resolve(import.meta.dirname, '../../tests/eval/golden.jsonl')

describe('golden set (tests/eval/golden.jsonl)', () => {
  const questions = parseGoldenJsonl(fs.readFileSync(FILE, 'utf8'), FILE)

  it('is valid, large enough, split and varied', () => {
    expect(questions.length).toBeGreaterThanOrEqual(150)
    const dev = questions.filter((q) => q.split === 'dev').length
    expect(dev).toBeGreaterThan(questions.length * 0.3)
    expect(questions.length - dev).toBeGreaterThan(questions.length * 0.3)
    for (const style of [
      'colloquial',
      'hiragana',
      'typo',
      'rambling',
      'dialect',
      'elderly',
      'foreign',
    ] as const)
      expect(
        questions.some((q) => q.style === style),
        style,
      ).toBe(true)
  })

  it('names only FAQ ids that exist in content', async () => {
    const content = await loadContent()
    const ids = new Set(content.faqs.map((f) => f.id))
    expect(() => checkGoldenIds(questions, ids, FILE)).not.toThrow()
  })

  it('names the line of a bad entry', () => {
    const good = '{"id":"g001","split":"dev","style":"typo","query":"暗証番号","relevant":["pin-forgot"]}'
    expect(() =>
      parseGoldenJsonl(
        `${good}\n{"id":"g002","split":"train","style":"typo","query":"x","relevant":["a"]}\n`,
        'g.jsonl',
      ),
    ).toThrow(/^g\.jsonl:2: field "split"/)
    expect(() =>
      parseGoldenJsonl(
        `${good}\n{"id":"g002","split":"dev","style":"typo","query":"x","relevant":[]}\n`,
        'g.jsonl',
      ),
    ).toThrow(/^g\.jsonl:2: field "relevant"/)
    expect(() =>
      parseGoldenJsonl(
        `${good}\n{"id":"o002","split":"dev","style":"off-topic","query":"x","relevant":["pin-forgot"]}\n`,
        'g.jsonl',
      ),
    ).toThrow(/^g\.jsonl:2: field "relevant"/)
    expect(
      parseGoldenJsonl(
        '{"id":"o001","split":"test","style":"off-topic","query":"粗大ごみ","relevant":[]}\n',
        'g.jsonl',
      )[0]?.relevant,
    ).toEqual([])
    expect(() => parseGoldenJsonl(`${good}\n\n{oops\n`, 'g.jsonl')).toThrow(/^g\.jsonl:3: not valid JSON/)
    expect(() => parseGoldenJsonl(`${good}\n${good.replace('g001', 'g002')}\n`, 'g.jsonl')).toThrow(
      /^g\.jsonl:2: duplicate query/,
    )
    const parsed = parseGoldenJsonl(
      `${good}\n${good.replace('g001', 'g002').replace('暗証番号', '暗証')}\n`,
      'g.jsonl',
    )
    expect(() => checkGoldenIds(parsed, new Set(['other']), 'g.jsonl')).toThrow(EvalFileError)
    expect(() => checkGoldenIds(parsed, new Set(['other']), 'g.jsonl')).toThrow(
      /^g\.jsonl:1: unknown FAQ id\(s\) pin-forgot/,
    )
  })
})

// The later rounds' sets, checked for format only: ids, split rule, size, no line of an older set.
// The evaluator never runs here (test halves are held out until a round ends).
const readSet = (name: string) => {
  const file = path.resolve(import.meta.dirname, `../../tests/eval/${name}`)
  return parseGoldenJsonl(fs.readFileSync(file, 'utf8'), file)
}
// The split is a fixed function of the text, so no line can be moved between halves after reading it.
const splitOf = (query: string): GoldenSplit =>
  createHash('sha256').update(query, 'utf8').digest()[0]! % 2 === 0 ? 'dev' : 'test'
const bySha256Rule = (questions: GoldenQuestion[]) => new Map(questions.map((q) => [q.id, splitOf(q.query)]))
/**
 * From round six: a seeded shuffle per style (lines ordered by sha256 of seed + newline + query, the
 * first half of each style, rounded up, is dev), so every style is half and half; still a fixed
 * function of the texts.
 */
const seededShuffleBy = (seed: string) => (questions: GoldenQuestion[]) => {
  const key = (q: GoldenQuestion) => createHash('sha256').update(`${seed}\n${q.query}`, 'utf8').digest('hex')
  const split = new Map<string, GoldenSplit>()
  for (const style of new Set(questions.map((q) => q.style))) {
    const ordered = questions.filter((q) => q.style === style).sort((a, b) => (key(a) < key(b) ? -1 : 1))
    const dev = Math.ceil(ordered.length / 2)
    for (const [i, q] of ordered.entries()) split.set(q.id, i < dev ? 'dev' : 'test')
  }
  return split
}
const ROUNDS = [
  ['golden.jsonl', 'colloquial.jsonl', 'offtopic.jsonl'],
  ['colloquial2.jsonl', 'offtopic2.jsonl'],
  ['colloquial3.jsonl', 'offtopic3.jsonl'],
  ['colloquial4.jsonl', 'offtopic4.jsonl'],
  ['colloquial5.jsonl', 'offtopic5.jsonl'],
  ['colloquial6.jsonl', 'offtopic6.jsonl'],
  ['colloquial7.jsonl', 'offtopic7.jsonl'],
  ['colloquial8.jsonl', 'offtopic8.jsonl'],
  ['colloquial9.jsonl', 'offtopic9.jsonl'],
  ['colloquial10.jsonl', 'offtopic10.jsonl'],
  ['colloquial11.jsonl', 'offtopic11.jsonl'],
  ['colloquial12.jsonl', 'offtopic12.jsonl'],
  ['colloquial13.jsonl', 'offtopic13.jsonl'],
  ['colloquial14.jsonl', 'offtopic14.jsonl'],
]

/** Round `round` (1-based index into ROUNDS): each set's size and id prefix (none in round two). */
function describeHeldOutRound(
  title: string,
  round: number,
  sets: [name: string, prefix: string, min: number][],
  splitRule: { name: string; of: (questions: GoldenQuestion[]) => Map<string, GoldenSplit> } = {
    name: 'the sha256 rule',
    of: bySha256Rule,
  },
) {
  describe(title, () => {
    it.each(sets)(
      `%s: split by ${splitRule.name}, its own ids, large enough, no line of the older sets`,
      async (name, prefix, min) => {
        const questions = readSet(name)
        expect(questions.length).toBeGreaterThanOrEqual(min)
        const split = splitRule.of(questions)
        for (const q of questions) {
          expect(q.id.startsWith(prefix), q.id).toBe(true)
          expect(q.split, q.id).toBe(split.get(q.id))
        }
        expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length)
        expect(new Set(questions.map((q) => q.query)).size).toBe(questions.length)
        const older = new Set(
          ROUNDS.slice(0, round - 1).flatMap((files) => files.flatMap((f) => readSet(f).map((q) => q.query))),
        )
        expect(questions.filter((q) => older.has(q.query))).toEqual([])
        const content = await loadContent()
        expect(() => checkGoldenIds(questions, new Set(content.faqs.map((f) => f.id)), name)).not.toThrow()
      },
      // The first case reads every older set and loads the content cold: about 4 s at load 16 on two
      // cores, so the 5 s default timed out once.
      30_000,
    )
  })
}

describeHeldOutRound('second held-out round (tests/eval/colloquial2.jsonl, offtopic2.jsonl)', 2, [
  ['colloquial2.jsonl', '', 240],
  ['offtopic2.jsonl', '', 80],
])
describeHeldOutRound('third held-out round (tests/eval/colloquial3.jsonl, offtopic3.jsonl)', 3, [
  ['colloquial3.jsonl', 'c3', 220],
  ['offtopic3.jsonl', 'o3', 80],
])
describeHeldOutRound('fourth held-out round (tests/eval/colloquial4.jsonl, offtopic4.jsonl)', 4, [
  ['colloquial4.jsonl', 'c4', 300],
  ['offtopic4.jsonl', 'o4', 100],
])
describeHeldOutRound('fifth held-out round (tests/eval/colloquial5.jsonl, offtopic5.jsonl)', 5, [
  ['colloquial5.jsonl', 'c5', 300],
  ['offtopic5.jsonl', 'o5', 100],
])

describeHeldOutRound(
  'sixth held-out round (tests/eval/colloquial6.jsonl, offtopic6.jsonl)',
  6,
  [
    ['colloquial6.jsonl', 'c6', 340],
    ['offtopic6.jsonl', 'o6', 110],
  ],
  { name: "a seeded shuffle per style (seed 'kotae-round6')", of: seededShuffleBy('kotae-round6') },
)

describeHeldOutRound(
  'seventh held-out round (tests/eval/colloquial7.jsonl, offtopic7.jsonl)',
  7,
  [
    ['colloquial7.jsonl', 'c7', 340],
    ['offtopic7.jsonl', 'o7', 110],
  ],
  { name: "a seeded shuffle per style (seed 'kotae-round7')", of: seededShuffleBy('kotae-round7') },
)

// Rounds eight to fourteen were written and split the same way: one declaration per round.
for (const [round, ordinal] of [
  [8, 'eighth'],
  [9, 'ninth'],
  [10, 'tenth'],
  [11, 'eleventh'],
  [12, 'twelfth'],
  [13, 'thirteenth'],
  [14, 'fourteenth'],
] as const) {
  describeHeldOutRound(
    `${ordinal} held-out round (tests/eval/colloquial${round}.jsonl, offtopic${round}.jsonl)`,
    round,
    [
      [`colloquial${round}.jsonl`, `c${round}`, 340],
      [`offtopic${round}.jsonl`, `o${round}`, 110],
    ],
    {
      name: `a seeded shuffle per style (seed 'kotae-round${round}')`,
      of: seededShuffleBy(`kotae-round${round}`),
    },
  )
}

describe("the held-out sets' make-up", () => {
  it.each([
    'colloquial2.jsonl',
    'colloquial3.jsonl',
    'colloquial5.jsonl',
    'colloquial6.jsonl',
    'colloquial7.jsonl',
  ])('%s is at least half western-Japan dialect', (name) => {
    const questions = readSet(name)
    expect(questions.filter((q) => q.style === 'dialect').length * 2).toBeGreaterThanOrEqual(questions.length)
  })

  // Rounds eight to fourteen add Tohoku to the western-Japan dialects, so their half is "dialect", not "western".
  it.each([
    'colloquial8.jsonl',
    'colloquial9.jsonl',
    'colloquial10.jsonl',
    'colloquial11.jsonl',
    'colloquial12.jsonl',
    'colloquial13.jsonl',
    'colloquial14.jsonl',
  ])('%s is at least half dialect', (name) => {
    const questions = readSet(name)
    expect(questions.filter((q) => q.style === 'dialect').length * 2).toBeGreaterThanOrEqual(questions.length)
  })

  it.each([
    'colloquial6.jsonl',
    'colloquial7.jsonl',
    'colloquial8.jsonl',
    'colloquial9.jsonl',
    'colloquial10.jsonl',
    'colloquial11.jsonl',
    'colloquial12.jsonl',
    'colloquial13.jsonl',
    'colloquial14.jsonl',
  ])('%s has every voice the round asked for', (name) => {
    const questions = readSet(name)
    const count = (style: string) => questions.filter((q) => q.style === style).length
    expect(count('kana')).toBeGreaterThanOrEqual(30)
    expect(count('typo')).toBeGreaterThanOrEqual(35)
    expect(count('rambling')).toBeGreaterThanOrEqual(20)
    expect(count('two-part')).toBeGreaterThanOrEqual(20)
    expect(count('elderly')).toBeGreaterThanOrEqual(20)
    expect(count('foreign')).toBeGreaterThanOrEqual(25)
    // Very short fragments (「カード 期限 何年」) are style colloquial in these rounds.
    expect(count('colloquial')).toBeGreaterThanOrEqual(20)
  })

  it('colloquial4 is about 40 % western-Japan dialect', () => {
    const questions = readSet('colloquial4.jsonl')
    expect(questions.filter((q) => q.style === 'dialect').length / questions.length).toBeGreaterThanOrEqual(
      0.35,
    )
  })

  // Not "every FAQ is named": FAQs added after a set was written cannot be in it.
  it('every colloquial line has an answer; no off-topic line has one', () => {
    for (const name of [
      'colloquial3.jsonl',
      'colloquial4.jsonl',
      'colloquial5.jsonl',
      'colloquial6.jsonl',
      'colloquial7.jsonl',
      'colloquial8.jsonl',
      'colloquial9.jsonl',
      'colloquial10.jsonl',
      'colloquial11.jsonl',
      'colloquial12.jsonl',
      'colloquial13.jsonl',
      'colloquial14.jsonl',
    ])
      expect(
        readSet(name).filter((q) => q.relevant.length === 0),
        name,
      ).toEqual([])
    for (const name of [
      'offtopic3.jsonl',
      'offtopic4.jsonl',
      'offtopic5.jsonl',
      'offtopic6.jsonl',
      'offtopic7.jsonl',
      'offtopic8.jsonl',
      'offtopic9.jsonl',
      'offtopic10.jsonl',
      'offtopic11.jsonl',
      'offtopic12.jsonl',
      'offtopic13.jsonl',
      'offtopic14.jsonl',
    ])
      expect(
        readSet(name).filter((q) => q.relevant.length > 0),
        name,
      ).toEqual([])
  })
})

describe('eval:content CLI', () => {
  const cli = path.resolve(import.meta.dirname, '../src/cli/eval-content.ts')
  const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx')

  it('--json prints one object: the dev split by default, every metric for Kotae, bm25 and the peer', async () => {
    const { execFileSync } = await import('node:child_process')
    const out = execFileSync(tsx, [cli, '--json', '--set', 'golden'], { encoding: 'utf8' }).trim().split('\n')
    expect(out.length).toBe(1)
    const parsed = JSON.parse(out[0] ?? '') as {
      split: string
      ranking: string
      sets: Record<
        string,
        {
          queries: number
          kotae: Record<string, number>
          bm25: Record<string, number>
          peer: Record<string, number>
        }
      >
    }
    expect(parsed.split).toBe('dev')
    expect(parsed.ranking).toBe('desk')
    expect(Object.keys(parsed.sets)).toEqual(['golden'])
    expect(parsed.sets.golden?.queries).toBe(
      parseGoldenJsonl(fs.readFileSync(FILE, 'utf8'), FILE).filter((q) => q.split === 'dev').length,
    )
    for (const engine of ['kotae', 'bm25', 'peer'] as const)
      expect(Object.keys(parsed.sets.golden?.[engine] ?? {})).toEqual([
        'p1',
        'success3',
        'p5',
        'mrr10',
        'ndcg5',
        'ndcg10',
        'recall5',
        'recall10',
      ])
    // success@3 (any correct answer in the top 3) can never be below P@1.
    const golden = parsed.sets.golden as unknown as { kotae: { p1: number; success3: number } }
    expect(golden.kotae.success3).toBeGreaterThanOrEqual(golden.kotae.p1)
  }, 60_000)

  it('never lists test-split misses, and knows only dev and test', async () => {
    const { spawnSync } = await import('node:child_process')
    const misses = spawnSync(tsx, [cli, '--split', 'test', '--misses'], { encoding: 'utf8' })
    expect(misses.status).toBe(1)
    expect(misses.stderr).toContain('--misses lists dev questions only')
    expect(misses.stdout).toBe('')
    const unnamed = spawnSync(tsx, [cli, '--split', 'test'], { encoding: 'utf8' })
    expect(unnamed.status).toBe(1)
    expect(unnamed.stderr).toContain('--split test reads the sets named with --set')
    expect(unnamed.stdout).toBe('')
    const all = spawnSync(tsx, [cli, '--split', 'all'], { encoding: 'utf8' })
    expect(all.status).toBe(1)
    expect(all.stderr).toContain('--split must be dev or test')
  }, 60_000)

  it('a golden file naming an unknown FAQ exits 1 with file:line', async () => {
    const { execFileSync } = await import('node:child_process')
    const os = await import('node:os')
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-golden-')), 'g.jsonl')
    fs.writeFileSync(
      file,
      '{"id":"g001","split":"dev","style":"typo","query":"暗証番号","relevant":["no-such-faq"]}\n',
    )
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
