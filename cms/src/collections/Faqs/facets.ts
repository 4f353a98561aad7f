import type { Field } from 'payload'
import { json } from 'payload/shared'

import { facetOverrideProblems, facetVocabulary } from '../../search/facetVocabulary'

/**
 * The FAQ's facet override (dimension id → value ids of content/facets.yaml), as the content files'
 * front matter has it: a listed dimension replaces what the search finds in the question and its
 * phrasings, `[]` means none, a dimension left out is still found. The search package copies it
 * into the FAQ's document (`faqToDocument`). Checked against the vocabulary on publish (drafts are
 * not validated), each problem naming its path.
 */
export const facetsField: Field = {
  name: 'facets',
  label: 'ファセット（検索の観点）',
  type: 'json',
  admin: {
    position: 'sidebar',
    description:
      '自動判定が紛らわしいときだけ指定します。例: {"action": ["move-in"], "who": []}（観点と値は content/facets.yaml のID。[] は「該当なし」、書かない観点は質問文から自動判定）。',
  },
  validate: async (value, args) => {
    const base = json(value, args)
    if (base !== true) return base
    const problems = facetOverrideProblems(value, await facetVocabulary())
    return problems.length === 0 ? true : problems.join(' ／ ')
  },
}
