import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'

import {
  countSynonymSections,
  DEFAULT_CONTENT_DIR,
  faqFrontMatterSchema,
  loadContent,
  procedureSchema,
  type ContentBundle,
  type Faq,
  type Guide,
} from '../src/index'
import { EASY_LIMITS, readabilityOf } from '../src/readability/readability'

/** The fact sheet every answer rests on (the repository's sibling `shared/` folder). */
const FACT_SHEET =
  process.env.KOTAE_FACT_SHEET ??
  path.resolve(DEFAULT_CONTENT_DIR, '../../shared/reference/mynumber-facts.md')
const haveSheet = fs.existsSync(FACT_SHEET)

/** The sheet's bullets: id → its text (continuation lines included) and whether it is 要確認. */
function readFacts(text: string): Map<string, { text: string; unsure: boolean }> {
  const facts = new Map<string, { text: string; unsure: boolean }>()
  let current: string | undefined
  for (const line of text.split('\n')) {
    const m = /^- \*\*([A-Z]{2,5}-\d{2})\b/.exec(line)
    if (m?.[1]) {
      current = m[1]
      facts.set(current, { text: line, unsure: false })
    } else if (/^(#|- \*\*|\| ID)/.test(line)) current = undefined
    else if (current) facts.get(current)!.text += `\n${line}`
  }
  for (const f of facts.values()) f.unsure = f.text.includes('要確認')
  return facts
}

/** Everything a citizen or operator reads in an entry. */
const textOf = (e: Faq | Guide): string =>
  'answer' in e
    ? [
        e.question,
        ...e.alternatives,
        e.shortAnswer,
        e.answer,
        e.operatorNotes ?? '',
        e.easy ?? '',
        ...e.bring.flatMap((b) => [b.item, b.note ?? '']),
      ].join('\n')
    : [
        e.title,
        e.summary,
        e.body,
        e.where,
        e.when,
        ...e.steps.flatMap((s) => [s.title, s.detail]),
        ...e.bring.flatMap((b) => b.items.flatMap((i) => [i.item, i.note ?? ''])),
        // The English beside the Japanese (decision 0047) follows the same rules.
        ...[e.titleEn, e.summaryEn, e.bodyEn, e.whereEn, e.whenEn].map((t) => t ?? ''),
        ...e.steps.flatMap((s) => [s.titleEn ?? '', s.detailEn ?? '']),
        ...e.bring.flatMap((b) => b.items.flatMap((i) => [i.itemEn ?? '', i.noteEn ?? ''])),
      ].join('\n')

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
/** `2 December 2024` as the sheet writes it: 2024年12月2日, or in the era (令和6年12月2日). */
const sheetDates = (d: string, month: string, y: string): string[] => {
  const m = MONTHS.indexOf(month) + 1
  const year = Number(y)
  const era = year >= 2019 ? `令和${year - 2018}年` : `平成${year - 1988}年`
  return [`${year}年${m}月${d}日`, `${era}${m}月${d}日`]
}

let bundle: ContentBundle
beforeAll(async () => {
  bundle = await loadContent()
})

describe('the curated corpus', () => {
  it('loads with zero problems', () => {
    expect(bundle.problems).toEqual([])
  })

  it('has the expected shape: FAQs, one guide per procedure, categories, synonyms, city', () => {
    expect(bundle.faqs.filter((f) => f.locale === 'ja').length).toBeGreaterThanOrEqual(150)
    expect(bundle.faqs.filter((f) => f.locale === 'en').length).toBeGreaterThanOrEqual(30)
    expect(bundle.categories.length).toBeGreaterThanOrEqual(10)
    const procedures = bundle.guides.filter((g) => g.locale === 'ja').map((g) => g.procedure)
    expect([...procedures].sort()).toEqual(procedureSchema.options.filter((p) => p !== 'other').sort())
    expect(bundle.synonyms.length).toBeGreaterThanOrEqual(60)
    expect(bundle.city.name).toBe('東広島市')
    expect(bundle.city.hours[0]?.weekdays).toEqual([1, 2, 3, 4, 5])
  })

  it('every FAQ has three phrasings, a readable short answer, a source and a real body', () => {
    for (const f of bundle.faqs) {
      expect(f.alternatives.length, f.id).toBeGreaterThanOrEqual(3)
      expect([...f.shortAnswer].length, f.id).toBeLessThanOrEqual(80)
      expect(f.sources.length, f.id).toBeGreaterThanOrEqual(1)
      expect(f.facts.length, f.id).toBeGreaterThanOrEqual(1)
      expect(f.answer.length, f.id).toBeGreaterThan(60)
      expect(f.reviewBy > '2026-11-24', f.id).toBe(true)
    }
  })

  it('no term belongs to two synonym groups, except a word with its generated reading group', () => {
    // A generated reading group [word, reading] may name a word a hand-written group holds (結婚,
    // 手数料): it says which word the kana means; the reading itself is in one group only.
    const yaml = fs.readFileSync(path.join(DEFAULT_CONTENT_DIR, 'synonyms.yaml'), 'utf8')
    const { handWritten } = countSynonymSections(yaml)
    const manual = new Set(bundle.synonyms.slice(0, handWritten).flatMap((g) => g.terms))
    const seen = new Map<string, number>()
    bundle.synonyms.forEach((g, i) => {
      for (const [k, t] of g.terms.entries()) {
        if (i >= handWritten && k === 0 && manual.has(t) && !seen.has(`reading group ${t}`)) {
          seen.set(`reading group ${t}`, i)
          continue
        }
        expect(seen.has(t), `"${t}" is in groups ${seen.get(t)} and ${i}`).toBe(false)
        seen.set(t, i)
      }
    })
  })

  it('uses the fact sheet canonical wording: half-width digits, か月, ranges with ～', () => {
    for (const e of [...bundle.faqs, ...bundle.guides]) {
      const text = textOf(e)
      expect(text, e.id).not.toMatch(/[０-９]/)
      expect(text, e.id).not.toMatch(/\d\s*[ヶヵカケ箇]月/)
      expect(text, e.id).not.toMatch(/[〜~]/)
    }
  })

  it('an English translation keeps the category and review flag of its original and links to Japanese ids', () => {
    // The site shows /en/faq/<ja id>/ with the translation's text, the original's category and
    // the translation's related links (to Japanese ids); a 要確認 flag must not be lost in translation.
    const ja = new Map(bundle.faqs.filter((f) => f.locale === 'ja').map((f) => [f.id, f]))
    for (const en of bundle.faqs.filter((f) => f.locale === 'en')) {
      const original = ja.get(en.translationOf ?? '')
      expect(original, en.id).toBeDefined()
      expect(en.category, en.id).toBe(original?.category)
      for (const r of en.related) expect(ja.has(r), `${en.id} → ${r}`).toBe(true)
      if (original?.needsReview) expect(en.needsReview, `${en.id}: ${original.id} needs review`).toBe(true)
    }
  })

  it('the guides, the city profile and the categories are in English too (decision 0047)', () => {
    const missing: string[] = []
    for (const g of bundle.guides) if (!g.titleEn) missing.push(`${g.id}: titleEn`)
    const c = bundle.city
    for (const [i, p] of c.phones.entries()) if (!p.labelEn) missing.push(`city phones.${i}.labelEn`)
    for (const [i, x] of c.counters.entries()) if (!x.nameEn) missing.push(`city counters.${i}.nameEn`)
    for (const [i, h] of c.hours.entries()) if (!h.labelEn) missing.push(`city hours.${i}.labelEn`)
    for (const [i, n] of c.notices.entries())
      if (!n.titleEn || !n.bodyEn) missing.push(`city notices.${i}.titleEn/bodyEn`)
    for (const cat of bundle.categories)
      if (cat.description && !cat.descriptionEn) missing.push(`category ${cat.id}: descriptionEn`)
    expect(missing).toEqual([])
  })

  it('has at least 60 English translations', () => {
    expect(bundle.faqs.filter((f) => f.locale === 'en').length).toBeGreaterThanOrEqual(60)
  })

  it('has やさしい日本語 versions of the most asked FAQs, each easier to read than its answer', () => {
    const easy = bundle.faqs.filter((f) => f.easy)
    expect(easy.length).toBeGreaterThanOrEqual(10)
    for (const f of easy) {
      const [answer, version] = [readabilityOf(f.answer), readabilityOf(f.easy ?? '')]
      expect(version.averageSentenceLength, f.id).toBeLessThan(answer.averageSentenceLength)
      expect(version.longestSentence, f.id).toBeLessThanOrEqual(EASY_LIMITS.longSentence)
    }
  })

  it('a やさしい日本語 version states no number (fee, date, period, phone) its FAQ does not', () => {
    const invented: string[] = []
    for (const f of bundle.faqs.filter((x) => x.easy)) {
      const faqText = [
        f.question,
        f.shortAnswer,
        f.answer,
        ...f.bring.flatMap((b) => [b.item, b.note ?? '']),
      ].join('\n')
      // A numbered list's marks (`1. `) are not facts.
      for (const [n] of (f.easy ?? '').replace(/^\s*\d+\.\s/gm, '').matchAll(/\d+(?:[,.:]\d+)*/g))
        if (!faqText.includes(n)) invented.push(`${f.id}: ${n}`)
    }
    expect(invented).toEqual([])
  })

  it('every reference to another entry by its question or title resolves', () => {
    // Bodies point to other FAQs as 「question」をご覧ください (ja) or “question” (en), so a
    // reworded question must not leave a dead pointer behind.
    const targets = new Set([...bundle.faqs.map((f) => f.question), ...bundle.guides.map((g) => g.title)])
    const refs = /「([^「」]+)」(?=(?:を|も)(?:ご覧|参照))|“([^“”]+[?？])”/g
    const dead: string[] = []
    for (const e of [...bundle.faqs, ...bundle.guides]) {
      const text = 'answer' in e ? e.answer : [e.body, ...e.steps.map((s) => s.detail)].join('\n')
      for (const m of text.matchAll(refs)) {
        const target = m[1] ?? m[2] ?? ''
        if (!targets.has(target)) dead.push(`${e.id}: ${target}`)
      }
    }
    expect(dead).toEqual([])
  })

  it('answers the questions outside callers found missing', () => {
    const faq = (id: string) => {
      const f = bundle.faqs.find((x) => x.id === id && x.locale === 'ja')
      expect(f, id).toBeDefined()
      return f as Faq
    }
    // The expiry notice says the PINs are needed at the counter for the certificate renewal.
    const notice = faq('notice-letter-what')
    expect(notice.facts).toEqual(expect.arrayContaining(['REN-06', 'REN-07', 'NOT-05']))
    expect(notice.answer).toMatch(/暗証番号/)
    expect(notice.answer).toMatch(/数字4桁/)
    expect(notice.answer).toMatch(/英数字6文字以上16文字以下/)
    // The national call centre: number, hours, year-end break, 24-hour suspension.
    const cc = faq('callcenter-national')
    for (const s of [
      '0120-95-0178',
      '9時30分～20時00分',
      '9時30分～17時30分',
      '12月29日～1月3日',
      '24時間365日',
      '0570-783-578',
    ])
      expect(cc.answer, s).toContain(s)
    // A card that turns up again: reached by how callers say it.
    const found = faq('lost-found')
    expect([found.question, ...found.alternatives, ...found.tags].join(' ')).toMatch(/出てき/)
    expect(found.facts).toEqual(expect.arrayContaining(['LST-04', 'LST-05']))
    // Year-end closure.
    const yearEnd = faq('year-end-closure')
    expect(yearEnd.facts).toEqual(expect.arrayContaining(['CITY-04', 'CC-01']))
    expect(yearEnd.answer).toContain('12月29日～1月3日')
    expect(yearEnd.answer).toContain('24時間365日')
  })

  it('schema defaults are filled in', () => {
    const parsed = faqFrontMatterSchema.parse({
      id: 'x-y',
      question: 'テストの質問です',
      alternatives: ['a1', 'a2', 'a3'],
      shortAnswer: '短い回答です。',
      category: 'general',
      sources: ['s'],
      reviewBy: '2027-01-01',
    })
    expect(parsed).toMatchObject({
      audience: 'public',
      locale: 'ja',
      status: 'published',
      needsReview: false,
      bring: [],
      related: [],
      tags: [],
    })
  })
})

describe.skipIf(!haveSheet)('the corpus against the fact sheet', () => {
  const sheet = haveSheet ? fs.readFileSync(FACT_SHEET, 'utf8') : ''
  const facts = readFacts(sheet)

  it('reads the sheet', () => {
    expect(facts.size).toBeGreaterThan(150)
    expect(facts.get('CITY-14')?.unsure).toBe(true)
    expect(facts.get('SYS-01')?.unsure).toBe(false)
  })

  it('every cited fact exists, and an entry resting on a 要確認 fact has needsReview', () => {
    for (const e of [...bundle.faqs, ...bundle.guides]) {
      for (const id of e.facts) {
        expect(facts.has(id), `${e.id}: ${id}`).toBe(true)
        if (facts.get(id)?.unsure) expect(e.needsReview, `${e.id} rests on ${id} (要確認)`).toBe(true)
      }
    }
  })

  it('every source is a URL the sheet cites, checked on the day the sheet was compiled', () => {
    for (const s of bundle.sources) {
      expect(sheet.includes(s.url), `${s.id}: ${s.url}`).toBe(true)
      expect(s.checkedAt, s.id).toBe('2026-11-24')
    }
  })

  it('every source is cited by some entry', () => {
    const cited = new Set([...bundle.faqs, ...bundle.guides].flatMap((e) => e.sources))
    expect(bundle.sources.map((s) => s.id).filter((id) => !cited.has(id))).toEqual([])
  })

  it('no phone number, fee, URL or date that the sheet does not give', () => {
    const plain = sheet.replace(/\*\*/g, '')
    for (const e of [...bundle.faqs, ...bundle.guides]) {
      const text = textOf(e)
      for (const phone of text.match(/\+?\d[\d-]{6,}\d/g) ?? [])
        expect(plain.includes(phone), `${e.id}: ${phone}`).toBe(true)
      for (const fee of text.match(/\d[\d,]*円/g) ?? [])
        expect(plain.includes(fee), `${e.id}: ${fee}`).toBe(true)
      for (const url of text.match(/https?:\/\/[^\s)）]+/g) ?? [])
        expect(plain.includes(url), `${e.id}: ${url}`).toBe(true)
      for (const date of text.match(/(令和|平成)\d+年\d+月\d+日|\d{4}年\d+月\d+日/g) ?? [])
        expect(plain.includes(date), `${e.id}: ${date}`).toBe(true)
      // English fees and dates (translations, the guides' English): the sheet gives them in Japanese.
      for (const [fee, amount] of text.matchAll(/(\d[\d,]*) yen/g))
        expect(plain.includes(`${amount}円`), `${e.id}: ${fee}`).toBe(true)
      for (const [date, d = '', month = '', y = ''] of text.matchAll(
        new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`, 'g'),
      ))
        expect(
          sheetDates(d, month, y).some((s) => plain.includes(s)),
          `${e.id}: ${date}`,
        ).toBe(true)
    }
    for (const p of bundle.city.phones.filter((p) => !p.placeholder))
      expect(plain.includes(p.number), p.label).toBe(true)
  })

  it('every section of the sheet is covered by at least one FAQ', () => {
    const cited = new Set(bundle.faqs.flatMap((f) => f.facts))
    const prefixes = new Set([...facts.keys()].map((id) => id.replace(/-\d+$/, '')))
    for (const prefix of prefixes)
      expect(
        [...cited].some((id) => id.startsWith(`${prefix}-`)),
        prefix,
      ).toBe(true)
  })
})
