import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describeFreshCorpusFormat } from './freshCorpusFormat'

// The thirteenth fresh corpus, checked without the masker (see freshCorpusFormat.ts): written held out
// by a hand that never ran the masker on it nor read its source, it stays unscored until its one
// planned run. New sentence frames (every line's character-bigram Dice against every earlier corpus
// line is below 0.60): callback queues, recording reviews, QA score sheets, training role-play
// scripts, transfers to the citizens' division, LINE chat logs, sign-language relay calls, voicemail
// transcripts, duplicate-call checks, address-label copies, calls from grandchildren, welfare
// volunteers, police boxes, employers, schools, estate agents, care managers, visiting nurses,
// lawyers and banks, lock interviews and PIN notes read back, and Saga, Kumamoto, Miyazaki,
// Yamaguchi, Toyama, Ishikawa, Shizuoka, Gifu, Banshu, Miyagi, Ibaraki, Chiba, Shiga and Okayama
// speech next to the regions of earlier corpora.
const here = path.dirname(fileURLToPath(import.meta.url))

describeFreshCorpusFormat({
  title: 'the thirteenth fresh corpus (test/pii-fresh13.*.jsonl)',
  files: {
    dev: path.join(here, 'pii-fresh13.dev.jsonl'),
    test: path.join(here, 'pii-fresh13.test.jsonl'),
  },
  minLines: 390,
  minEmpty: 95,
  minLinesWith: { secret: 80, name: 105, myNumber: 42, phone: 38 },
})
