import { type ParseArgsConfig, parseArgs } from 'node:util'

import { UsageError } from '../errors'

/** The command line as node's parseArgs reads it; a refusal becomes a UsageError that ends with the usage. */
export function parseCommandLine<T extends ParseArgsConfig>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config)
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${usage}`)
  }
}

/** A whole-number option from `min` to `max`, else a UsageError naming it (with `why` the range is so). */
export function wholeNumberOption(
  value: string,
  name: string,
  [min, max]: readonly [number, number],
  usage: string,
  why?: string,
): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(
      `--${name} must be an integer from ${min} to ${max}${why ? ` (${why})` : ''}\n${usage}`,
    )
  return n
}
