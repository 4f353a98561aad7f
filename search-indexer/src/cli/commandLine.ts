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
