import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describeFreshCorpusFormat } from './freshCorpusFormat'

// The sixth fresh corpus, checked without the masker (see freshCorpusFormat.ts): written held out by a
// hand that never ran the masker on it nor read its source, it stays unscored until its one planned
// run. New sentence frames (every line's character-bigram Dice against every earlier corpus line is
// below 0.60): hurried notes, western-Japan dialect, elderly callers, foreign residents, English.
const here = path.dirname(fileURLToPath(import.meta.url))

describeFreshCorpusFormat({
  title: 'the sixth fresh corpus (test/pii-fresh6.*.jsonl)',
  files: {
    dev: path.join(here, 'pii-fresh6.dev.jsonl'),
    test: path.join(here, 'pii-fresh6.test.jsonl'),
  },
  minLines: 360,
  minEmpty: 95,
  minLinesWith: { secret: 65, name: 68, myNumber: 36, phone: 32 },
})
