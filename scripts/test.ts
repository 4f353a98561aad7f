/**
 * `npm test`: Biome, then every package's typecheck and tests through turbo, one task at a time and
 * all of them even after a failure. Turbo streams each task's output as it runs, so a test that
 * failed early in a 30-minute run ends up far above the end of the log, where CI shows it. This
 * prints the failed tests (and type errors) again after turbo, as the last thing on the screen.
 * Hand-written: turbo's summary names the failed tasks, not the failed tests.
 */
import { spawn, spawnSync } from 'node:child_process'
import readline from 'node:readline'
import { stripVTControlCharacters } from 'node:util'

/** `@kotae/cms:test: text` → ['@kotae/cms:test', 'text']; other lines (turbo's own) have no task. */
const TASK_LINE = /^(@kotae\/[\w-]+:[\w-]+): ?(.*)$/

/** What a failure looks like in a task's output: vitest's FAIL line, an error after it, tsc's errors. */
function failureLines(lines: readonly string[]): string[] {
  const out: string[] = []
  let after = 0
  for (const raw of lines) {
    const line = stripVTControlCharacters(raw)
    const m = TASK_LINE.exec(line)
    const task = m?.[1] ?? ''
    const text = (m?.[2] ?? line).trimEnd()
    if (/^\s*FAIL\s/.test(text) || /error TS\d+:/.test(text) || /^\s*⎯+ (Unhandled|Failed)/.test(text)) {
      out.push(`${task}: ${text.trim()}`)
      after = /FAIL/.test(text) ? 3 : 0
    } else if (after > 0 && text.trim() && !/^\s*\d*\s*\|/.test(text) && !/^\s*❯/.test(text)) {
      out.push(`${task}:     ${text.trim().slice(0, 300)}`)
      after--
    }
  }
  return out
}

const biome = spawnSync('biome', ['ci', '.'], { stdio: 'inherit' })
if (biome.status !== 0) process.exit(biome.status ?? 1)

// Arguments go to turbo: `npm test -- --filter=@kotae/analytics` runs one package's.
const turbo = spawn(
  'turbo',
  ['run', 'typecheck', 'test', '--concurrency=1', '--continue', ...process.argv.slice(2)],
  {
    stdio: ['inherit', 'pipe', 'inherit'],
  },
)
// Every line is kept (a full run prints some 20,000): the lines after a FAIL line say why.
const seen: string[] = []
const reader = readline.createInterface({ input: turbo.stdout })
reader.on('line', (line) => {
  process.stdout.write(`${line}\n`)
  seen.push(line)
})
turbo.on('close', (code) => {
  if (code !== 0) {
    const failures = failureLines(seen)
    console.log('\nFailed (again, from the output above):')
    for (const line of failures.slice(0, 80)) console.log(`  ${line}`)
    if (failures.length > 80) console.log(`  … ${failures.length - 80} more lines above`)
    if (failures.length === 0) console.log('  no failed test in the output: see the task errors above')
  }
  process.exit(code ?? 1)
})
