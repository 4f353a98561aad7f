/**
 * Read-only SQLite connections on worker threads, for the report's bulk reads.
 *
 * Why threads: SQLite runs inside our process and its statements are synchronous, so on the main
 * thread the report's reads (telephony counts, call logs, FAQ links) ran one after another and
 * the JavaScript that counts them waited in between — a million-call month was about 5 s of one
 * core. On two threads the reads run side by side, and the main thread counts one result while the
 * next is read (load.ts already asks for reads that way; on PostgreSQL the server runs them).
 *
 * Each thread opens the file with the `libsql` engine (better-sqlite3's API: raw array rows,
 * statements prepared once) and only answers `{ text, params }` with rows; the SQL is built on the
 * main thread. The thread's code is a string (`eval`), so it needs no build step or bundling.
 * The threads of a file are shared by the reports running at once (the dashboard asks for three)
 * and stop when unused for IDLE_MS; an idle thread does not keep the process alive.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

/** The thread: open the file read-only, then run each statement it is sent. */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.libsql)
const db = new Database(workerData.file)
for (const p of workerData.pragmas) db.pragma(p)
const statements = new Map()
parentPort.on('message', ({ id, text, params }) => {
  try {
    let stmt = statements.get(text)
    if (!stmt) statements.set(text, (stmt = db.prepare(text).raw(true)))
    parentPort.postMessage({ id, rows: stmt.all(...params) })
  } catch (e) {
    parentPort.postMessage({ id, error: e && e.message ? e.message : String(e) })
  }
})
`

/**
 * Read-only, and a page cache to match a month: with SQLite's default 2 MB cache a million calls
 * took 15 s of page reads instead of 4 s (the cache fills only as pages are read; the memory map
 * is the OS's page cache, shared by the threads).
 */
const PRAGMAS = ['query_only = 1', 'cache_size = -262144', 'mmap_size = 1073741824']

/**
 * The `libsql` package's entry, resolved here so the thread finds the same one wherever the process
 * runs. Inside the Next.js server bundle `require.resolve` answers a module number, not a path: the
 * thread then resolves the bare name itself, from the working directory (the repository).
 */
function libsqlPath(): string {
  try {
    const resolved: unknown = createRequire(import.meta.url).resolve('libsql')
    if (typeof resolved === 'string' && path.isAbsolute(resolved)) return resolved
  } catch {
    // resolved by the thread below
  }
  return 'libsql'
}

/** How long unused threads wait for the next report before they stop. */
const IDLE_MS = 30_000

interface Pending {
  resolve(rows: unknown[][]): void
  reject(e: Error): void
}

class SqliteThreads {
  private readonly workers: { worker: Worker; pending: Map<number, Pending> }[] = []
  private nextId = 0
  private failed: Error | null = null

  /** A thread failed: later reports start new ones. */
  get broken(): boolean {
    return this.failed !== null
  }

  constructor(file: string, threads = 2) {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(THREAD, {
        eval: true,
        workerData: { file, libsql: libsqlPath(), pragmas: PRAGMAS },
      })
      const pending = new Map<number, Pending>()
      worker.unref()
      worker.on('message', ({ id, rows, error }: { id: number; rows?: unknown[][]; error?: string }) => {
        const p = pending.get(id)
        pending.delete(id)
        if (!pending.size) worker.unref()
        if (error !== undefined) p?.reject(new Error(`SQLite: ${error}`))
        else p?.resolve(rows!)
      })
      const fail = (e: Error) => {
        this.failed = e
        for (const p of pending.values()) p.reject(e)
        pending.clear()
      }
      worker.on('error', fail)
      worker.on(
        'exit',
        (code) => code !== 0 && fail(new Error(`SQLite reader thread exited with code ${code}`)),
      )
      this.workers.push({ worker, pending })
    }
  }

  /** Runs `text` on the thread with the fewest statements waiting. */
  rows(text: string, params: readonly unknown[]): Promise<unknown[][]> {
    if (this.failed) return Promise.reject(this.failed)
    const target = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a))
    const id = this.nextId++
    // A thread with work keeps the process alive (the promise alone would not).
    target.worker.ref()
    return new Promise((resolve, reject) => {
      target.pending.set(id, { resolve, reject })
      target.worker.postMessage({ id, text, params: params.map((p) => (p === undefined ? null : p)) })
    })
  }

  close(): void {
    for (const { worker } of this.workers) void worker.terminate()
  }
}

const shared = new Map<string, { threads: SqliteThreads; users: number; idle?: NodeJS.Timeout }>()

/** The reader threads of `file`, shared; call `release()` when done with them. */
export function sqliteThreadsFor(file: string): { rows: SqliteThreads['rows']; release(): void } {
  // Keyed by the file's inode too: a file replaced at the same path (a restore) gets new connections.
  const key = `${file}#${fs.statSync(file).ino}`
  let entry = shared.get(key)
  if (!entry || entry.threads.broken) {
    entry?.threads.close()
    entry = { threads: new SqliteThreads(file), users: 0 }
    shared.set(key, entry)
  }
  const e = entry
  clearTimeout(e.idle)
  e.users++
  let released = false
  return {
    rows: (text, params) => e.threads.rows(text, params),
    release() {
      if (released) return
      released = true
      if (--e.users > 0) return
      e.idle = setTimeout(() => {
        if (e.users > 0) return
        e.threads.close()
        if (shared.get(key) === e) shared.delete(key)
      }, IDLE_MS)
      e.idle.unref()
    },
  }
}
