import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { contentLines, trainingLines } from '../bench/pii-corpora'
import { loadCorpus, TUNING_FILES } from '../bench/pii.bench'
import { findPii } from '../src/pii'
import { defaultTagger, taggerFromFile } from '../src/pii/tagger'
import { taggerFileSchema } from '../src/pii/tagger/model'
import { taggerToFile, trainTagger } from '../src/pii/tagger/train'
import file from '../src/pii/tagger/weights.json'

describe('the masker’s tagger', () => {
  it('ships weights trained on every labelled corpus, in a file the schema accepts', () => {
    const parsed = taggerFileSchema.parse(file)
    expect(parsed.trainedOn).toEqual(TUNING_FILES.map((f) => path.basename(f)))
    expect(parsed.minMargin).toBeGreaterThan(0)
    expect(defaultTagger().weight.length).toBeGreaterThan(10_000)
  })

  it('names the field of a damaged weights file', () => {
    expect(() => taggerFileSchema.parse({ ...file, hashBits: 40 })).toThrow(/hashBits/)
    expect(() => taggerFromFile({ ...taggerFileSchema.parse(file), kinds: ['name'] })).toThrow(/other kinds/)
  })

  it('retrains to the same weights from the same lines and seed', { timeout: 60_000 }, () => {
    const lines = [...trainingLines(loadCorpus(TUNING_FILES[2])), ...contentLines().slice(0, 200)]
    const meta = { trainedOn: ['x'], seed: 7, epochs: 2 }
    const a = taggerToFile(trainTagger(lines, { seed: 7, epochs: 2 }), meta)
    const b = taggerToFile(trainTagger(lines, { seed: 7, epochs: 2 }), meta)
    expect(a.weights.length).toBeGreaterThan(100)
    expect(a).toEqual(b)
    // what the file says is what was trained: reading it back gives the same weights, quantized
    const back = taggerToFile(taggerFromFile(a), meta)
    expect(back.weights).toBe(a.weights)
  })

  it('only adds to the rules: every character a rule masks stays masked', () => {
    for (const f of TUNING_FILES.slice(-2))
      for (const { text } of loadCorpus(f)) {
        const both = findPii(text)
        for (const r of findPii(text, { tagger: null }))
          for (let i = r.start; i < r.end; i++)
            expect(
              both.some((b) => b.start <= i && i < b.end),
              text,
            ).toBe(true)
      }
  })

  it('is off with tagger: null and on text over 20,000 characters', () => {
    // a PIN the rules leave (too far from its cue) and the tagger finds
    const text = '暗証番号は車のナンバーと同じ4桁、7731とのこと'
    const pin = { kind: 'secret', start: text.indexOf('7731'), end: text.indexOf('7731') + 4 }
    expect(findPii(text)).toContainEqual(pin)
    expect(findPii(text, { tagger: null })).not.toContainEqual(pin)
    const long = `${text}。${'お問い合わせありがとうございました。'.repeat(1_200)}`
    expect(long.length).toBeGreaterThan(20_000)
    expect(findPii(long)).toEqual(findPii(long, { tagger: null }))
  })
})
