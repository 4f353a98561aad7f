/** The public search documents and synonyms the browser builds its index from (see lib/search). */
import type { APIRoute } from 'astro'

import { loadSiteData } from '../data'

export const GET: APIRoute = async () => {
  const { search } = await loadSiteData()
  return new Response(JSON.stringify(search), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
