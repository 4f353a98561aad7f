import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { DEFAULT_CONTENT_DIR } from '../src/load'

/** A copy of the real corpus in a temp folder, to break on purpose. */
export function copyCorpus(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-content-'))
  for (const name of ['categories.yaml', 'sources.yaml', 'synonyms.yaml', 'city.yaml', 'faqs', 'guides']) {
    fs.cpSync(path.join(DEFAULT_CONTENT_DIR, name), path.join(dir, name), { recursive: true })
  }
  return dir
}

export function edit(dir: string, file: string, change: (text: string) => string): void {
  const full = path.join(dir, file)
  fs.writeFileSync(full, change(fs.readFileSync(full, 'utf8')))
}
