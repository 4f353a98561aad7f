/** The saved search index of each page language (see lib/search/build.ts), fetched by the search worker. */
import type { APIRoute, GetStaticPaths } from 'astro'

import { loadSiteData } from '../../data'
import { LOCALES, type Locale } from '../../i18n'
import { buildSearchIndex } from '../../lib/search/build'

export const getStaticPaths: GetStaticPaths = () => LOCALES.map((locale) => ({ params: { locale } }))

export const GET: APIRoute = async ({ params }) => {
  const { search } = await loadSiteData()
  return new Response(buildSearchIndex(search, params.locale as Locale), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })
}
