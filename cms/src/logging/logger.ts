/**
 * Kotae's server log: JSON lines (one object per line, for the city's log collector) that never
 * carry personal data. Payload's database adapters put a failed query's parameter values in the
 * error message ("Failed query: insert … params: 山田,090-…"), and PostgreSQL puts row values in
 * `detail` ("Key (email)=(…) already exists"): an error is logged with its kind, code and message
 * only, parameter lists cut out, and no detail, parameters or request body.
 */
import type { SanitizedConfig } from 'payload'

/** A failed query's parameter list, as drizzle appends it to the message and the stack. */
const PARAMS = /\nparams: [^\n]*/g

export const withoutParameters = (text: string): string => text.replace(PARAMS, '\nparams: [hidden]')

type LoggedError = { type: string; message: string; code?: string; stack?: string; cause?: LoggedError }

/** The error serializer of Kotae's logger (pino calls it for the `err` key). */
export function serializeError(err: unknown, depth = 0): LoggedError | unknown {
  if (!(err instanceof Error)) return err
  const code = (err as { code?: unknown }).code
  const cause = (err as { cause?: unknown }).cause
  return {
    type: err.name,
    message: withoutParameters(err.message),
    ...(typeof code === 'string' ? { code } : {}),
    ...(err.stack ? { stack: withoutParameters(err.stack) } : {}),
    ...(cause instanceof Error && depth < 3
      ? { cause: serializeError(cause, depth + 1) as LoggedError }
      : {}),
  }
}

/**
 * A log call's arguments with parameter lists cut from its message too: Payload logs a failed
 * query as `{ err, msg: err.message }`, so the message repeats what the error serializer cuts.
 */
export function withoutParametersInArguments(args: unknown[]): unknown[] {
  return args.map((arg) => {
    if (typeof arg === 'string') return withoutParameters(arg)
    if (
      arg &&
      typeof arg === 'object' &&
      !(arg instanceof Error) &&
      'msg' in arg &&
      typeof arg.msg === 'string'
    )
      return { ...arg, msg: withoutParameters(arg.msg) }
    return arg
  })
}

/**
 * For a CLI's Payload: Kotae's logger at level warn, on standard error (standard output carries the
 * CLI's own output), with the serializers that keep personal data out. Payload's types mark a
 * sanitized config's logger options all required (which no options object is); Payload takes the
 * same pino options there as in the config, hence the one cast.
 */
export const cliLogger = (): SanitizedConfig['logger'] =>
  ({
    options: { ...kotaeLoggerOptions.options, level: 'warn' },
    destination: process.stderr,
  }) as unknown as SanitizedConfig['logger']

/** For Payload's `logger` setting: pino options, written to standard output as JSON lines. */
export const kotaeLoggerOptions = {
  options: {
    name: 'kotae',
    serializers: { err: serializeError, error: serializeError },
    hooks: {
      logMethod(this: unknown, args: unknown[], method: (...args: unknown[]) => void) {
        method.apply(this, withoutParametersInArguments(args))
      },
    },
  },
}
