import { maskPii, type MaskOptions, type PiiKind } from '../src/pii'

/** The masked text. */
export const masked = (text: string, options?: MaskOptions) => maskPii(text, options).text

/** What was found, as kind and exact text, in order. */
export const found = (text: string, options?: MaskOptions): [PiiKind, string][] =>
  maskPii(text, options).findings.map((f) => [f.kind, text.slice(f.start, f.end)])

/** Only the findings of one kind, as exact text. */
export const of = (kind: PiiKind, text: string, options?: MaskOptions) =>
  found(text, options)
    .filter(([k]) => k === kind)
    .map(([, v]) => v)

/**
 * CPU milliseconds `run` takes (process.cpuUsage): the hostile-input guards bound CPU time, not wall
 * time, so a loaded machine (other jobs waiting for the same cores) does not fail them.
 */
export function cpuMs(run: () => void): number {
  const a = process.cpuUsage()
  run()
  const b = process.cpuUsage(a)
  return (b.user + b.system) / 1000
}
