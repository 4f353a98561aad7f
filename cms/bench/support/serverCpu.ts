/**
 * The PostgreSQL server's CPU for a bench step, read from /proc beside the bench (the server runs on
 * the same machine): the live backends of the bench's database plus what exited backends and
 * parallel workers left in their parent's (the postmaster's) cutime + cstime. Hand-written: the
 * server reports no CPU of its own. A difference around a step is that step's server CPU on a
 * cluster the bench has to itself (another database's backend exiting meanwhile would count too).
 */
import fs from 'node:fs'

import type { Sql } from '../../src/db/sql'

/** Linux's USER_HZ (the unit of /proc/<pid>/stat's times), 100 on every architecture Node runs on. */
const TICKS_PER_SECOND = 100

/** Fields of /proc/<pid>/stat after the command name: [state, ppid, …], or null when the process is gone. */
function stat(pid: number): string[] | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return text.slice(text.lastIndexOf(')') + 2).split(' ')
  } catch {
    return null
  }
}

/** CPU seconds so far of the database's backends and its postmaster's exited children; null when /proc has neither. */
export async function serverCpuSeconds(sql: Sql): Promise<number | null> {
  if (sql.dialect !== 'postgres') return null
  const rows = await sql.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  )
  const live = rows.map((r) => stat(Number(r.pid))).filter((f): f is string[] => f !== null)
  if (!live.length) return null
  // utime and stime are fields 14–15 of /proc/<pid>/stat, cutime and cstime 16–17 (here 11–14).
  const parent = stat(Number(live[0]![1]))
  const ticks =
    live.reduce((sum, f) => sum + Number(f[11]) + Number(f[12]), 0) +
    (parent ? Number(parent[13]) + Number(parent[14]) : 0)
  return ticks / TICKS_PER_SECOND
}
