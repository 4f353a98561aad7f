type ErrorClass = abstract new (...args: never[]) => Error

/**
 * Runs a CLI's `main` and exits with its code. An error of one of the `expected` classes (a
 * refusal the user can act on: its message names the setting, file or option) is printed as its
 * message alone, with exit code 1; anything else is printed whole (stack included), also with 1.
 */
export function runCli(main: () => Promise<number>, expected: readonly ErrorClass[] = []): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(expected.some((c) => error instanceof c) ? (error as Error).message : error)
      process.exit(1)
    },
  )
}
