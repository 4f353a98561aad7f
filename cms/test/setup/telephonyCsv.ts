import fs from 'node:fs'
import path from 'node:path'

/** The mapping of the generated PBX files (Japanese headers, a caller column). */
export const GENERATED_TELEPHONY_MAPPING = {
  encoding: 'utf-8',
  columns: {
    callId: '通話ID',
    queue: 'キュー',
    offeredAt: '着信日時',
    answeredAt: '応答日時',
    abandonedAt: '放棄日時',
    endedAt: '終話日時',
    agent: 'オペレーターID',
    caller: '発信者番号',
  },
  timestamps: { format: 'yyyy/MM/dd HH:mm:ss' },
}

/**
 * Writes a PBX call-detail CSV of `rows` calls in November 2026 (JST) to `file`, unless it exists:
 * call ids `${prefix}${i}`, 10 % abandoned, caller numbers. Written to `<file>.part` and renamed, so
 * an interrupted run never leaves a short file behind. Shared by bench:import, bench:reports, bench:crash and the crash test.
 */
export async function writeTelephonyCsv(file: string, rows: number, prefix = 'N'): Promise<string> {
  if (fs.existsSync(file)) return file
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const w = fs.createWriteStream(`${file}.part`)
  w.write('通話ID,キュー,着信日時,応答日時,放棄日時,終話日時,オペレーターID,発信者番号\n')
  const start = Date.UTC(2026, 10, 1) - 9 * 3_600_000
  const end = Date.UTC(2026, 11, 1) - 9 * 3_600_000
  const pad = (n: number) => String(n).padStart(2, '0')
  const fmt = (ms: number) => {
    const d = new Date(ms + 9 * 3_600_000)
    return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  }
  for (let i = 0; i < rows; i++) {
    const offered = start + Math.floor((i / rows) * (end - start - 3_600_000))
    const answered = i % 10 === 0 ? null : offered + (i % 60) * 1000
    const line = `${prefix}${i},mynumber,${fmt(offered)},${answered === null ? '' : fmt(answered)},${answered === null ? fmt(offered + 30_000) : ''},${fmt(offered + 300_000)},agent-${i % 24},090-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(i % 10_000).padStart(4, '0')}\n`
    if (!w.write(line)) await new Promise<void>((r) => w.once('drain', () => r()))
  }
  await new Promise<void>((r) => w.end(() => r()))
  fs.renameSync(`${file}.part`, file)
  return file
}
