/**
 * `npm run import:transcripts -- <file or folder>… [--mapping m.json] [--max-mb 100]`: call
 * transcripts (WebVTT, SRT, Whisper-style JSON, CSV) into the configured database, every segment
 * masked first. Every file is validated before anything is written; any bad file or line fails the
 * whole run with every problem listed. The same files again change nothing.
 * `--unlinked` lists the stored transcripts no call log matched yet.
 * `--audio rec.wav --call-id P-1`: the recording through the city's speech-to-text server
 * (KOTAE_STT_URL; off by default, src/transcripts/stt.ts), then the same import.
 * Exit code 0 on success, 1 on bad input, 2 on wrong arguments. Static imports only (see seed.ts).
 */
import fs from 'node:fs'
import path from 'node:path'

import os from 'node:os'

import { getMigratedPayload } from '../src/lib/payload'
import { importTranscripts, transcriptFilesIn } from '../src/transcripts/import'
import { SttError, sttSettings, transcribeAudio } from '../src/transcripts/stt'
import { parseCommandLine } from './lib/commandLine'
import { runCli } from './lib/runCli'

const USAGE =
  'usage: npm run import:transcripts -- <file or folder>… [--mapping m.json] [--max-mb 100] | --unlinked | --audio <rec.wav> --call-id <id>'

async function main(): Promise<number> {
  const args = parseCommandLine(
    {
      options: {
        mapping: { type: 'string' },
        'max-mb': { type: 'string' },
        unlinked: { type: 'boolean' },
        audio: { type: 'string' },
        'call-id': { type: 'string' },
      },
      allowPositionals: true,
    },
    USAGE,
  )
  if (!args) return 2
  if (args.values.unlinked) return listUnlinked()
  if (args.values.audio) {
    const stt = sttSettings()
    if (!stt) {
      console.error(
        '音声の文字起こしは設定されていません（KOTAE_STT_URL に市の音声認識サーバーを設定してください）',
      )
      return 2
    }
    if (!args.values['call-id']) {
      console.error(`--audio には --call-id が必要です\n${USAGE}`)
      return 2
    }
    const { segments } = await transcribeAudio(
      path.resolve(process.env.INIT_CWD ?? process.cwd(), args.values.audio),
      stt,
    )
    // Unmasked text goes no further than this 0600 file, which the import reads, masks and removes.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-stt-'))
    const file = path.join(dir, `${args.values['call-id'].replace(/[^\w.-]/g, '_')}.json`)
    fs.writeFileSync(file, JSON.stringify({ call_id: args.values['call-id'], segments }), { mode: 0o600 })
    args.positionals.push(file)
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
  }
  if (!args.positionals.length) {
    console.error(USAGE)
    return 2
  }
  // npm -w runs this in cms/: paths are relative to where the user typed the command.
  const base = process.env.INIT_CWD ?? process.cwd()
  const targets = args.positionals.map((p) => path.resolve(base, p))
  const mappingFile = args.values.mapping ? path.resolve(base, args.values.mapping) : null
  for (const f of mappingFile ? [mappingFile, ...targets] : targets) {
    if (!fs.existsSync(f)) {
      console.error(`ファイルがありません: ${f}`)
      return 2
    }
  }
  const maxMb = args.values['max-mb'] === undefined ? undefined : Number(args.values['max-mb'])
  if (maxMb !== undefined && !(maxMb > 0 && maxMb <= 1024)) {
    console.error('--max-mb は 1～1024 の数です')
    return 2
  }
  const files = targets.flatMap(transcriptFilesIn)
  const payload = await getMigratedPayload()
  try {
    const r = await importTranscripts(payload, {
      files,
      mapping: mappingFile ? fs.readFileSync(mappingFile, 'utf8') : undefined,
      maxBytes: maxMb === undefined ? undefined : maxMb * 1024 * 1024,
    })
    if (!r.ok) {
      for (const e of r.errors)
        console.error(
          `${e.file}${e.line === null ? '' : ` ${e.line}行目`}: ${e.message}${e.value ? `（値: ${e.value}）` : ''} [${e.code}]`,
        )
      const bad = new Set(r.errors.map((e) => e.file)).size
      console.error(
        `取り込みを中止しました: ${r.errors.length} 件の問題（${r.files} ファイル中 ${bad} ファイル）。1 件も登録していません。`,
      )
      return 1
    }
    console.log(
      `取り込みました: ${r.files} ファイル、文字起こし ${r.transcripts} 件（発話 ${r.segments}、すべてマスク済み）— 新規 ${r.inserted}、更新 ${r.updated}、変更なし ${r.unchanged}。` +
        `問い合わせ記録との照合: 通話ID ${r.links.byCallId}、担当者と時刻 ${r.links.byAgentTime}、未照合 ${r.links.unlinked}` +
        `（読み込みとマスク ${r.seconds.read} 秒、照合 ${r.seconds.check} 秒、書き込み ${r.seconds.write} 秒）`,
    )
    if (r.unlinkedKeys.length)
      console.log(
        `未照合（管理画面 → 通話の文字起こし、照合方法「未照合」）: ${r.unlinkedKeys.slice(0, 20).join(', ')}${r.unlinkedKeys.length > 20 ? ` ほか ${r.unlinkedKeys.length - 20} 件` : ''}`,
      )
    return 0
  } finally {
    await payload.destroy()
  }
}

async function listUnlinked(): Promise<number> {
  const payload = await getMigratedPayload()
  try {
    const { docs, totalDocs } = await payload.find({
      collection: 'transcripts',
      where: { linkMethod: { equals: 'unlinked' } },
      select: { transcriptKey: true, startedAt: true },
      sort: 'createdAt',
      limit: 1000,
      depth: 0,
      overrideAccess: true,
    })
    for (const d of docs) console.log(`${d.transcriptKey}${d.startedAt ? `\t${d.startedAt}` : ''}`)
    console.log(`未照合の文字起こし: ${totalDocs} 件`)
    return 0
  } finally {
    await payload.destroy()
  }
}

runCli(main, [SttError])
