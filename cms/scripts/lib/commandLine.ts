import { type ParseArgsConfig, parseArgs } from 'node:util'

/**
 * The command line as node's parseArgs reads it, or undefined after printing its refusal (an
 * unknown or malformed option) and the usage: the CLI then returns exit code 2.
 */
export function parseCommandLine<T extends ParseArgsConfig>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> | undefined {
  try {
    return parseArgs(config)
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`)
    return undefined
  }
}
