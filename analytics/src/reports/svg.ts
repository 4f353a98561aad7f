/**
 * Bar charts as inline SVG, drawn on the server: the PDF and the admin page need no chart script
 * and nothing from outside (a chart library would need a browser DOM or a bundle for three bar
 * charts). Text is escaped; sizes are in CSS pixels and scale with the viewBox.
 */
export const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export interface Series {
  name: string
  values: readonly number[]
  color: string
}

/** A step for axis ticks: 1, 2 or 5 × 10^n, about `count` ticks up to max. */
function niceStep(max: number, count = 4): number {
  if (max <= 0) return 1
  const raw = max / count
  const mag = 10 ** Math.floor(Math.log10(raw))
  const n = raw / mag
  return Math.max(1, (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag)
}

const legend = (series: readonly Series[], x: number, y: number) =>
  series
    .map(
      (s, i) =>
        `<rect x="${x + i * 130}" y="${y - 9}" width="10" height="10" fill="${s.color}"/><text x="${x + i * 130 + 14}" y="${y}" font-size="11">${esc(s.name)}</text>`,
    )
    .join('')

/** Grouped vertical bars, one group per label (hours, days, months). */
export function columnChart(o: {
  title: string
  labels: readonly string[]
  series: readonly Series[]
  width?: number
  height?: number
  labelEvery?: number
}): string {
  const width = o.width ?? 680
  const height = o.height ?? 240
  const left = 44
  const right = 8
  const top = 30
  const bottom = 36
  const plotW = width - left - right
  const plotH = height - top - bottom
  const max = Math.max(0, ...o.series.flatMap((s) => s.values))
  const step = niceStep(max)
  const ceil = Math.max(step, Math.ceil(max / step) * step)
  const groupW = plotW / Math.max(1, o.labels.length)
  const barW = Math.max(1, (groupW * 0.8) / Math.max(1, o.series.length))
  const every = o.labelEvery ?? Math.max(1, Math.ceil(o.labels.length / 24))
  const parts: string[] = []
  for (let v = 0; v <= ceil; v += step) {
    const y = top + plotH - (v / ceil) * plotH
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y}" y2="${y}" stroke="#ccc" stroke-width="0.5"/><text x="${left - 4}" y="${y + 3}" font-size="9" text-anchor="end">${v.toLocaleString('ja-JP')}</text>`,
    )
  }
  o.labels.forEach((label, i) => {
    const gx = left + i * groupW + groupW * 0.1
    o.series.forEach((s, j) => {
      const v = s.values[i] ?? 0
      const h = (v / ceil) * plotH
      parts.push(
        `<rect x="${(gx + j * barW).toFixed(2)}" y="${(top + plotH - h).toFixed(2)}" width="${(barW * 0.95).toFixed(2)}" height="${h.toFixed(2)}" fill="${s.color}"><title>${esc(label)} ${esc(s.name)} ${v}</title></rect>`,
      )
    })
    if (i % every === 0)
      parts.push(
        `<text x="${(left + i * groupW + groupW / 2).toFixed(2)}" y="${top + plotH + 12}" font-size="9" text-anchor="middle">${esc(label)}</text>`,
      )
  })
  parts.push(
    `<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#333" stroke-width="0.8"/>`,
  )
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(o.title)}">` +
    `<text x="${left}" y="14" font-size="12" font-weight="bold">${esc(o.title)}</text>${legend(o.series, width - 130 * o.series.length - right, 14)}` +
    parts.join('') +
    (max === 0
      ? `<text x="${left + plotW / 2}" y="${top + plotH / 2}" font-size="12" text-anchor="middle" fill="#666">データがありません（0 件）</text>`
      : '') +
    `</svg>`
  )
}

/** Horizontal bars, one row per label (topics), with the value at the bar's end. */
export function barChart(o: {
  title: string
  labels: readonly string[]
  values: readonly number[]
  color: string
  width?: number
}): string {
  const width = o.width ?? 680
  const rowH = 18
  const top = 24
  const labelW = 200
  const height = top + Math.max(1, o.labels.length) * rowH + 8
  const max = Math.max(0, ...o.values)
  const plotW = width - labelW - 60
  const rows = o.labels.map((label, i) => {
    const v = o.values[i] ?? 0
    const w = max ? (v / max) * plotW : 0
    const y = top + i * rowH
    const shown = label.length > 16 ? `${label.slice(0, 15)}…` : label
    return `<text x="${labelW - 6}" y="${y + 12}" font-size="10" text-anchor="end">${esc(shown)}</text><rect x="${labelW}" y="${y + 3}" width="${w.toFixed(2)}" height="${rowH - 6}" fill="${o.color}"/><text x="${(labelW + w + 4).toFixed(2)}" y="${y + 12}" font-size="10">${v.toLocaleString('ja-JP')}</text>`
  })
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(o.title)}">` +
    `<text x="0" y="14" font-size="12" font-weight="bold">${esc(o.title)}</text>` +
    (o.labels.length
      ? rows.join('')
      : `<text x="${labelW}" y="${top + 12}" font-size="11" fill="#666">データがありません（0 件）</text>`) +
    `</svg>`
  )
}
