/**
 * `npm run seed`: validates content/ (or KOTAE_CONTENT_DIR) and loads it into the configured
 * database. Invalid content writes nothing and lists every problem with file and field.
 * KOTAE_SEED_VERBOSE=1 prints each entry as it is written.
 */
import { ContentInvalidError, loadValidContent } from '@kotae/content'


try {
  const bundle = await loadValidContent(process.env.KOTAE_CONTENT_DIR || undefined)
  const { getMigratedPayload } = await import('../src/lib/payload')
  const { seedContent } = await import('../src/seed/seedContent')
  const payload = await getMigratedPayload()
  await seedContent(payload, bundle, (line) => console.log(`seed: ${line}`), process.env.KOTAE_SEED_VERBOSE === '1' ? (line) => console.log(`seed: ${line}`) : undefined)
  process.exit(0)
} catch (error) {
  if (error instanceof ContentInvalidError) {
    for (const p of error.problems) console.error(`${p.file}: ${p.field ?? ''}: ${p.message}`)
    console.error(`seed: ${error.problems.length} problem(s) in content/; nothing was written.`)
  } else console.error(error)
  process.exit(1)
}
