import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describeFreshCorpusFormat } from './freshCorpusFormat'

// The eighth fresh corpus, checked without the masker (see freshCorpusFormat.ts): written held out by a
// hand that never ran the masker on it nor read its source, it stays unscored until its one planned
// run. New sentence frames (every line's character-bigram Dice against every earlier corpus line is
// below 0.60): hand-over notes, speech-recognition transcripts, chats, voicemails, forms and mail
// subjects, Tohoku and Kyushu speech, names spelled out, PINs said in many ways.
const here = path.dirname(fileURLToPath(import.meta.url))

describeFreshCorpusFormat({
  title: 'the eighth fresh corpus (test/pii-fresh8.*.jsonl)',
  files: {
    dev: path.join(here, 'pii-fresh8.dev.jsonl'),
    test: path.join(here, 'pii-fresh8.test.jsonl'),
  },
  minLines: 350,
  minEmpty: 95,
  minLinesWith: { secret: 70, name: 80, myNumber: 35, phone: 35 },
})
