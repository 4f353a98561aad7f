import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'

import {
  DEFAULT_TRANSCRIPT_MAPPING as M,
  parseTranscriptText,
  transcriptMappingSchema,
} from '../src/transcripts'
import { readTranscriptFile } from '../src/transcripts/index.node.ts'

const VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
<v オペレーター>お電話ありがとうございます。マイナンバーカードコールセンターです。

00:00:04.500 --> 00:00:09.000
<v お客様>カードの暗証番号を忘れてしまって

00:00:09.500 --> 00:00:12.000
オペレーター：暗証番号の再設定は窓口でできます。
`
const SRT = `1
00:00:01,000 --> 00:00:04,000
オペレーター: お電話ありがとうございます。

2
00:00:04,500 --> 00:00:09,000
[お客様] 更新の通知が届いたんですが

3
00:00:09,500 --> 00:00:12,000
SPEAKER_01: えーと
`

describe('transcript formats', () => {
  it('WebVTT: voice spans and label prefixes give the speaker; the file name is the call id', () => {
    const r = parseTranscriptText(VTT, 'P-1001.vtt', M)
    expect(r.errors).toEqual([])
    expect(r.format).toBe('vtt')
    expect(r.transcripts).toHaveLength(1)
    const t = r.transcripts[0]!
    expect([t.key, t.callId]).toEqual(['P-1001', 'P-1001'])
    expect(t.segments.map((s) => [s.speaker, s.start, s.end])).toEqual([
      ['operator', 1, 4],
      ['caller', 4.5, 9],
      ['operator', 9.5, 12],
    ])
    expect(t.segments[2]!.text).toBe('暗証番号の再設定は窓口でできます。')
  })

  it('SRT: comma milliseconds, labels before a colon or in brackets; a diarization label is an unknown speaker unless mapped', () => {
    const r = parseTranscriptText(SRT, 'P-1002.srt', M)
    expect(r.errors).toEqual([])
    expect(r.transcripts[0]!.segments.map((s) => [s.speaker, s.start, s.text])).toEqual([
      ['operator', 1, 'お電話ありがとうございます。'],
      ['caller', 4.5, '更新の通知が届いたんですが'],
      ['unknown', 9.5, 'えーと'],
    ])
    const mapped = parseTranscriptText(
      SRT,
      'P-1002.srt',
      transcriptMappingSchema.parse({ speakers: { SPEAKER_01: 'caller' } }),
    )
    expect(mapped.transcripts[0]!.segments[2]!.speaker).toBe('caller')
  })

  it('Whisper-style JSON with speakers and ids; a bare segment array takes the call id from the file name', () => {
    const json = JSON.stringify({
      call_id: 'P-2001',
      segments: [
        { start: 0, end: 2.5, text: 'はい', speaker: 'agent' },
        { start: 3, end: 5, text: '更新したいです', speaker: 'customer' },
      ],
    })
    const r = parseTranscriptText(json, 'x.json', M)
    expect(r.errors).toEqual([])
    expect(r.transcripts[0]!.key).toBe('P-2001')
    expect(r.transcripts[0]!.segments.map((s) => s.speaker)).toEqual(['operator', 'caller'])
    const bare = parseTranscriptText(
      JSON.stringify([{ start: 0, end: 1, text: 'もしもし' }]),
      'P-2002.json',
      M,
    )
    expect(bare.transcripts[0]!.key).toBe('P-2002')
    const byAgent = parseTranscriptText(
      JSON.stringify({
        agent: 'op-a',
        started_at: '2026-10-01 09:00:10',
        segments: [{ start: 0, end: 1, text: 'はい' }],
      }),
      'rec.json',
      M,
    )
    expect(byAgent.transcripts[0]).toMatchObject({
      key: 'op-a@2026-10-01T00:00:10.000Z',
      callId: null,
      agent: 'op-a',
    })
  })

  it('CSV: several calls in one file, rows grouped by call id', () => {
    const csv =
      'call_id,speaker,start,end,text\nP-1,operator,0,2,はい\nP-2,operator,0,1,もしもし\nP-1,caller,2.5,4,カードを失くしました\n'
    const r = parseTranscriptText(csv, 'day.csv', M)
    expect(r.errors).toEqual([])
    expect(r.transcripts.map((t) => [t.key, t.segments.length, t.line])).toEqual([
      ['P-1', 2, 2],
      ['P-2', 1, 3],
    ])
  })
})

describe('bad input is named by file and line', () => {
  it('an unknown format and an empty file', () => {
    expect(
      parseTranscriptText('これはただのメモです\n二行目', 'memo.txt', M).errors.map((e) => [e.code, e.line]),
    ).toEqual([['unknown-format', 1]])
    expect(parseTranscriptText('  \n', 'empty.vtt', M).errors.map((e) => e.code)).toEqual(['empty-file'])
  })

  it('a cue ending before it starts, and overlapping cues of one speaker (VTT, SRT, JSON, CSV)', () => {
    const vtt =
      'WEBVTT\n\n00:00:05.000 --> 00:00:02.000\n<v お客様>あの\n\n00:00:06.000 --> 00:00:09.000\n<v お客様>えっと\n\n00:00:08.000 --> 00:00:10.000\n<v お客様>はい\n'
    expect(parseTranscriptText(vtt, 'P-3.vtt', M).errors.map((e) => [e.code, e.line])).toEqual([
      ['end-before-start', 3],
      ['overlap', 9],
    ])
    const srt = '1\n00:00:05,000 --> 00:00:02,000\nお客様: あの\n'
    expect(parseTranscriptText(srt, 'P-4.srt', M).errors.map((e) => [e.code, e.line])).toEqual([
      ['end-before-start', 2],
    ])
    const json =
      '{"segments": [\n{"start": 3, "end": 1, "text": "a"},\n{"start": 4, "end": 6, "text": "b"},\n{"start": 5, "end": 7, "text": "c"}\n]}'
    expect(parseTranscriptText(json, 'P-5.json', M).errors.map((e) => [e.code, e.line])).toEqual([
      ['end-before-start', 2],
      ['overlap', 4],
    ])
    const csv =
      'call_id,speaker,start,end,text\nP-6,caller,0,2,a\nP-6,caller,1,3,b\nP-6,operator,1,3,c\nP-6,caller,9,x,d\n'
    expect(parseTranscriptText(csv, 'd.csv', M).errors.map((e) => [e.code, e.line])).toEqual([
      ['overlap', 3],
      ['bad-time', 5],
    ])
  })

  it('a transcript that names no call', () => {
    const json = JSON.stringify({ segments: [{ start: 0, end: 1, text: 'はい' }] })
    expect(
      parseTranscriptText(
        json,
        'rec.json',
        transcriptMappingSchema.parse({ fileName: '^rec-(?<agent>[a-z]+)$' }),
      ).errors.map((e) => e.code),
    ).toEqual(['no-call-reference'])
  })
})

describe('reading files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-transcripts-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  it('a file over the limit is refused by its size, before it is read', async () => {
    const f = path.join(dir, 'big.vtt')
    fs.writeFileSync(f, '')
    fs.truncateSync(f, 200 * 1024 * 1024) // sparse: 200 MB without writing them
    const r = await readTranscriptFile(f, 'big.vtt', M)
    expect(r.errors.map((e) => e.code)).toEqual(['too-large'])
    expect(r.errors[0]!.message).toContain('200.0 MB')
    fs.rmSync(f)
  })

  it('Shift_JIS is read; UTF-8 and Shift_JIS mixed in one file names the lines that do not read', async () => {
    const sjis = path.join(dir, 'P-7.srt')
    fs.writeFileSync(sjis, iconv.encode(SRT, 'cp932'))
    const ok = await readTranscriptFile(sjis, 'P-7.srt', M)
    expect([ok.encoding, ok.errors]).toEqual(['shift_jis', []])
    expect(ok.transcripts[0]!.segments[1]!.text).toBe('更新の通知が届いたんですが')
    const mixed = path.join(dir, 'P-8.vtt')
    fs.writeFileSync(
      mixed,
      Buffer.concat([
        Buffer.from(
          'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v お客様>こんにちは\n\n00:00:03.000 --> 00:00:04.000\n',
          'utf8',
        ),
        iconv.encode('<v お客様>更新です\n', 'cp932'),
      ]),
    )
    const r = await readTranscriptFile(mixed, 'P-8.vtt', M)
    // The detector settles on Shift_JIS (the file as a whole is not UTF-8): the UTF-8 line is the one named.
    expect(r.errors.map((e) => [e.code, e.line])).toEqual([['mixed-encoding', 4]])
    expect(r.transcripts).toEqual([])
  })

  it('an empty file', async () => {
    const f = path.join(dir, 'empty.json')
    fs.writeFileSync(f, '')
    expect((await readTranscriptFile(f, 'empty.json', M)).errors.map((e) => e.code)).toEqual(['empty-file'])
  })
})
