import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describeFreshCorpusFormat } from './freshCorpusFormat'

// The eleventh fresh corpus, checked without the masker (see freshCorpusFormat.ts): written held out by a
// hand that never ran the masker on it nor read its source, it stays unscored until its one planned
// run. New sentence frames (every line's character-bigram Dice against every earlier corpus line is
// below 0.60): chat-window logs, voicemail transcriptions, web-form fields, callback lists, supervisor
// notes, counter hand-off slips, after-call survey comments, mis-sent reports, dictation requests,
// recording reviews, consultation slips, faxed handwriting, and Nagoya, Shizuoka, Kanazawa, Okinawa,
// Miyazaki, Yamaguchi, Toyama, Sendai, Ibaraki, Hokkaido, Tosa, Kumamoto, Gifu and Fukui speech.
const here = path.dirname(fileURLToPath(import.meta.url))

describeFreshCorpusFormat({
  title: 'the eleventh fresh corpus (test/pii-fresh11.*.jsonl)',
  files: {
    dev: path.join(here, 'pii-fresh11.dev.jsonl'),
    test: path.join(here, 'pii-fresh11.test.jsonl'),
  },
  minLines: 390,
  minEmpty: 110,
  minLinesWith: { secret: 80, name: 110, myNumber: 40, phone: 35 },
})
