import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describeFreshCorpusFormat } from './freshCorpusFormat'

// The third fresh corpus, checked without the masker (see freshCorpusFormat.ts).
const here = path.dirname(fileURLToPath(import.meta.url))

describeFreshCorpusFormat({
  title: 'the third fresh corpus (test/pii-fresh3.*.jsonl)',
  files: { dev: path.join(here, 'pii-fresh3.dev.jsonl'), test: path.join(here, 'pii-fresh3.test.jsonl') },
  minLines: 360,
  minEmpty: 50,
})
