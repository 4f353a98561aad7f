import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describeFreshCorpusFormat } from './freshCorpusFormat'

// The seventh fresh corpus, checked without the masker (see freshCorpusFormat.ts): written held out by a
// hand that never ran the masker on it nor read its source, it stays unscored until its one planned
// run. New sentence frames (every line's character-bigram Dice against every earlier corpus line is
// below 0.60): hurried notes, western-Japan dialect, elderly callers, foreign residents, English.
const here = path.dirname(fileURLToPath(import.meta.url))

describeFreshCorpusFormat({
  title: 'the seventh fresh corpus (test/pii-fresh7.*.jsonl)',
  files: {
    dev: path.join(here, 'pii-fresh7.dev.jsonl'),
    test: path.join(here, 'pii-fresh7.test.jsonl'),
  },
  minLines: 340,
  minEmpty: 90,
  minLinesWith: { secret: 60, name: 80, myNumber: 30, phone: 30 },
})
