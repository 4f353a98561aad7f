/**
 * The command line of a cms bench and the figures it prints beside every result. `--name value`
 * pairs only: the benches pass their own options through to child processes, so util.parseArgs'
 * strict mode would refuse them.
 */
import os from 'node:os'

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
