/**
 * An Error class whose `name` is `name`: for the errors a CLI tells apart with `instanceof` and
 * prints as their message alone (scripts/lib/runCli.ts). The name is given, not read from the
 * class, so a minified build keeps it.
 */
export const namedError = (name: string) =>
  class extends Error {
    override name = name
  }
