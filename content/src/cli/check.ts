/**
 * `npm run content:check [dir]`: loads the content folder (default: this package), prints every
 * problem as `file: field: message`, then a summary line. Exit code 1 when there is any problem.
 */
import path from 'node:path'

import { loadContent } from '../load'
import { formatProblem } from '../problems'
import { readabilityOf } from '../readability/readability'

const dir = process.argv[2] ? path.resolve(process.argv[2]) : undefined
const bundle = await loadContent(dir)
for (const p of bundle.problems) console.error(formatProblem(p))

// やさしい日本語 (src/readability): warnings, never problems; the exit code does not change.
let warnings = 0
const warned = new Set<string>()
for (const faq of bundle.faqs.filter((f) => f.locale === 'ja')) {
  for (const flag of readabilityOf(faq.answer).flags) {
    if (flag.rule === 'kanji-run') continue // a figure (content:readability), too common to warn about
    warnings += 1
    warned.add(faq.file)
    console.log(`warning: ${faq.file}: やさしい日本語: ${flag.rule} (${flag.found}): ${flag.sentence}`)
  }
}
if (warnings > 0)
  console.log(
    `content:check: ${warnings} やさしい日本語 warning(s) in ${warned.size} FAQ(s) (not errors; every FAQ's figures: npm run content:readability)`,
  )

const files = new Set(bundle.problems.map((p) => p.file)).size
const counts = [
  `${bundle.faqs.length} FAQs`,
  `${bundle.guides.length} guides`,
  `${bundle.categories.length} categories`,
  `${bundle.sources.length} sources`,
  `${bundle.synonyms.length} synonym groups`,
  `${bundle.facets.length} facet dimensions`,
].join(', ')
if (bundle.problems.length > 0) {
  console.error(
    `content:check: ${bundle.problems.length} problem(s) in ${files} file(s); loaded ${counts} from ${bundle.dir}`,
  )
  process.exitCode = 1
} else {
  console.log(`content:check: ok, 0 problems; loaded ${counts} from ${bundle.dir}`)
}
