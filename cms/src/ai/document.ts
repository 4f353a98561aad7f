import path from 'node:path'

import { aiExplanation, aiExplanationMarkdown } from './explanation'
import { liveAiConfig } from './liveConfig'

/** Where `npm run docs:ai` writes the explanation for the city. Node scripts and tests only (not the admin bundle). */
export const AI_DOC_FILE = path.resolve(import.meta.dirname, '../../../docs/AI.md')

/** docs/AI.md as the generator writes it: the repository's values, the usage prior at its default. */
export async function aiDocument(): Promise<string> {
  return aiExplanationMarkdown(aiExplanation(await liveAiConfig({ source: 'repository', env: {} })))
}
