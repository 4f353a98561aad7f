import type { Payload } from 'payload'

import { hasRole, type Role, type RoleHolder } from '../access/roles'
import { aiExplanation, type AiExplanation } from './explanation'
import { liveAiConfig, type Env } from './liveConfig'

/**
 * Who reads /admin/ai (「AI の説明」): the staff who read the reports and the gap analysis — the
 * city's staff among them — not operators, whose desk shows the reasons per answer.
 */
const AI_PAGE_READERS: Role[] = ['admin', 'supervisor', 'reviewer', 'cityViewer', 'editor']

export const canReadAiPage = (user: RoleHolder): boolean => hasRole(user, ...AI_PAGE_READERS)

/**
 * The page's explanation: the same as docs/AI.md, but with this server's settings — the usage
 * prior's weight from its environment, the facets and synonyms from its KOTAE_CONTENT_DIR, and the
 * number of groups in the CMS's editable synonym list.
 */
export async function aiPageData(
  payload: Pick<Payload, 'findGlobal'>,
  env: Env = process.env,
): Promise<AiExplanation> {
  const synonyms = await payload.findGlobal({ slug: 'synonyms', depth: 0 })
  const config = await liveAiConfig({
    source: 'server',
    env,
    contentDir: env.KOTAE_CONTENT_DIR,
    cmsSynonymGroups: synonyms.groups?.length ?? 0,
  })
  return aiExplanation(config)
}
