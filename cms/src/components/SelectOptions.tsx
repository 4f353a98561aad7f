/** One choice of a select: what is stored and what the operator reads. */
export type Option = { label: string; value: string }

/** The `<option>`s of a select, one per choice. */
export function SelectOptions({ of }: { of: readonly Option[] }) {
  return of.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ))
}
