/** `npm run mask`: masks standard input to standard output, one line per line, streaming. */
import readline from 'node:readline'

import { maskPii } from '../pii'

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
for await (const line of lines) process.stdout.write(`${maskPii(line).text}\n`)
