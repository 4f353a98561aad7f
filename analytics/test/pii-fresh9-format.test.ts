import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describeFreshCorpusFormat } from './freshCorpusFormat'

// The ninth fresh corpus, checked without the masker (see freshCorpusFormat.ts): written held out by a
// hand that never ran the masker on it nor read its source, it stays unscored until its one planned
// run. New sentence frames (every line's character-bigram Dice against every earlier corpus line is
// below 0.60): supervisor escalations, OCR read-outs of forms, LINE forwards, interpreter relays, chat-bot
// inputs, call-monitoring findings, survey free text, Nagoya, Okayama and Tosa speech, PINs in counting
// words, wordplay and English, My Numbers with a wrong check digit, 11 or 13 digits, and corrections.
const here = path.dirname(fileURLToPath(import.meta.url))

describeFreshCorpusFormat({
  title: 'the ninth fresh corpus (test/pii-fresh9.*.jsonl)',
  files: {
    dev: path.join(here, 'pii-fresh9.dev.jsonl'),
    test: path.join(here, 'pii-fresh9.test.jsonl'),
  },
  minLines: 380,
  minEmpty: 100,
  minLinesWith: { secret: 80, name: 85, myNumber: 40, phone: 35 },
})
