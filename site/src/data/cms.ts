/**
 * The CMS as the site's source: `GET {KOTAE_CMS_URL}/api/site-content`, the published, public
 * entries as the CMS's anonymous visitors may read them, in the shapes of the content files.
 * Validated here (the network is a boundary): a bad entry fails the build with its path named,
 * and the served site stays as it was. The result then goes through the same allow-list
 * (`toPublicData`) as the content files.
 *
 * The contract (format version and schema) is the CMS's and the site's one: @kotae/content/contracts/siteContent.
 */
import { siteContentSchema } from '@kotae/content/contracts/siteContent'
import type { ContentBundle } from '@kotae/content'

/** What the content files' loader gives, less the folder and its problems (a bad body throws). */
export type CmsBundle = Omit<ContentBundle, 'dir' | 'problems'>

/** Validates a `/api/site-content` body into the content shapes; throws naming every bad path. */
export function parseSiteContent(body: unknown): CmsBundle {
  const parsed = siteContentSchema.safeParse(body)
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 20)
      .map((i) => `  - ${i.path.join('.') || '(body)'}: ${i.message}`)
    throw new Error(
      `The CMS's site content is not valid (${parsed.error.issues.length} problem(s)):\n${lines.join('\n')}`,
    )
  }
  const d = parsed.data
  return {
    faqs: d.faqs.map((f) => ({ ...f, facts: [], file: `cms:faqs/${f.id}` })),
    guides: d.guides.map((g) => ({ ...g, facts: [], file: `cms:guides/${g.id}` })),
    sources: d.sources,
    categories: d.categories,
    synonyms: d.synonyms,
    facets: d.facets ?? [],
    city: d.city,
  }
}

/** Fetches and validates the CMS's published content. A CMS that does not answer fails the build. */
export async function fetchSiteContent(cmsUrl: string, timeoutMs = 60_000): Promise<CmsBundle> {
  const url = new URL('/api/site-content', cmsUrl)
  let res: Response
  try {
    res = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
    })
  } catch (error) {
    throw new Error(
      `KOTAE_CMS_URL: no answer from ${url.href} (${error instanceof Error ? error.message : String(error)})`,
    )
  }
  if (!res.ok) throw new Error(`KOTAE_CMS_URL: ${url.href} answered ${res.status}`)
  return parseSiteContent(await res.json())
}
