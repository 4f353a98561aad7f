import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { PII_KINDS, PII_PLACEHOLDERS } from '@kotae/analytics'
import { taggerSummary } from '@kotae/analytics/pii/tagger/index'
import { countSynonymSections, DEFAULT_CONTENT_DIR, loadContent } from '@kotae/content'
import { CONTENT_WEIGHTS, DEFAULT_WEIGHTS } from '@kotae/search-indexer'
import { DIALECT_RULE_COUNT } from '@kotae/search-indexer/analyzer/dialect'
import { KANJI_ONYOMI } from '@kotae/search-indexer/analyzer/kanji-onyomi'
import { ASK_BACK_CLOSENESS, ASK_BACK_DEPTH } from '@kotae/search-indexer/engine/ask-back'
import { CONFIDENCE_MODEL } from '@kotae/search-indexer/engine/confidence-model'

import { DEFAULT_PRIOR_WEIGHT, LOOKUP_POOL, priorWeight } from '../search/lookupRanking'
import { PRIOR_SETTINGS } from '../search/usagePrior'
import type { AiConfig } from './explanation'

/**
 * The live values for the AI explanation (explanation.ts), read from where the system itself reads
 * them: the learned weights and the confidence model the engine imports, the usage prior's settings
 * and the environment's weight, content's facets.yaml and synonyms.yaml (through content's loader,
 * from `contentDir`), the on'yomi table, the dialect rules, the masker's kinds and its tagger's weights. Nothing is copied
 * by hand. Node only.
 */
/** Environment variables (process.env, or a few of them). */
export type Env = Readonly<Partial<Record<string, string>>>

export type LiveConfigOptions = {
  source: AiConfig['source']
  /** The environment whose KOTAE_LOOKUP_PRIOR_WEIGHT counts; docs/AI.md passes `{}` (the default). */
  env: Env
  /** content/ or KOTAE_CONTENT_DIR. Default: the content package's folder. */
  contentDir?: string
  /** Groups of the CMS's editable synonym list (the admin page). */
  cmsSynonymGroups?: number
}

type ContentPart = Pick<AiConfig, 'facets'> & { synonyms: { handWritten: number; readings: number } }
const contentParts = new Map<string, Promise<ContentPart>>()

/** What content/ says (facets, synonyms), read once per folder and process. */
function readContentPart(dir: string): Promise<ContentPart> {
  let part = contentParts.get(dir)
  if (!part) {
    part = Promise.all([loadContent(dir), readFile(path.join(dir, 'synonyms.yaml'), 'utf8')]).then(
      ([bundle, synonymsYaml]) => ({
        facets: {
          dimensions: bundle.facets.map((d) => ({
            id: d.id,
            name: d.name,
            values: d.values.length,
            forms: d.values.reduce((n, v) => n + v.forms.length, 0),
          })),
          faqOverrides: bundle.faqs.filter((f) => f.facets !== undefined).length,
        },
        synonyms: countSynonymSections(synonymsYaml),
      }),
    )
    part.catch(() => contentParts.delete(dir)) // read again next time
    contentParts.set(dir, part)
  }
  return part
}

export async function liveAiConfig(options: LiveConfigOptions): Promise<AiConfig> {
  const content = await readContentPart(options.contentDir || DEFAULT_CONTENT_DIR)
  return {
    source: options.source,
    contentWeights: CONTENT_WEIGHTS,
    defaultWeights: DEFAULT_WEIGHTS,
    confidence: CONFIDENCE_MODEL,
    askBack: { closeness: ASK_BACK_CLOSENESS, depth: ASK_BACK_DEPTH },
    prior: {
      weight: priorWeight(options.env),
      defaultWeight: DEFAULT_PRIOR_WEIGHT,
      envName: 'KOTAE_LOOKUP_PRIOR_WEIGHT',
      pool: LOOKUP_POOL,
      ...PRIOR_SETTINGS,
    },
    facets: content.facets,
    synonyms: {
      ...content.synonyms,
      ...(options.cmsSynonymGroups === undefined ? {} : { cms: options.cmsSynonymGroups }),
    },
    kanjiOnyomi: KANJI_ONYOMI.split(' ').filter(Boolean).length,
    dialectRules: DIALECT_RULE_COUNT,
    pii: PII_KINDS.map((kind) => ({ kind, placeholder: PII_PLACEHOLDERS[kind] })),
    maskerTagger: taggerSummary(),
  }
}
