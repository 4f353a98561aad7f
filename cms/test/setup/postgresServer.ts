import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

/** Where the tests' throwaway databases are created. Override with KOTAE_TEST_PG_URL (a superuser URL, database omitted). */
export const TEST_PG_BASE = process.env.KOTAE_TEST_PG_URL ?? 'postgres://kotae_test:kotae_test@127.0.0.1:5432'

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'pipe', encoding: 'utf8' })

/**
 * Starts the machine's PostgreSQL 15 cluster and makes sure the test role exists.
 * No Docker: the Debian package `postgresql` (installed by .ci/run) provides the server.
 */
export function ensurePostgresServer(): void {
  if (process.env.KOTAE_TEST_PG_URL) return
  if (!fs.existsSync('/usr/bin/pg_ctlcluster')) {
    throw new Error(
      'PostgreSQL is not installed: run `apt-get install -y postgresql` (the tests need a real server).',
    )
  }
  const clusters = sh('pg_lsclusters', ['--no-header']).trim().split('\n').filter(Boolean)
  const [version, name, , status] = (clusters[0] ?? '').split(/\s+/)
  if (!version || !name) throw new Error('No PostgreSQL cluster found (pg_lsclusters printed nothing).')
  // A cluster stopped uncleanly (a machine reset mid-run) syncs its whole data directory before it
  // accepts connections: that took over pg_ctl's default 60 s here, so allow 5 minutes.
  if (status !== 'online') sh('pg_ctlcluster', [version, name, 'start', '--', '--timeout=300'])
  const psql = (sql: string) => sh('su', ['postgres', '-c', `psql -qtAc "${sql}"`]).trim()
  if (psql("SELECT 1 FROM pg_roles WHERE rolname='kotae_test'") !== '1') {
    psql("CREATE ROLE kotae_test LOGIN SUPERUSER PASSWORD 'kotae_test'")
  }
}

/** Names of this test run's throwaway databases start with this (the run id comes from global setup). */
export function testDatabasePrefix(): string {
  return `kotae_test_${process.env.KOTAE_TEST_RUN ?? 'adhoc'}_`
}
