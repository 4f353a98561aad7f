/**
 * 読み上げ確認: where the operator's words contradict the FAQ marked used on the call. The rule:
 *  1. The operator's turns that read the FAQ out: those containing at least READOUT_PARTIAL of its
 *     short answer's character bigrams (the suggestions' own measure, suggest.ts), so a number said
 *     about another topic in the same call is never compared with this FAQ.
 *  2. Facts in such a turn and in the FAQ's answer (short answer and full text): numbers with a unit
 *     (円, 年, か月, 日, 回, 桁; 無料 is 0 円; digits half or full width, 千 and 万, simple kanji
 *     numerals), dates (M月D日, YYYY年M月D日), and named documents (the names in the FAQs' answers
 *     that end like a document: …書, …証, …票, …状, …届, …カード, パスポート).
 *  3. A contradiction: the turn says a value with a unit that the FAQ also gives a value in, and
 *     this value is not among the FAQ's; or a date not among the FAQ's dates; or the turn names a
 *     document no part of the FAQ names while the FAQ names one the turn leaves out (one document
 *     said in place of another). A unit the FAQ says nothing in is not checked: nothing to compare.
 * Plain functions: no framework, no Node (the CMS endpoint and the tests call them alike).
 */
import { bigrams, containment, type TurnLike } from './suggest'
import { parseKanjiNumber } from '../analyzer/normalize'

export const READOUT_PARTIAL = 0.35

export type FactKind = 'fee' | 'period' | 'count' | 'date' | 'document'
export interface Fact {
  kind: FactKind
  /** The unit ('円', 'か月', 'date', 'document', …). */
  unit: string
  /** Normalized value: the number as a string, 'M-D' / 'Y-M-D' for a date, the name for a document. */
  value: string
  /** As written. */
  text: string
}

const KIND_OF_UNIT: Record<string, FactKind> = {
  円: 'fee',
  年: 'period',
  か月: 'period',
  日: 'period',
  回: 'count',
  桁: 'count',
}

/** NFKC (full-width digits and commas) and the ways to write か月. */
const normalize = (text: string) => text.normalize('NFKC').replace(/[ヶケカヵ箇个]月/gu, 'か月')

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|[〇一二三四五六七八九十百千]+)(万|千)?`
const DATE_RE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/gu
const UNIT_RE = new RegExp(`${NUMBER}\\s*(円|か月|年|日|回|桁)`, 'gu')
const FREE_RE = /無料/gu

function toNumber(n: string, scale: string | undefined): number {
  const base = /^\d/.test(n) ? Number(n.replace(/,/g, '')) : (parseKanjiNumber(n) ?? Number.NaN)
  return base * (scale === '万' ? 10000 : scale === '千' ? 1000 : 1)
}

/** Numbers with units and dates in a text (documents: documentsIn, they need the lexicon). */
export function factsIn(text: string): Fact[] {
  const facts: Fact[] = []
  // Dates first, and out of the text, so 3月31日 is not also a period of 31 日.
  const rest = normalize(text).replace(DATE_RE, (m, y: string | undefined, mo: string, d: string) => {
    facts.push({
      kind: 'date',
      unit: 'date',
      value: `${y ? `${y}-` : ''}${Number(mo)}-${Number(d)}`,
      text: m,
    })
    return '／'
  })
  for (const m of rest.matchAll(UNIT_RE)) {
    const value = toNumber(m[1]!, m[2])
    if (!Number.isFinite(value)) continue
    facts.push({ kind: KIND_OF_UNIT[m[3]!]!, unit: m[3]!, value: String(value), text: m[0] })
  }
  for (const m of rest.matchAll(FREE_RE)) facts.push({ kind: 'fee', unit: '円', value: '0', text: m[0] })
  return facts
}

const DOCUMENT_END = /(?:書|証|票|状|届|カード|パスポート)$/u
/** Too general to name one document. */
const NOT_A_DOCUMENT = new Set(['書', '証', '票', '状', '届', 'カード', '証明書', '申請書', '文書'])

/** The document names an answer text gives (runs of kanji and katakana that end like a document). */
export function documentNames(text: string): string[] {
  const runs = normalize(text).match(/[\p{Script=Han}\p{Script=Katakana}ー・]+/gu) ?? []
  return [...new Set(runs.filter((r) => DOCUMENT_END.test(r) && !NOT_A_DOCUMENT.has(r) && r.length >= 3))]
}

export interface ReadoutFaq {
  id: string
  shortAnswer: string
  /** The answer's full text (answerText), compared too: a value from there is not a contradiction. */
  answerText?: string
}

export interface ReadoutIssue {
  faq: string
  kind: FactKind
  /** The turn's index in the transcript, and what the operator said. */
  turn: number
  operatorLine: string
  /** The FAQ's sentence that gives the value (or names the document) the operator's differs from. */
  faqLine: string
  said: string
  expected: string[]
}

const sentences = (text: string) =>
  text
    .split(/(?<=[。\n])/u)
    .map((s) => s.trim())
    .filter(Boolean)

/**
 * The contradictions between the operator's turns and the FAQs marked used. `lexicon`: document
 * names from every FAQ (documentLexicon), so a document the FAQ does not name is still recognised.
 */
export function checkReadout(
  turns: readonly TurnLike[],
  used: readonly ReadoutFaq[],
  lexicon: readonly string[],
): ReadoutIssue[] {
  const issues: ReadoutIssue[] = []
  for (const faq of used) {
    const grams = bigrams(faq.shortAnswer)
    const faqText = `${faq.shortAnswer}\n${faq.answerText ?? ''}`
    const faqSentences = sentences(faqText)
    const faqFacts = factsIn(faqText)
    const faqDocs = documentNames(faqText)
    const lineWith = (pred: (s: string) => boolean) => faqSentences.find(pred) ?? faq.shortAnswer
    turns.forEach((turn, i) => {
      if (turn.speaker !== 'operator') return
      if (containment(grams, bigrams(turn.text)) < READOUT_PARTIAL) return
      const seen = new Set<string>()
      for (const f of factsIn(turn.text)) {
        const same = faqFacts.filter((x) => x.unit === f.unit)
        if (!same.length || same.some((x) => x.value === f.value)) continue
        const key = `${f.unit}:${f.value}`
        if (seen.has(key)) continue
        seen.add(key)
        issues.push({
          faq: faq.id,
          kind: f.kind,
          turn: i,
          operatorLine: turn.text,
          faqLine: lineWith((s) => factsIn(s).some((x) => x.unit === f.unit)),
          said: f.text,
          expected: [...new Set(same.map((x) => x.text))],
        })
      }
      const text = normalize(turn.text)
      const said = lexicon.filter((d) => text.includes(d) && !faqText.includes(d))
      // A longer name said (交付通知書) contains a shorter one (通知書): keep only the longest.
      const saidDocs = said.filter((d) => !said.some((o) => o !== d && o.includes(d)))
      const left = faqDocs.filter((d) => !text.includes(d))
      if (saidDocs.length && left.length)
        for (const d of saidDocs)
          issues.push({
            faq: faq.id,
            kind: 'document',
            turn: i,
            operatorLine: turn.text,
            faqLine: lineWith((s) => left.some((x) => s.includes(x))),
            said: d,
            expected: left,
          })
    })
  }
  return issues
}

/** Every document name the FAQs' answers give, longest first (made once per knowledge base). */
export function documentLexicon(faqs: readonly ReadoutFaq[]): string[] {
  const all = new Set<string>()
  for (const f of faqs) for (const d of documentNames(`${f.shortAnswer}\n${f.answerText ?? ''}`)) all.add(d)
  return [...all].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
}
