/**
 * `npm run mask`: masks standard input to standard output, one output line per input line,
 * streaming (a line is written as soon as it is read, so it works on a pipe of any length).
 *   npm run -s mask < calls.txt > calls.masked.txt
 */
import { once } from 'node:events'
import readline from 'node:readline'

import { maskPii } from '../pii'

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0) // the reader went away (… | head)
  throw err
})

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
for await (const line of lines) {
  if (!process.stdout.write(`${maskPii(line).text}\n`)) await once(process.stdout, 'drain')
}
