/**
 * `npm run bench:pii`: precision and recall of the masker PER KIND and overall, for each labelled
 * corpus, span-level, counted two ways:
 *  - exact: a finding is right when its kind and its exact text match an expected span;
 *  - overlap: a finding is right when it overlaps an expected span of the same kind.
 * A kind a set never labels (secret and cardNumber are newer than the tuning sets) shows how many
 * findings it made there instead of P/R; those findings still count as false alarms overall.
 * Each corpus also gets "public numbers kept" (every number the knowledge base publishes, kept as the
 * CMS keeps it) and "negatives untouched" (lines with nothing to mask where nothing
 * was masked). The allow-list is the product's: `publicAllowList` over the content files (content/),
 * the numbers and addresses of the city profile, the FAQs, the guides and the sources.
 *
 * Corpora (`corpusRuns`): by default every TUNING set (the masker was tuned on all of them: the three
 * test/pii-tuning-{1,2,3}.jsonl, scored without the allow-list as their labels mask public numbers, and
 * both halves of every earlier fresh corpus, test/pii-fresh{,2,3,4,5,6,7,8,9,10,11,12,13}.{dev,test}.jsonl, with it) and the
 * DEV split of the newest fresh corpus (`CURRENT`, test/pii-fresh14.dev.jsonl), the one to tune on now.
 * Its TEST split is held out: it is read only with `--split test` (alone, once, at the end
 * of a round), and `--corpus` refuses it without that flag.
 * Then throughput, and the p95 time to mask a 200-character summary (the desk needs ≤ 1 ms).
 * `--errors` lists every miss and every false alarm; `--corpus FILE` scores another JSONL file
 * (with the allow-list); `--dev` scores the current dev split alone (quick, while tuning).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { loadValidContent } from '@kotae/content'
import { z } from 'zod'

import {
  findPii,
  foldWidth,
  maskPii,
  PII_KINDS,
  contentAllowList,
  type MaskOptions,
  type PiiFinding,
  type PiiKind,
} from '../src/pii'

/** One corpus line: the text and every personal value in it with its kind; nothing else (public numbers and
 * hard negatives carry no entry). A value is found in the text by `locate`, each occurrence used once. */
export const corpusRowSchema = z.strictObject({
  text: z.string().min(1),
  expected: z.array(z.strictObject({ kind: z.enum(PII_KINDS), value: z.string().min(1) })),
})
export type CorpusRow = z.infer<typeof corpusRowSchema>
export type Counts = { tp: number; fp: number; fn: number }
export type Score = { exact: Record<PiiKind, Counts>; overlap: Record<PiiKind, Counts>; errors: string[] }

export function loadCorpus(
  file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/pii-tuning-1.jsonl'),
): CorpusRow[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => [l, i + 1] as const)
    .filter(([l]) => l.trim())
    .map(([l, n]) => {
      let json: unknown
      try {
        json = JSON.parse(l)
      } catch (e) {
        throw new Error(`${file}:${n}: not JSON (${(e as Error).message})`)
      }
      const row = corpusRowSchema.safeParse(json)
      if (!row.success)
        throw new Error(
          `${file}:${n}: ${row.error.issues.map((x) => `${x.path.join('.') || 'line'}: ${x.message}`).join('; ')}`,
        )
      return row.data
    })
}

export type Span = { kind: PiiKind; start: number; end: number }

/** Expected values located in the text, each occurrence used once, left to right. */
export function locate(row: CorpusRow): Span[] {
  const used: Span[] = []
  for (const e of row.expected) {
    let from = 0
    for (;;) {
      const at = row.text.indexOf(e.value, from)
      if (at < 0) throw new Error(`corpus: "${e.value}" not in "${row.text}"`)
      const span = { kind: e.kind, start: at, end: at + e.value.length }
      if (!used.some((u) => u.start === span.start && u.end === span.end)) {
        used.push(span)
        break
      }
      from = at + 1
    }
  }
  return used
}

const zero = () =>
  Object.fromEntries(PII_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<PiiKind, Counts>

/** How a corpus is masked: `findPii` by default; another copy of the rules in `bench:pii-loco --rules-from`. */
export type Find = (text: string, options: MaskOptions) => PiiFinding[]

export function score(corpus: CorpusRow[], options: MaskOptions = {}, find: Find = findPii): Score {
  const exact = zero()
  const overlap = zero()
  const errors: string[] = []
  for (const row of corpus) {
    const found = find(row.text, options)
    const expected = locate(row)
    const show = (s: Span) => `${s.kind}「${row.text.slice(s.start, s.end)}」`
    for (const [counts, same] of [
      [exact, (a: Span, b: Span) => a.start === b.start && a.end === b.end],
      [overlap, (a: Span, b: Span) => a.start < b.end && b.start < a.end],
    ] as const) {
      const open = [...expected]
      for (const f of found) {
        const i = open.findIndex((e) => e.kind === f.kind && same(e, f))
        if (i >= 0) {
          counts[f.kind].tp++
          open.splice(i, 1)
        } else {
          counts[f.kind].fp++
          if (counts === exact) errors.push(`false alarm ${show(f)} in: ${row.text}`)
        }
      }
      for (const e of open) {
        counts[e.kind].fn++
        if (counts === exact) errors.push(`missed      ${show(e)} in: ${row.text}`)
      }
    }
  }
  return { exact, overlap, errors }
}

export const total = (per: Record<PiiKind, Counts>): Counts =>
  Object.values(per).reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  })
export const prf = (c: Counts) => {
  const p = c.tp / (c.tp + c.fp)
  const r = c.tp / (c.tp + c.fn)
  return { precision: p, recall: r, f1: (2 * p * r) / (p + r) }
}

/**
 * What the CMS keeps readable (`maskForStorage`): the numbers and addresses the knowledge base publishes,
 * built by the same function from the content files (the CMS reads the same entries from its database).
 */
export const KEEP: MaskOptions = contentAllowList(await loadValidContent())

const here = path.dirname(fileURLToPath(import.meta.url))
export const TUNING_SETS = ['pii-tuning-1.jsonl', 'pii-tuning-2.jsonl', 'pii-tuning-3.jsonl'].map((f) =>
  path.join(here, '../test', f),
)
const fresh = (n: string) => ({
  dev: path.join(here, `../test/pii-fresh${n}.dev.jsonl`),
  test: path.join(here, `../test/pii-fresh${n}.test.jsonl`),
})
/**
 * The fresh corpora, each written by another hand before any masker run on it, oldest first. Every
 * one but the newest has had its test half read once and has been tuned on since: both halves are
 * tuning data. The newest is the round being measured: tune on its DEV half only; its TEST half is
 * read once, at the end (`--split test`).
 */
export const FRESH_CORPORA = [
  fresh(''),
  fresh('2'),
  fresh('3'),
  fresh('4'),
  fresh('5'),
  fresh('6'),
  fresh('7'),
  fresh('8'),
  fresh('9'),
  fresh('10'),
  fresh('11'),
  fresh('12'),
  fresh('13'),
  fresh('14'),
] as const
export const [FRESH, FRESH2, FRESH3] = FRESH_CORPORA
/** The round being measured. */
export const CURRENT = FRESH_CORPORA.at(-1)!
/** Test splits not yet read: scored only when asked for by `--split test`, never by default. */
export const HELD_OUT = [CURRENT.test]

export type CorpusRun = { label: string; file: string; options: MaskOptions }

/**
 * The corpora a bench run scores. `dev` (default): every tuning set (the three tuning-N sets without the
 * allow-list; both halves of the earlier fresh corpora, with it) and the current round's DEV split when
 * it exists; `devOnly`: that DEV split alone; `test`: the held-out TEST split alone. `corpus` scores
 * that file instead, and refuses a held-out split unless `split` is `test`.
 */
export function corpusRuns(
  opts: { split?: 'dev' | 'test'; devOnly?: boolean; corpus?: string },
  exists: (file: string) => boolean = fs.existsSync,
): CorpusRun[] {
  if (opts.corpus) {
    const file = path.resolve(opts.corpus)
    if (HELD_OUT.includes(file) && opts.split !== 'test')
      throw new Error(`${path.basename(file)} is a held-out test split: score it only with --split test`)
    return [{ label: path.basename(file), file, options: KEEP }]
  }
  if (opts.split === 'test') {
    if (!exists(CURRENT.test)) throw new Error(`no held-out test split at ${CURRENT.test}`)
    const name = path.basename(CURRENT.test)
    return [{ label: `TEST split (held out: final run only) ${name}`, file: CURRENT.test, options: KEEP }]
  }
  const dev: CorpusRun[] = exists(CURRENT.dev)
    ? [{ label: `DEV split (tune on it) ${path.basename(CURRENT.dev)}`, file: CURRENT.dev, options: KEEP }]
    : []
  if (opts.devOnly) return dev
  return [
    ...TUNING_SETS.map((file) => ({ label: `tuning set ${path.basename(file)}`, file, options: {} })),
    ...FRESH_CORPORA.slice(0, -1)
      .flatMap((c) => [c.dev, c.test])
      .filter(exists)
      .map((file) => ({
        label: `tuning set ${path.basename(file)} (fresh, read and tuned on)`,
        file,
        options: KEEP,
      })),
    ...dev,
  ]
}

// A public number written any way: its digits with up to two separators (hyphen, space, brackets, dot) between them.
const PUBLIC_RE = new RegExp(
  String.raw`(?<!\d)(?:${(KEEP.keepPhones ?? []).map((p) => p.replace(/\D/g, '').split('').join(String.raw`[\s().・-]{0,2}`)).join('|')})(?!\d)`,
  'g',
)

/** Occurrences of the public numbers in the corpus, and how many survive masking with `options`. */
export function publicKept(
  corpus: CorpusRow[],
  options: MaskOptions = KEEP,
  find: Find = findPii,
): { kept: number; total: number; lost: string[] } {
  let kept = 0
  let total = 0
  const lost: string[] = []
  for (const row of corpus) {
    const found = find(row.text, options)
    for (const m of foldWidth(row.text).matchAll(PUBLIC_RE)) {
      total++
      if (found.some((f) => f.start < m.index + m[0].length && m.index < f.end))
        lost.push(
          `public number masked 「${row.text.slice(m.index, m.index + m[0].length)}」 in: ${row.text}`,
        )
      else kept++
    }
  }
  return { kept, total, lost }
}

/** Lines labelled with nothing to mask, and how many of them come out unchanged. */
export function negativesUntouched(
  corpus: CorpusRow[],
  options: MaskOptions = KEEP,
  find: Find = findPii,
): { untouched: number; total: number } {
  const negatives = corpus.filter((r) => r.expected.length === 0)
  return {
    untouched: negatives.filter((r) => find(r.text, options).length === 0).length,
    total: negatives.length,
  }
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  —  ')

/** The per-kind table of one corpus, its overall line, public numbers kept and negatives untouched. */
export function report(label: string, rows: CorpusRow[], options: MaskOptions, errors = false): string[] {
  const s = score(rows, options)
  const out: string[] = []
  const line = (name: string, e: Counts, o: Counts) => {
    const a = prf(e)
    const b = prf(o)
    return `  ${name.padEnd(11)} ${String(e.tp + e.fn).padStart(5)} ${String(e.tp + e.fp).padStart(6)}   ${fmt(a.precision)} ${fmt(a.recall)} ${fmt(a.f1)}   ${fmt(b.precision)} ${fmt(b.recall)} ${fmt(b.f1)}`
  }
  const spans = rows.reduce((n, x) => n + x.expected.length, 0)
  const negatives = rows.filter((x) => x.expected.length === 0).length
  out.push(
    `${label}: ${rows.length} snippets, ${spans} expected spans, ${negatives} with nothing to mask${options.keepPhones ? `; allow-list from content/ (${options.keepPhones.length} numbers, ${options.keepAddresses?.length ?? 0} addresses and postal codes)` : '; no allow-list'}`,
  )
  out.push(
    `  ${'kind'.padEnd(11)} ${'spans'.padStart(5)} ${'found'.padStart(6)}   ${'exact P / R / F1'.padEnd(17)}   overlap P / R / F1`,
  )
  const labelled = new Set(rows.flatMap((r) => r.expected.map((e) => e.kind)))
  for (const k of PII_KINDS)
    out.push(
      labelled.has(k)
        ? line(k, s.exact[k], s.overlap[k])
        : `  ${k.padEnd(11)} ${'0'.padStart(5)}   not labelled in this set; ${s.exact[k].fp} finding(s)`,
    )
  out.push(line('overall', total(s.exact), total(s.overlap)))
  const pub = publicKept(rows, KEEP) // always as the CMS masks: with the allow-list
  out.push(
    `  public numbers kept (with the allow-list): ${pub.total ? `${pub.kept}/${pub.total} = ${fmt(pub.kept / pub.total)}` : 'none in this set'}`,
  )
  const neg = negativesUntouched(rows, options)
  out.push(`  negatives untouched: ${neg.untouched}/${neg.total} lines`)
  if (errors) out.push(...s.errors.map((e) => `    ${e}`), ...pub.lost.map((e) => `    ${e}`))
  return out
}

/**
 * Exact P / R per kind over all the tuning sets together (each scored with its own options), so a
 * change can be judged on every line tuned on at once; a kind counts only in the sets that label it.
 */
export function tuningTotals(runs: CorpusRun[]): string[] {
  const sum = zero()
  for (const { file, options } of runs) {
    const rows = loadCorpus(file)
    const labelled = new Set(rows.flatMap((r) => r.expected.map((e) => e.kind)))
    const s = score(rows, options)
    for (const k of PII_KINDS)
      if (labelled.has(k)) for (const c of ['tp', 'fp', 'fn'] as const) sum[k][c] += s.exact[k][c]
  }
  const row = (name: string, c: Counts) => {
    const { precision, recall } = prf(c)
    return `  ${name.padEnd(11)} ${String(c.tp + c.fn).padStart(5)}   ${fmt(precision)} ${fmt(recall)}`
  }
  return [
    `all ${runs.length} tuning sets together (exact spans; a kind only where labelled)`,
    `  ${'kind'.padEnd(11)} ${'spans'.padStart(5)}   P     R`,
    ...PII_KINDS.map((k) => row(k, sum[k])),
    row('overall', total(sum)),
  ]
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2)
  const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined)
  const errors = argv.includes('--errors')
  const split = arg('--split') ?? 'dev'
  if (split !== 'dev' && split !== 'test') throw new Error('--split dev|test')
  const runs = corpusRuns({ split, devOnly: argv.includes('--dev'), corpus: arg('--corpus') })
  for (const { label, file, options } of runs)
    console.log(`${report(label, loadCorpus(file), options, errors).join('\n')}\n`)
  const tuning = runs.filter((r) => r.label.startsWith('tuning set'))
  if (tuning.length > 1) console.log(`${tuningTotals(tuning).join('\n')}\n`)

  // Speed on the tuning sets and the dev split (the same texts whatever is scored above).
  const rows = [...TUNING_SETS, FRESH.dev].flatMap((f) => loadCorpus(f))
  const n = 20_000
  const t0 = performance.now()
  for (let i = 0; i < n; i++) findPii(rows[i % rows.length]!.text, KEEP)
  const secs = (performance.now() - t0) / 1000
  const chars = rows.reduce((a, r) => a + r.text.length, 0) / rows.length
  console.log(
    `throughput: ${Math.round(n / secs).toLocaleString('en')} snippets/s (${n.toLocaleString('en')} snippets of ${chars.toFixed(0)} characters on average, one core)`,
  )

  // Call summaries of 200 characters: corpus snippets joined in a shifting order, then cut.
  const summaries = Array.from({ length: 2_000 }, (_, i) => {
    let t = ''
    for (let j = i; t.length < 200; j += 7) t += `${rows[j % rows.length]!.text}。`
    return t.slice(0, 200)
  })
  for (const t of summaries) maskPii(t, KEEP) // warm up
  // wall time, and CPU time (process.cpuUsage): on a shared, loaded machine the wall p95 is mostly waiting for a core
  const cpu = () => {
    const u = process.cpuUsage()
    return (u.user + u.system) / 1000
  }
  const wall: number[] = []
  const used: number[] = []
  for (const t of summaries) {
    const a = performance.now()
    const c = cpu()
    maskPii(t, KEEP)
    used.push(cpu() - c)
    wall.push(performance.now() - a)
  }
  const q = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!.toFixed(3)
  console.log(
    `maskPii on a 200-character summary: p50 ${q(wall, 0.5)} ms, p95 ${q(wall, 0.95)} ms, p99 ${q(wall, 0.99)} ms wall; CPU p50 ${q(used, 0.5)} ms, p95 ${q(used, 0.95)} ms (${wall.length.toLocaleString('en')} summaries, one core)`,
  )
}
