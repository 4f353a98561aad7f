import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export type ScriptResult = { code: number | null; signal: NodeJS.Signals | null; out: string; err: string }

/** What a script's npm script sets before it (package.json): the CSV import's SQLite transactions. */
export const npmScriptEnv = (name: string): Record<string, string> =>
  name === 'import-csv' ? { KOTAE_SQLITE_TRANSACTIONS: 'on' } : {}

/**
 * Starts `<file>` (default folder scripts/, as its npm script runs it) in a child process with extra
 * environment, and returns at once: `output()` is what it printed so far, `done` its end. Crash
 * tests kill it with SIGKILL at a moment they choose. Imports nothing of Payload's.
 */
export function startScript(
  name: string,
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; output: () => string; done: Promise<ScriptResult> } {
  const file = name.includes('/') ? name : `scripts/${name}.ts`
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', file, ...args], {
    cwd: cmsDir,
    env: { ...process.env, ...npmScriptEnv(name), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()))
  const done = new Promise<ScriptResult>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, out, err })),
  )
  return { child, output: () => out + err, done }
}

/** Runs `scripts/<name>.ts` in a child process, as its npm script does, with extra environment, to its end. */
export function runScript(
  name: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<ScriptResult> {
  return startScript(name, args, env).done
}
