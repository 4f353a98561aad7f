/** Offsets within a recording: seconds (`12.5`), or `hh:mm:ss.mmm` / `mm:ss.mmm` with `.` or `,` (SRT). NaN when unreadable. */
export function parseOffset(text: string): number {
  const t = text.trim()
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t)
  const m = /^(?:(\d{1,3}):)?([0-5]?\d):([0-5]\d)(?:[.,](\d{1,3}))?$/.exec(t)
  if (!m) return Number.NaN
  return (m[1] ? +m[1] * 3600 : 0) + +m[2]! * 60 + +m[3]! + (m[4] ? +m[4].padEnd(3, '0') / 1000 : 0)
}

/** Seconds as the admin shows them: m:ss. */
export const formatOffset = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`
