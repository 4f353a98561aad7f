import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { loadContent, loadValidContent } from '../src/load'
import { ContentInvalidError } from '../src/problems'
import { copyCorpus, edit } from './helpers'

const FAQ = 'faqs/ja/pin-forgot.md'
const OTHER = 'faqs/ja/pin-locked.md'

describe('content:check reports every problem with file and field', () => {
  it('lists all problems at once, not just the first', async () => {
    const dir = copyCorpus()
    edit(dir, FAQ, (t) => t.replace(/^category: pin$/m, 'category: no-such-category').replace(/^- awara-pin$/m, '- no-such-source'))
    edit(dir, OTHER, (t) => t.replace(/^shortAnswer:.*\n/m, ''))
    edit(dir, 'sources.yaml', (t) => t.replace('"https://www.city.awara.lg.jp', '"ftp://www.city.awara.lg.jp'))
    const { problems } = await loadContent(dir)
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: FAQ, field: 'category', message: expect.stringContaining('no-such-category') }),
        expect.objectContaining({ file: FAQ, field: 'sources.0', message: expect.stringContaining('no-such-source') }),
        expect.objectContaining({ file: OTHER, field: 'shortAnswer' }),
        expect.objectContaining({ file: 'sources.yaml', field: expect.stringMatching(/^\d+\.url$/) }),
      ]),
    )
  })

  it('reports a duplicate id, a file named differently from its id, and an unknown related FAQ', async () => {
    const dir = copyCorpus()
    fs.copyFileSync(path.join(dir, FAQ), path.join(dir, 'faqs/ja/pin-forgot2.md'))
    edit(dir, OTHER, (t) => t.replace(/^related:\n/m, 'related:\n- no-such-faq\n'))
    const { problems } = await loadContent(dir)
    const messages = problems.map((p) => `${p.file}|${p.field}|${p.message}`)
    expect(messages.some((m) => m.startsWith('faqs/ja/pin-forgot2.md|id|duplicate id'))).toBe(true)
    expect(messages.some((m) => m.startsWith('faqs/ja/pin-forgot2.md|id|must match the file name'))).toBe(true)
    expect(messages.some((m) => m.startsWith('faqs/ja/pin-forgot2.md|question|duplicate question'))).toBe(true)
    expect(messages.some((m) => m.startsWith(`${OTHER}|related.0|unknown FAQ or guide "no-such-faq"`))).toBe(true)
  })

  it('rejects a short answer too long to read aloud, a bad date and broken YAML', async () => {
    const dir = copyCorpus()
    edit(dir, FAQ, (t) => t.replace(/^shortAnswer:.*$/m, `shortAnswer: ${'あ'.repeat(81)}`).replace(/^reviewBy:.*$/m, 'reviewBy: 2027-02-30'))
    edit(dir, OTHER, (t) => t.replace(/^question:.*$/m, 'question: [unclosed'))
    const { problems } = await loadContent(dir)
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: FAQ, field: 'shortAnswer' }),
        expect.objectContaining({ file: FAQ, field: 'reviewBy', message: 'is not a real calendar date' }),
        expect.objectContaining({ file: OTHER, field: 'front matter', message: expect.stringContaining('YAML') }),
      ]),
    )
  })

  it('a category with fewer than three FAQs is a problem', async () => {
    const dir = copyCorpus()
    for (const f of ['smartphone-cert.md', 'smartphone-change.md']) fs.rmSync(path.join(dir, 'faqs/ja', f))
    edit(dir, 'faqs/ja/smartphone-hoken.md', (t) => t.replace(/^related:\n(- .*\n)+/m, ''))
    const { problems } = await loadContent(dir)
    expect(problems).toContainEqual(expect.objectContaining({ file: 'categories.yaml (smartphone)', message: expect.stringContaining('at least 3') }))
  })

  it('loadValidContent throws a named error carrying every problem', async () => {
    const dir = copyCorpus()
    edit(dir, FAQ, (t) => t.replace(/^category: pin$/m, 'category: nope'))
    const error = await loadValidContent(dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ContentInvalidError)
    expect((error as ContentInvalidError).problems.length).toBeGreaterThanOrEqual(1)
  })
})
