import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describeFreshCorpusFormat } from './freshCorpusFormat'

// The third and fourth fresh corpora, checked without the masker (see freshCorpusFormat.ts): a
// corpus stays unscored until its one planned run. The fourth is weighted to the hardest and most
// harmful kinds, secrets and names.
const here = path.dirname(fileURLToPath(import.meta.url))
const files = (name: string) => ({
  dev: path.join(here, `${name}.dev.jsonl`),
  test: path.join(here, `${name}.test.jsonl`),
})

describeFreshCorpusFormat({
  title: 'the third fresh corpus (test/pii-fresh3.*.jsonl)',
  files: files('pii-fresh3'),
  minLines: 360,
  minEmpty: 50,
})

describeFreshCorpusFormat({
  title: 'the fourth fresh corpus (test/pii-fresh4.*.jsonl)',
  files: files('pii-fresh4'),
  minLines: 420,
  minEmpty: 60,
  minLinesWith: { secret: 90, name: 90 },
})
