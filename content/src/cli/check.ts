/** `npm run content:check [dir]`: lists every problem with file and field; exit 1 when there is any. */
import { formatProblem } from '../problems'
import { loadContent } from '../load'

const bundle = await loadContent(process.argv[2] || undefined)
for (const p of bundle.problems) console.error(formatProblem(p))
const counts = `${bundle.faqs.length} FAQs, ${bundle.guides.length} guides, ${bundle.categories.length} categories, ${bundle.sources.length} sources, ${bundle.synonyms.length} synonym groups`
if (bundle.problems.length > 0) {
  console.error(`content:check: ${bundle.problems.length} problem(s) (${counts} loaded)`)
  process.exit(1)
}
console.log(`content:check: ok — ${counts}`)
