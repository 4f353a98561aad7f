import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describeFreshCorpusFormat } from './freshCorpusFormat'

// The fourth fresh corpus, checked without the masker (see freshCorpusFormat.ts): it stays unscored
// until its one planned run. Weighted to the hardest and most harmful kinds, secrets and names.
const here = path.dirname(fileURLToPath(import.meta.url))

describeFreshCorpusFormat({
  title: 'the fourth fresh corpus (test/pii-fresh4.*.jsonl)',
  files: { dev: path.join(here, 'pii-fresh4.dev.jsonl'), test: path.join(here, 'pii-fresh4.test.jsonl') },
  minLines: 420,
  minEmpty: 60,
  minLinesWith: { secret: 90, name: 90 },
})
