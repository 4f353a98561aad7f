/**
 * `npm run mask`: masks standard input to standard output, one output line per input line,
 * streaming (a line is written as soon as it is read, so it works on a pipe of any length).
 *   npm run -s mask < calls.txt > calls.masked.txt
 * As the CMS masks what it stores: the numbers and addresses the knowledge base publishes (the
 * city's and the national call centres' numbers, the city hall's address, from content/) stay.
 */
import { once } from 'node:events'
import readline from 'node:readline'

import { loadValidContent } from '@kotae/content'

import { contentAllowList, maskPii } from '../pii'

const keep = contentAllowList(await loadValidContent())

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0) // the reader went away (… | head)
  throw err
})

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
for await (const line of lines) {
  if (!process.stdout.write(`${maskPii(line, keep).text}\n`)) await once(process.stdout, 'drain')
}
