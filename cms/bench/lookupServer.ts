import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The operator seedLookupBench.ts creates (its BENCH_OPERATOR; that module runs its seed when imported). */
const BENCH_OPERATOR = { email: 'bench-operator@example.test', password: 'bench-operator-pass-1' }

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const run = (args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: cmsDir, env, stdio: ['ignore', 'inherit', 'inherit'] })
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`)),
    )
  })

export interface LookupServer {
  base: string
  dbFile: string
  /** What the server printed so far. */
  output: () => string
  /** Authorization headers of a signed-in user (the seeded operator by default). */
  login: (user?: { email: string; password: string }) => Promise<Record<string, string>>
  stop: () => void
}

/**
 * A real Kotae (`npm start`'s scripts) on a SQLite file in `dir` (BENCH_DATA_DIR, else a new temp
 * folder) seeded once by seedLookupBench.ts (BENCH_FAQS FAQs, BENCH_CALLS calls), without the
 * public-site build (KOTAE_SITE=off), listening on `port`. Shared by bench:lookup and bench:load.
 */
export async function startLookupServer(
  port: number,
  dir = process.env.BENCH_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-lookup-bench-')),
): Promise<LookupServer> {
  fs.mkdirSync(dir, { recursive: true })
  const dbFile = path.join(dir, 'kotae.db')
  const env = {
    ...process.env,
    KOTAE_SQLITE_PATH: dbFile,
    PAYLOAD_SECRET: 'kotae-bench-secret-0123456789',
    DATABASE_URL: '',
    PORT: String(port),
    PAYLOAD_DISABLE_DEPENDENCY_CHECKER: 'true',
    KOTAE_SITE: 'off',
  }
  const marker = path.join(dir, 'seeded')
  if (!fs.existsSync(marker)) {
    await run(['--conditions=production', '--import', 'tsx', 'bench/seedLookupBench.ts'], env)
    fs.writeFileSync(marker, new Date().toISOString())
  }
  await run(['scripts/build-if-stale.mjs'], env)

  // The server as `npm start` runs it (migrate, warm-up of the lookup index, next start).
  const server = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'scripts/start.ts'], {
    cwd: cmsDir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  server.stderr.on('data', (c: Buffer) => (output += c.toString()))
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM')
  }
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (c: Buffer) => {
        output += c.toString()
        if (output.includes('Kotae is running')) resolve()
      })
      server.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output.slice(-3000)}`)))
    })
  } catch (e) {
    stop()
    throw e
  }
  const base = `http://127.0.0.1:${port}`
  const login = async (user = BENCH_OPERATOR) => {
    const res = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(user),
    })
    return { Authorization: `JWT ${((await res.json()) as { token: string }).token}` }
  }
  return { base, dbFile, output: () => output, login, stop }
}
