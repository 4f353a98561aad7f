import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'
import YAML from 'yaml'

import {
  DEFAULT_CONTENT_DIR,
  facetFormKey,
  facetsFileSchema,
  loadContent,
  validateBundle,
  type ContentBundle,
  type ContentProblem,
  type Faq,
} from '../src/index'
import { edit, faqText, miniCorpus, write } from './helpers'

const has = (problems: ContentProblem[], file: string, field: string | undefined, message: RegExp | string) =>
  expect(problems).toContainEqual(
    expect.objectContaining({
      file,
      ...(field === undefined ? {} : { field }),
      message:
        typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message),
    }),
  )

describe('the curated facet vocabulary (facets.yaml)', () => {
  let bundle: ContentBundle
  beforeAll(async () => {
    bundle = await loadContent()
  })

  it('is there, and valid on its own against the exported schema (duplicates included)', () => {
    const raw = YAML.parse(fs.readFileSync(path.join(DEFAULT_CONTENT_DIR, 'facets.yaml'), 'utf8')) as unknown
    const parsed = facetsFileSchema.safeParse(raw)
    expect(parsed.success ? [] : parsed.error.issues).toEqual([])
    expect(bundle.problems).toEqual([])
  })

  it('has the four dimensions and their values, in order, and the question-only elsewhere', () => {
    const ids = Object.fromEntries(bundle.facets.map((d) => [d.id, d.values.map((v) => v.id)]))
    expect(ids).toEqual({
      who: ['self', 'child', 'infant', 'proxy', 'elderly-parent', 'foreign-resident'],
      what: ['card', 'certificate', 'pin', 'health-insurance', 'number', 'notice-letter', 'smartphone'],
      action: [
        'apply',
        'receive',
        'renew',
        'expired',
        'lost',
        'found',
        'move-in',
        'move-out',
        'move-within',
        'change',
        'cancel',
        'reserve',
        'reset',
        'reissue',
        'fee',
        'hours',
      ],
      when: ['abroad', 'year-end', 'weekend'],
      elsewhere: ['other-procedure'],
    })
    expect(bundle.facets.filter((d) => d.questionOnly).map((d) => d.id)).toEqual(['elsewhere'])
  })

  it('every value has a short Japanese name and forms in more than one spelling where callers type kana', () => {
    for (const d of bundle.facets) {
      expect(d.name, d.id).toMatch(/[\p{Script=Hiragana}\p{Script=Han}]/u)
      for (const v of d.values) {
        expect([...v.name].length, `${d.id}.${v.id}`).toBeLessThanOrEqual(20)
        expect(v.forms.length, `${d.id}.${v.id}`).toBeGreaterThanOrEqual(3)
      }
    }
    const forms = (dimension: string, value: string) =>
      bundle.facets.find((d) => d.id === dimension)?.values.find((v) => v.id === value)?.forms ?? []
    // Hiragana spellings callers type, dialect, and realistic typos.
    expect(forms('action', 'move-in')).toEqual(expect.arrayContaining(['転入', 'てんにゅう', '越してきた']))
    expect(forms('action', 'move-out')).toEqual(expect.arrayContaining(['転出', 'てんしゅつ']))
    expect(forms('action', 'renew')).toEqual(expect.arrayContaining(['更新', 'こうしん', '更親', '切れそう']))
    // Soon to expire (renew) is not already expired: card-expired-already and cert-expired answer the latter.
    expect(forms('action', 'expired')).toEqual(expect.arrayContaining(['切れた', '切れとる', '期限切れ']))
    expect(forms('action', 'lost')).toEqual(
      expect.arrayContaining(['紛失', 'ふんしつ', '粉失', 'なくしてしもうた']),
    )
    expect(forms('action', 'found')).toEqual(expect.arrayContaining(['見つかっとった', '出てきた']))
    expect(forms('action', 'move-within')).toEqual(
      expect.arrayContaining(['市内で引っ越し', '市内で引っ越します']),
    )
    expect(forms('what', 'health-insurance')).toEqual(expect.arrayContaining(['保険証', '保健証']))
  })

  it('no form is too general to be useful: no bare 子, 本人, 時, か, の', () => {
    const all = bundle.facets.flatMap((d) => d.values.flatMap((v) => v.forms))
    for (const bad of ['子', '本人', '時', 'か', 'の', 'タダ', 'よる', '外国', '証明書', '親'])
      expect(all, bad).not.toContain(bad)
  })

  describe('FAQ overrides', () => {
    const jaWithFacets = () => bundle.faqs.filter((f) => f.locale === 'ja' && f.facets !== undefined)
    const faq = (id: string): Faq => {
      const f = bundle.faqs.find((x) => x.id === id && x.locale === 'ja')
      expect(f, id).toBeDefined()
      return f as Faq
    }

    it('name known dimensions and values, each value once', () => {
      const known = new Map(bundle.facets.map((d) => [d.id, new Set(d.values.map((v) => v.id))]))
      for (const f of jaWithFacets()) {
        for (const [dimension, values] of Object.entries(f.facets ?? {})) {
          expect(known.has(dimension), `${f.id}: ${dimension}`).toBe(true)
          for (const v of values)
            expect(known.get(dimension)?.has(v), `${f.id}: ${dimension}.${v}`).toBe(true)
          expect(new Set(values).size, `${f.id}: ${dimension}`).toBe(values.length)
        }
      }
    })

    it('are set on the FAQs that have a confusable neighbour, not on every FAQ', () => {
      const n = jaWithFacets().length
      expect(n).toBeGreaterThanOrEqual(40)
      expect(n).toBeLessThanOrEqual(70)
    })

    it('tell the confusable pairs apart', () => {
      const pairs: [string, string, string, string][] = [
        // [FAQ, FAQ, dimension, value only the first has]
        ['moving-in', 'moving-out', 'action', 'move-in'],
        ['moving-out', 'moving-in', 'action', 'move-out'],
        ['moving-within-city', 'moving-out', 'action', 'move-within'],
        ['card-renewal-how', 'cert-renewal-how', 'what', 'card'],
        ['cert-renewal-how', 'card-renewal-how', 'what', 'certificate'],
        ['renewal-fee', 'cert-renewal-fee', 'what', 'card'],
        ['cert-renewal-fee', 'renewal-fee', 'what', 'certificate'],
        ['card-expired-already', 'cert-expired', 'what', 'card'],
        ['card-expired-already', 'card-renewal-how', 'action', 'expired'],
        ['cert-expired', 'cert-renewal-how', 'action', 'expired'],
        ['lost-found', 'lost-what-to-do', 'action', 'found'],
        ['lost-what-to-do', 'lost-found', 'action', 'lost'],
        ['cert-renewal-proxy', 'cert-renewal-how', 'who', 'proxy'],
        ['cert-renewal-how', 'cert-renewal-proxy', 'who', 'self'],
        ['pickup-proxy', 'pickup-what-to-bring', 'who', 'proxy'],
        ['pin-proxy-reset', 'pin-forgot', 'who', 'proxy'],
        ['child-card-pickup', 'pickup-what-to-bring', 'who', 'child'],
        ['application-baby', 'child-application', 'who', 'infant'],
        ['year-end-closure', 'city-hours', 'when', 'year-end'],
      ]
      for (const [a, b, dimension, value] of pairs) {
        expect(faq(a).facets?.[dimension], `${a}.${dimension}`).toContain(value)
        expect(faq(b).facets?.[dimension], `${b}.${dimension}`).toBeDefined()
        expect(faq(b).facets?.[dimension], `${b}.${dimension}`).not.toContain(value)
      }
    })
  })
})

describe('facetFormKey: how forms are compared', () => {
  it('folds width, case, katakana and long-vowel marks, keeps kanji and kana apart', () => {
    expect(facetFormKey('カード')).toBe(facetFormKey('かーど'))
    expect(facetFormKey('ＰＩＮ')).toBe('pin')
    expect(facetFormKey('ｽﾏﾎ')).toBe(facetFormKey('すまほ'))
    expect(facetFormKey('引っ越し')).toBe(facetFormKey('引つ越し'))
    expect(facetFormKey(' 転 入 ')).toBe('転入')
    expect(facetFormKey('更新')).not.toBe(facetFormKey('こうしん'))
  })
})

describe('bad facets.yaml and bad overrides are reported with file and field', () => {
  const F = 'facets.yaml'
  const A = 'faqs/ja/faq-a.md'
  const withOverride = (dir: string, override: string) =>
    edit(dir, A, (t) => t.replace('reviewBy:', `facets: ${override}\nreviewBy:`))

  it('the mini corpus loads its vocabulary and an override', async () => {
    const dir = miniCorpus()
    withOverride(dir, '{ action: [move-in], who: [] }')
    const bundle = await loadContent(dir)
    expect(bundle.problems).toEqual([])
    expect(bundle.facets.map((d) => d.id)).toEqual(['who', 'action', 'when'])
    expect(bundle.faqs.find((f) => f.id === 'faq-a')?.facets).toEqual({ action: ['move-in'], who: [] })
    expect(bundle.faqs.find((f) => f.id === 'faq-b')?.facets).toBeUndefined()
  })

  const cases: {
    name: string
    breakIt: (dir: string) => void
    file: string
    field?: string
    message: RegExp | string
  }[] = [
    {
      name: 'unknown key in a value',
      breakIt: (d) => edit(d, F, (t) => t.replace('{ id: self,', '{ colour: red, id: self,')),
      file: F,
      field: 'dimensions.0.values.0.colour',
      message: 'unknown field',
    },
    {
      name: 'unknown key at the top',
      breakIt: (d) => edit(d, F, (t) => `${t}version: 2\n`),
      file: F,
      field: 'version',
      message: 'unknown field',
    },
    {
      name: 'empty forms',
      breakIt: (d) => edit(d, F, (t) => t.replace('forms: [子ども, こども]', 'forms: []')),
      file: F,
      field: 'dimensions.0.values.1.forms',
      message: 'needs at least 1',
    },
    {
      name: 'missing forms',
      breakIt: (d) => edit(d, F, (t) => t.replace(', forms: [子ども, こども]', '')),
      file: F,
      field: 'dimensions.0.values.1.forms',
      message: 'is required',
    },
    {
      name: 'duplicate value id',
      breakIt: (d) => edit(d, F, (t) => t.replace('id: child,', 'id: self,')),
      file: F,
      field: 'dimensions.0.values.1.id',
      message: 'duplicate value id "self" in dimension "who" (also dimensions.0.values.0)',
    },
    {
      name: 'duplicate dimension id',
      breakIt: (d) => edit(d, F, (t) => t.replace('  - id: when', '  - id: who')),
      file: F,
      field: 'dimensions.2.id',
      message: 'duplicate dimension id "who" (also dimensions.0)',
    },
    {
      name: 'duplicate form in another value of the dimension',
      breakIt: (d) => edit(d, F, (t) => t.replace('forms: [転出, 引っ越す]', 'forms: [転出, 転入]')),
      file: F,
      field: 'dimensions.1.values.1.forms.1',
      message: 'duplicate form "転入": also value "move-in" at dimensions.1.values.0.forms.0',
    },
    {
      name: 'duplicate form after normalization (katakana vs hiragana)',
      breakIt: (d) =>
        edit(d, F, (t) => t.replace('forms: [子ども, こども]', 'forms: [子ども, こども, コドモ]')),
      file: F,
      field: 'dimensions.0.values.1.forms.2',
      message: '("こども" and "コドモ" are the same after normalization)',
    },
    {
      name: 'the same form in two dimensions',
      breakIt: (d) => edit(d, F, (t) => t.replace('[何時, 開いて]', '[何時, 開いて, 土日]')),
      file: F,
      field: 'dimensions.2.values.0.forms.0',
      message:
        'duplicate form "土日": also dimension "action", value "hours" (a span of text counts for one value only) at dimensions.1.values.2.forms.2',
    },
    {
      name: 'a form with a space',
      breakIt: (d) => edit(d, F, (t) => t.replace('[転入, 引っ越してきた]', '[転入, 引っ越して きた]')),
      file: F,
      field: 'dimensions.1.values.0.forms.1',
      message: 'must not contain spaces',
    },
    {
      name: 'a one-kana form',
      breakIt: (d) => edit(d, F, (t) => t.replace('[何時, 開いて]', '[何時, 開いて, か]')),
      file: F,
      field: 'dimensions.1.values.2.forms.2',
      message: 'is too short',
    },
    {
      name: 'an id that is not kebab-case',
      breakIt: (d) => edit(d, F, (t) => t.replace('id: move-in,', 'id: moveIn,')),
      file: F,
      field: 'dimensions.1.values.0.id',
      message: 'lowercase ASCII words',
    },
    {
      name: 'broken YAML',
      breakIt: (d) => write(d, F, 'dimensions: [\n'),
      file: F,
      field: undefined,
      message: /^YAML: /,
    },
    {
      name: 'an empty file',
      breakIt: (d) => write(d, F, '# nothing yet\n'),
      file: F,
      field: undefined,
      message: 'is empty',
    },
    {
      name: 'override: unknown dimension',
      breakIt: (d) => withOverride(d, '{ acton: [move-in] }'),
      file: A,
      field: 'facets.acton',
      message: 'unknown facet dimension "acton" (facets.yaml has who, action, when)',
    },
    {
      name: 'override: unknown value',
      breakIt: (d) => withOverride(d, '{ action: [move-inn] }'),
      file: A,
      field: 'facets.action.0',
      message: 'unknown value "move-inn" in facet dimension "action"',
    },
    {
      name: 'override: a value of another dimension',
      breakIt: (d) => withOverride(d, '{ who: [self, weekend] }'),
      file: A,
      field: 'facets.who.1',
      message: 'unknown value "weekend" in facet dimension "who"',
    },
    {
      name: 'override: a value listed twice',
      breakIt: (d) => withOverride(d, '{ action: [move-in, move-in] }'),
      file: A,
      field: 'facets.action.1',
      message: '"move-in" is listed twice',
    },
    {
      name: 'override: not a list',
      breakIt: (d) => withOverride(d, '{ action: move-in }'),
      file: A,
      field: 'facets.action',
      message: /array/,
    },
    {
      name: 'override: a value id that is not kebab-case',
      breakIt: (d) => withOverride(d, '{ action: [Move_In] }'),
      file: A,
      field: 'facets.action.0',
      message: 'lowercase ASCII words',
    },
    {
      name: 'override without a facets.yaml',
      breakIt: (d) => {
        fs.rmSync(path.join(d, F))
        withOverride(d, '{ action: [move-in] }')
      },
      file: A,
      field: 'facets.action',
      message: 'there is no facets.yaml',
    },
  ]

  it.each(cases)('$name', async ({ breakIt, file, field, message }) => {
    const dir = miniCorpus()
    breakIt(dir)
    const { problems } = await loadContent(dir)
    has(problems, file, field, message)
  })

  it('a folder without facets.yaml loads with no facets and no problem', async () => {
    const dir = miniCorpus()
    fs.rmSync(path.join(dir, F))
    const bundle = await loadContent(dir)
    expect(bundle.facets).toEqual([])
    expect(bundle.problems).toEqual([])
  })

  it('a facets.yaml that cannot be parsed does not make every override look unknown', async () => {
    const dir = miniCorpus()
    write(dir, F, 'dimensions: [\n')
    withOverride(dir, '{ action: [move-in] }')
    const { problems } = await loadContent(dir)
    expect(problems.map((p) => p.file)).toEqual([F])
  })

  it('one bad value keeps the other dimensions, and overrides are checked against what the file says', async () => {
    const dir = miniCorpus()
    edit(dir, F, (t) => t.replace('forms: [子ども, こども]', 'forms: []'))
    withOverride(dir, '{ who: [child], action: [move-out] }')
    const { problems, facets } = await loadContent(dir)
    expect(problems).toHaveLength(1)
    has(problems, F, 'dimensions.0.values.1.forms', 'needs at least 1')
    expect(facets.map((d) => d.id)).toEqual(['action', 'when'])
  })

  it('lists every problem of the file and of the overrides at once', async () => {
    const dir = miniCorpus()
    edit(dir, F, (t) =>
      t
        .replace('id: child,', 'id: self,')
        .replace('forms: [転出, 引っ越す]', 'forms: [転出, 転入]')
        .replace('{ id: weekend,', '{ colour: red, id: weekend,'),
    )
    withOverride(dir, '{ acton: [move-in], action: [nowhere] }')
    write(
      dir,
      'faqs/ja/faq-z.md',
      faqText({
        id: 'faq-z',
        question: '質問Zはどうなりますか？',
        extra: 'facets: { when: [weekend, weekend] }\n',
      }),
    )
    const { problems } = await loadContent(dir)
    has(problems, F, 'dimensions.0.values.1.id', 'duplicate value id "self"')
    has(problems, F, 'dimensions.1.values.1.forms.1', 'duplicate form "転入"')
    has(problems, F, 'dimensions.2.values.0.colour', 'unknown field')
    has(problems, A, 'facets.acton', 'unknown facet dimension')
    has(problems, A, 'facets.action.0', 'unknown value "nowhere"')
    has(problems, 'faqs/ja/faq-z.md', 'facets.when.1', 'listed twice')
    expect(problems).toHaveLength(6)
  })

  it('the exported schema reports a duplicate with its path, for consumers outside the loader', () => {
    const dimension = (id: string) => ({
      id,
      name: '名前',
      values: [
        { id: 'a', name: 'A', forms: ['カード'] },
        { id: 'b', name: 'B', forms: ['かーど'] },
      ],
    })
    const parsed = facetsFileSchema.safeParse({ dimensions: [dimension('x')] })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({
        path: ['dimensions', 0, 'values', 1, 'forms', 0],
        message: expect.stringContaining('same after normalization'),
      }),
    ])
  })

  it('validateBundle checks overrides when given the facets, and skips them when not', async () => {
    const bundle = await loadContent(miniCorpus())
    const faqs = bundle.faqs.map((f) => (f.id === 'faq-a' ? { ...f, facets: { action: ['gone'] } } : f))
    expect(validateBundle({ ...bundle, faqs })).toContainEqual(
      expect.objectContaining({ file: A, field: 'facets.action.0' }),
    )
    expect(
      validateBundle({ faqs, guides: bundle.guides, sources: bundle.sources, categories: bundle.categories }),
    ).toEqual([])
  })
})
