/**
 * Honest figures on tuning data for the "asked before" channel (decision 0048): every in-scope
 * tuning question is also a phrasing in the index, and a question always finds itself. So each
 * tuning set is scored on an index whose channel was learned from the other sets only — another
 * writer's words, as a new caller's are. `train:ranker` and `train:confidence` fit on these
 * figures, the ranking floor test checks them, `eval:content --leave-set-out` prints them. Node only.
 */
import type { ContentBundle } from '@kotae/content'

import type { GoldenQuestion } from '../eval/golden'
import type { SearchIndex, SearchIndexOptions } from '../engine/search-index'
import { loadSerializedIndex, serializeIndex } from '../engine/persist'
import { EVAL_DIR, loadContentIndex, loadSiteIndex } from './content-index'
import { askedBeforeOf, IN_SCOPE_TUNING, loadTuning } from './tuning-sets'

export type LeftOutSet = { file: string; questions: GoldenQuestion[]; index: SearchIndex }

/**
 * Per in-scope tuning set (files not there are skipped): its tuning questions and its own index,
 * the desk's (default) or the site's (saved and restored, as the browser has it).
 */
export async function leaveSetOut(
  options: SearchIndexOptions = {},
  ranking: 'desk' | 'site' = 'desk',
): Promise<{ content: ContentBundle; sets: LeftOutSet[] }> {
  const load = ranking === 'desk' ? loadContentIndex : loadSiteIndex
  let content: ContentBundle | undefined
  const sets: LeftOutSet[] = []
  for (const set of IN_SCOPE_TUNING) {
    const questions = loadTuning([set], EVAL_DIR)
    if (questions.length === 0) continue
    const loaded = await load({
      ...options,
      askedBefore: askedBeforeOf(IN_SCOPE_TUNING, EVAL_DIR, [set.file]),
    })
    content = loaded.content
    const index = ranking === 'desk' ? loaded.index : loadSerializedIndex(serializeIndex(loaded.index))
    sets.push({ file: set.file, questions, index })
  }
  if (!content) content = (await load(options)).content
  return { content, sets }
}
