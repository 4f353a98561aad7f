import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describeFreshCorpusFormat } from './freshCorpusFormat'

// The fourteenth fresh corpus, checked without the masker (see freshCorpusFormat.ts): written held out
// by a hand that never ran the masker on it nor read its source, it stays unscored until its one
// planned run. Weighted to PINs and passwords said in many ways (kana and kanji digits, spaced, full
// width, counted, read as a number or a time, goroawase, misheard by speech recognition), kana names,
// phones and My Numbers read aloud. New sentence frames (every line's character-bigram Dice against
// every earlier corpus line is below 0.60): raw speech-recognition transcripts, night-shift notes,
// shift handovers, read-backs, chatbot input logs, identity-check answers, scanned handwriting, fax
// drafts, unsent texts, family messages, supervisor escalations, complaint slips, training examples,
// intake cards by topic, translation apps, and Akita, Yamagata, Fukushima, Niigata, Nagano, Yamanashi,
// Wakayama, Tokushima, Kagawa, Ehime, Tottori, Okinawa and Hokkaido speech next to earlier regions.
const here = path.dirname(fileURLToPath(import.meta.url))

describeFreshCorpusFormat({
  title: 'the fourteenth fresh corpus (test/pii-fresh14.*.jsonl)',
  files: {
    dev: path.join(here, 'pii-fresh14.dev.jsonl'),
    test: path.join(here, 'pii-fresh14.test.jsonl'),
  },
  minLines: 410,
  minEmpty: 100,
  minLinesWith: { secret: 120, name: 100, myNumber: 44, phone: 40 },
})
