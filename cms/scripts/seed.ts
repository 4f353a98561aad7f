/**
 * `npm run seed`: validates content/ (or KOTAE_CONTENT_DIR) and loads it into the configured
 * database. Invalid content writes nothing and lists every problem with file and field.
 * KOTAE_SEED_VERBOSE=1 prints each entry as it is written.
 *
 * Static imports only and no top-level await: under tsx on Node 20, a dynamic import() racing the
 * off-thread loader now and then never settled, and Node ended with exit code 13.
 */
import { ContentInvalidError, formatProblem, loadValidContent } from '@kotae/content'

import { getMigratedPayload } from '../src/lib/payload'
import { rebuildRollupsIfRulesChanged } from '../src/reports/rollups/rebuild'
import { seedContent } from '../src/seed/seedContent'

async function main(): Promise<number> {
  try {
    const bundle = await loadValidContent(process.env.KOTAE_CONTENT_DIR || undefined)
    const payload = await getMigratedPayload()
    const verbose = process.env.KOTAE_SEED_VERBOSE === '1'
    await seedContent(
      payload,
      bundle,
      (line) => console.log(`seed: ${line}`),
      verbose ? (line) => console.log(`seed: ${line}`) : undefined,
    )
    // The city profile's counting rules may have changed: the report rollups follow (decision 0045).
    const rebuilt = await rebuildRollupsIfRulesChanged(payload)
    if (rebuilt)
      console.log(
        `seed: レポートの集計表を作り直しました（${rebuilt.from ? `${rebuilt.from} ～ ${rebuilt.to}` : '記録なし'}）`,
      )
    return 0
  } catch (error: unknown) {
    if (error instanceof ContentInvalidError) {
      for (const p of error.problems) console.error(formatProblem(p))
      console.error(`seed: ${error.problems.length} problem(s) in content/; nothing was written.`)
    } else console.error(error)
    return 1
  }
}

main().then((code) => process.exit(code))
