/**
 * The command line of a cms bench and the figures it prints beside every result. `--name value`
 * pairs only: the benches pass their own options through to child processes, so util.parseArgs'
 * strict mode would refuse them.
 */
import os from 'node:os'

import type {
  TelephonyImportFailure,
  TelephonyImportSummary,
} from '../../src/collections/TelephonyRecords/importTelephony'

const argv = process.argv.slice(2)

/** The value after `--name`, else `fallback`. */
export const arg = (name: string, fallback: string): string => {
  const i = argv.indexOf(`--${name}`)
  return i >= 0 ? argv[i + 1]! : fallback
}

/** Whether the bare flag `--name` was given. */
export const flag = (name: string): boolean => argv.includes(`--${name}`)

/** This process's peak resident set size, in MB. */
export const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024)

/** The 1, 5 and 15 minute load averages: the machine is shared, so every timing is printed beside them. */
export const loadAverages = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

/** Wall and CPU seconds (this process's) of one step, with the load averages before → after it. */
export async function measure<T>(
  step: () => Promise<T>,
): Promise<{ value: T; seconds: string; cpuSeconds: string; load: string }> {
  const before = loadAverages()
  const t = performance.now()
  const cpu = process.cpuUsage()
  const value = await step()
  const used = process.cpuUsage(cpu)
  return {
    value,
    seconds: ((performance.now() - t) / 1000).toFixed(2),
    cpuSeconds: ((used.user + used.system) / 1e6).toFixed(2),
    load: `${before} → ${loadAverages()}`,
  }
}

/** What the benches print of one telephony import: its counts and each step's seconds, or the first problems. */
export const telephonyImportFigures = (r: TelephonyImportSummary | TelephonyImportFailure) =>
  r.ok
    ? {
        rows: r.rows,
        inserted: r.inserted,
        updated: r.updated,
        unchanged: r.unchanged,
        links: r.links,
        steps: r.seconds,
      }
    : { errors: r.errorCount, first: r.errors.slice(0, 3) }
