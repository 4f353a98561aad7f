/**
 * A bench measures in child processes (each with its own peak RSS): the bench's own file run again
 * with tsx and its `--child …` arguments. The child prints its figures as one `RESULT {json}` line.
 */
import { spawnSync } from 'node:child_process'

/** Ends the child: prints its figures for the parent to read, closes its Payload and exits 0. */
export async function endChild(out: unknown, payload: { destroy: () => Promise<unknown> }): Promise<never> {
  console.log(`RESULT ${JSON.stringify(out)}`)
  await payload.destroy()
  process.exit(0)
}

/**
 * Runs `file` with `args` in `env`; returns the child's RESULT, or null after printing what it
 * wrote last and its exit code under `label`. `nodeArgs` go to node (e.g. --cpu-prof).
 */
export function runBenchChild(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  label: string,
  nodeArgs: string[] = [],
): Record<string, unknown> | null {
  const r = spawnSync(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', ...nodeArgs, file, ...args],
    {
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '))
  if (!line) {
    console.error(`${label}: failed (exit ${r.status})\n${r.stdout.slice(-2000)}`)
    return null
  }
  return JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>
}
