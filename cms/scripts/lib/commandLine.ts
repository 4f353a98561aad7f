import { type ParseArgsConfig, parseArgs } from 'node:util'

import type { z } from 'zod'

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

/**
 * The options' values as `schema` makes them, or undefined after printing each problem as
 * `--option: message` and then the usage: the CLI then returns exit code 2.
 */
export function parseValidCommandLine<T extends ParseArgsConfig, S extends z.ZodType>(
  config: T,
  schema: S,
  usage: string,
): z.output<S> | undefined {
  const raw = parseCommandLine(config, usage)
  if (!raw) return undefined
  const parsed = schema.safeParse(raw.values)
  if (!parsed.success) {
    for (const i of parsed.error.issues) console.error(`--${i.path.join('.')}: ${i.message}`)
    console.error(usage)
    return undefined
  }
  return parsed.data
}
