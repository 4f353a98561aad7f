import { describe, expect, it } from 'vitest'

import { contentToDocuments, faqToDocument } from '../src/engine/document'
import { loadSerializedIndex, serializeIndex } from '../src/engine/persist'
import { createSearchIndex } from '../src/engine/search-index'
import { AudienceError } from '../src/errors'
import { faq } from './fixtures'

describe('public documents carry only public fields', () => {
  it('leaves operator notes out of a public document and keeps them for operators', () => {
    const pub = faqToDocument(faq(), { audience: 'public' })
    expect(pub).toBeDefined()
    expect(JSON.stringify(pub)).not.toContain('内線1234')
    expect(pub && 'operatorNotes' in pub).toBe(false)
    expect(faqToDocument(faq(), { audience: 'operator' })?.operatorNotes).toContain('内線1234')
  })
  it('has no public document for an operator-only FAQ or a draft', () => {
    expect(faqToDocument(faq({ audience: 'operator' }), { audience: 'public' })).toBeUndefined()
    expect(faqToDocument(faq({ audience: 'operator' }), { audience: 'operator' })).toBeDefined()
    expect(faqToDocument(faq({ status: 'draft' }), { audience: 'operator' })).toBeUndefined()
    expect(
      contentToDocuments(
        { faqs: [faq(), faq({ id: 'ops', audience: 'operator' })] },
        { audience: 'public' },
      ).map((d) => d.id),
    ).toEqual(['pin-locked'])
  })
  it('makes a public index refuse operator documents and notes', () => {
    const index = createSearchIndex({ audience: 'public' })
    expect(() => index.add(faqToDocument(faq(), { audience: 'operator' })!)).toThrow(AudienceError)
    expect(() =>
      index.add({ ...faqToDocument(faq(), { audience: 'public' })!, audience: 'operator' }),
    ).toThrow(AudienceError)
  })
  it('never puts operator text into a serialized public index', () => {
    const docs = contentToDocuments(
      { faqs: [faq(), faq({ id: 'ops', audience: 'operator', question: '内部手順の確認方法' })] },
      { audience: 'public' },
    )
    const index = createSearchIndex({ audience: 'public' })
    for (const d of docs) index.add(d)
    const raw = serializeIndex(index)
    expect(raw).not.toContain('内線1234')
    expect(raw).not.toContain('内部手順')
    expect(loadSerializedIndex(raw).search('内線').length).toBe(0)
  })
  it('lets an operator index search the notes', () => {
    const index = createSearchIndex({ audience: 'operator' })
    index.add(faqToDocument(faq(), { audience: 'operator' })!)
    const hit = index.search('内線')[0]
    expect(hit?.id).toBe('pin-locked')
    expect(hit?.passage?.field).toBe('operatorNotes')
  })
})
