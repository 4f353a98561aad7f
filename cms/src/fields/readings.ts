import type { ArrayField } from 'payload'

import { readingTextSchema, readingWordSchema } from '@kotae/content/schema'

/**
 * Furigana overrides as rows of word and reading (content's `readings`, converted by
 * @kotae/content/faq/readings): an editor who sees the site read a word wrongly (東広島) fixes it
 * here. Each cell is checked by the content schema's own rule, so the admin and the files accept
 * the same overrides; a word twice would leave one of the two readings unused, so it is refused.
 */
export function readingsField(description: string): ArrayField {
  return {
    name: 'readings',
    label: 'ふりがなの修正',
    type: 'array',
    labels: { singular: 'ふりがな', plural: 'ふりがな' },
    admin: { description, initCollapsed: true },
    validate: (rows: unknown): true | string => {
      const words = (Array.isArray(rows) ? rows : []).map((r: { word?: unknown }) => r?.word)
      const twice = words.find((w, i) => typeof w === 'string' && words.indexOf(w) !== i)
      return twice === undefined ? true : `「${twice}」が2回あります。1つの語に読みは1つです。`
    },
    fields: [
      {
        name: 'word',
        label: '語（漢字を含む）',
        type: 'text',
        required: true,
        maxLength: readingWordSchema.maxLength ?? undefined,
        validate: (v: unknown) =>
          readingWordSchema.safeParse(v).success
            ? true
            : `漢字を含む${readingWordSchema.maxLength}文字以内の語を入力してください（ふりがなは漢字に付きます）。`,
      },
      {
        name: 'reading',
        label: '読み（ひらがな）',
        type: 'text',
        required: true,
        maxLength: readingTextSchema.maxLength ?? undefined,
        validate: (v: unknown) =>
          readingTextSchema.safeParse(v).success
            ? true
            : `ひらがなで${readingTextSchema.maxLength}文字以内で入力してください（例: ひがしひろしま）。`,
      },
    ],
  }
}
