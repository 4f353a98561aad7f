import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describeFreshCorpusFormat } from './freshCorpusFormat'

// The twelfth fresh corpus, checked without the masker (see freshCorpusFormat.ts): written held out by a
// hand that never ran the masker on it nor read its source, it stays unscored until its one planned
// run. New sentence frames (every line's character-bigram Dice against every earlier corpus line is
// below 0.60): IVR key-press logs, SMS send records, night-to-day hand-over boards, speech-recognition
// logs with their confidence, complaint records, extension memos, proxy check sheets, booking ledgers,
// returned-mail records, call-history transcriptions, sticky notes, correction requests, three-way
// interpreter calls, fast-speech transcriptions, web-chat summaries, intake slips, calls from care
// homes, hospitals and banks, and Kagoshima, Nagasaki, Oita, Ehime, Kagawa, Tokushima, Shimane,
// Tottori, Kyoto, Wakayama, Mie, Niigata, Nagano, Yamanashi, Gunma, Tochigi, Akita, Aomori, Iwate,
// Yamagata, Fukushima, Fukui, Nara, Kochi and Okayama speech.
const here = path.dirname(fileURLToPath(import.meta.url))

describeFreshCorpusFormat({
  title: 'the twelfth fresh corpus (test/pii-fresh12.*.jsonl)',
  files: {
    dev: path.join(here, 'pii-fresh12.dev.jsonl'),
    test: path.join(here, 'pii-fresh12.test.jsonl'),
  },
  minLines: 400,
  minEmpty: 100,
  minLinesWith: { secret: 80, name: 100, myNumber: 38, phone: 34 },
})
