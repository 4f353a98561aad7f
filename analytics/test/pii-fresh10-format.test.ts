import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describeFreshCorpusFormat } from './freshCorpusFormat'

// The tenth fresh corpus, checked without the masker (see freshCorpusFormat.ts): written held out by a
// hand that never ran the masker on it nor read its source, it stays unscored until its one planned
// run. New sentence frames (every line's character-bigram Dice against every earlier corpus line is
// below 0.60): callback requests, shift handovers, time-stamped transcripts, speech-recognition logs,
// e-mail subjects, handwritten-note transcriptions, quality checks, booking-system remarks, SMS, and
// Kagoshima, Akita, Tsugaru, Sanuki, Iyo, Izumo, Kyoto and Nagasaki speech.
const here = path.dirname(fileURLToPath(import.meta.url))

describeFreshCorpusFormat({
  title: 'the tenth fresh corpus (test/pii-fresh10.*.jsonl)',
  files: {
    dev: path.join(here, 'pii-fresh10.dev.jsonl'),
    test: path.join(here, 'pii-fresh10.test.jsonl'),
  },
  minLines: 370,
  minEmpty: 105,
  minLinesWith: { secret: 80, name: 105, myNumber: 40, phone: 35 },
})
