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

/**
 * Asserts that `run` works in time linear in its input's length: `texts(s)` builds the hostile texts
 * at scale `s`, and each text's CPU time at full scale is compared with its time at a quarter. Linear
 * work takes about four times as long on the whole, quadratic sixteen. A ratio holds on a loaded
 * machine, where a bound in milliseconds does not: a busy neighbour on the same cores can double the
 * CPU time of the same instructions (a 1 MB guard at 8 s failed at 8.3 s beside other jobs).
 */
export function expectLinear(texts: (scale: number) => readonly string[], run: (text: string) => void): void {
  const quarter = texts(0.25)
  const whole = texts(1)
  whole.forEach((text, i) => {
    const a = cpuMs(() => run(quarter[i]!))
    const b = cpuMs(() => run(text))
    const shape = text.slice(0, 40)
    // 10 × leaves room for noise on a loaded machine and still fails a quadratic pass (16 ×); the
    // absolute bound catches work so slow that the quarter is already slow.
    if (b >= 10 * a + 500 || b >= 30_000)
      throw new Error(
        `not linear on «${shape}…»: ${a.toFixed(0)} ms on a quarter, ${b.toFixed(0)} ms on the whole`,
      )
  })
}
