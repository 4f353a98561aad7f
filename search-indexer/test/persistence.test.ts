import { describe, expect, it } from 'vitest'

import { createSearchIndex, type SearchHit } from '../src/engine/search-index'
import { loadSerializedIndex, serializeIndex } from '../src/engine/persist'
import { SerializedIndexError } from '../src/errors'
import { DOCS, QUERIES, SYNONYMS } from './fixtures'

const view = (hits: SearchHit[]) =>
  hits.map((h) => ({
    id: h.id,
    kind: h.kind,
    score: h.score,
    passage: h.passage,
    snippet: h.snippet,
    why: h.explanation,
  }))

describe('serializeIndex / loadSerializedIndex', () => {
  it('restores an index that searches exactly like the fresh one', () => {
    const fresh = createSearchIndex({ synonyms: SYNONYMS, audience: 'public' })
    for (const d of DOCS) fresh.add(d)
    const raw = serializeIndex(fresh)
    const restored = loadSerializedIndex(raw)
    expect(restored.size).toBe(fresh.size)
    for (const q of QUERIES) {
      const a = fresh.search(q, { limit: 5 })
      expect(a.length, q).toBeGreaterThan(0)
      expect(view(restored.search(q, { limit: 5 })), q).toEqual(view(a))
    }
    // From the parsed object too, and a second round trip gives the same bytes.
    expect(serializeIndex(loadSerializedIndex(JSON.parse(raw)))).toBe(raw)
  })

  it("never changes a caller's object nor shares its documents", () => {
    const fresh = createSearchIndex({ synonyms: SYNONYMS })
    for (const d of DOCS) fresh.add(d)
    const raw = serializeIndex(fresh)
    const object = JSON.parse(raw)
    const restored = loadSerializedIndex(object)
    expect(JSON.stringify(object)).toBe(raw)
    // The object can be loaded again, and searches like the string's restore.
    const again = loadSerializedIndex(object)
    for (const q of QUERIES) expect(view(again.search(q)), q).toEqual(view(restored.search(q)))
    for (const q of QUERIES)
      expect(view(loadSerializedIndex(raw).search(q)), q).toEqual(view(restored.search(q)))
    object.documents[0].question = 'changed by the caller'
    expect(restored.get(object.documents[0].id, object.documents[0].kind)?.question).not.toBe(
      'changed by the caller',
    )
  })

  it('keeps add and remove working after a restore', () => {
    const fresh = createSearchIndex({ synonyms: SYNONYMS })
    for (const d of DOCS) fresh.add(d)
    const restored = loadSerializedIndex(serializeIndex(fresh))
    for (const idx of [fresh, restored]) {
      expect(idx.remove('pin-forgot')).toBe(true)
      idx.add({
        id: 'new',
        kind: 'faq',
        question: '顔認証マイナンバーカードとは',
        body: '暗証番号を設定しないカードです。',
      })
    }
    for (const q of [...QUERIES, '顔認証']) expect(view(restored.search(q)), q).toEqual(view(fresh.search(q)))
    expect(restored.search('暗証番号わすれた').map((h) => h.id)).not.toContain('pin-forgot')
  })

  it('saves an index with removed and replaced documents so that it searches the same', () => {
    const fresh = createSearchIndex({ synonyms: SYNONYMS })
    for (const d of DOCS) fresh.add(d)
    fresh.remove('pin-forgot')
    fresh.add({ ...DOCS[1]!, body: `${DOCS[1]!.body ?? ''}\n暗証番号の再設定もできます。` })
    const raw = serializeIndex(fresh)
    const restored = loadSerializedIndex(raw)
    expect(restored.keys().sort()).toEqual(fresh.keys().sort())
    for (const q of QUERIES) expect(view(restored.search(q)), q).toEqual(view(fresh.search(q)))
    expect(serializeIndex(restored)).toBe(raw)
  })

  it('takes new synonyms at load time', () => {
    const fresh = createSearchIndex({ synonyms: SYNONYMS })
    for (const d of DOCS) fresh.add(d)
    const restored = loadSerializedIndex(serializeIndex(fresh), { synonyms: [{ terms: ['写真', 'フォト'] }] })
    expect(restored.search('フォト')[0]?.id).toBe('photo')
  })

  it('refuses what is not a serialized index', () => {
    expect(() => loadSerializedIndex('not json')).toThrow(SerializedIndexError)
    expect(() => loadSerializedIndex('{"format":"other"}')).toThrow(SerializedIndexError)
    expect(() => loadSerializedIndex('{"format":"kotae-search-index","version":99}')).toThrow(/version 99/)
    // An index saved by the Orama-based engine (format 3) asks to be rebuilt.
    expect(() => loadSerializedIndex('{"format":"kotae-search-index","version":3}')).toThrow(
      /version 3 is not supported .*rebuild/,
    )
    const fresh = createSearchIndex({ synonyms: SYNONYMS })
    for (const d of DOCS) fresh.add(d)
    const saved = JSON.parse(serializeIndex(fresh))
    saved.fields.documents.question.ids[0] = [DOCS.length + 5]
    expect(() => loadSerializedIndex(saved)).toThrow(SerializedIndexError)
    expect(() => loadSerializedIndex({ ...saved, passages: [[99, 0, 0, 0, 1]] })).toThrow(/names document 99/)
    // Version 4 stored each field's tokens apart; it is refused, not misread.
    expect(() => loadSerializedIndex({ ...saved, version: 4 })).toThrow(
      /version 4 is not supported .*rebuild/,
    )
    const again = JSON.parse(serializeIndex(fresh))
    again.fields.passages.text.terms[0] = again.terms.length + 3
    expect(() => loadSerializedIndex(again)).toThrow(/names term/)
    const { terms: _, ...noTerms } = JSON.parse(serializeIndex(fresh))
    expect(() => loadSerializedIndex(noTerms)).toThrow(/terms or fields missing/)
  })

  it('stores every token once, whichever fields hold it', () => {
    const fresh = createSearchIndex({ synonyms: SYNONYMS })
    for (const d of DOCS) fresh.add(d)
    const saved = JSON.parse(serializeIndex(fresh))
    expect(saved.terms).toEqual([...new Set(saved.terms)].sort())
    const positions = (field: { terms: number[] }) => {
      let p = -1
      return field.terms.map((d) => (p += d))
    }
    // A word of the questions that the passages hold too (番号, …) is one entry named by both.
    const inQuestions = new Set(positions(saved.fields.documents.question))
    const shared = positions(saved.fields.passages.text).filter((p) => inQuestions.has(p))
    expect(shared.length).toBeGreaterThan(0)
    expect(fresh.docs.field('question')?.postings.has(saved.terms[shared[0] ?? -1])).toBe(true)
    expect(fresh.passages.field('text')?.postings.has(saved.terms[shared[0] ?? -1])).toBe(true)
    // The fields hold positions only, no token text.
    expect(JSON.stringify(saved.fields)).not.toMatch(/暗証番号|パスワード/)
  })
})
