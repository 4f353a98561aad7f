/**
 * A GET form's period as two date fields, `from` and `to` (JST days, none after `max`, today): the
 * dashboard's chosen period and the inquiry-log download share them, so both send the same query.
 */
export function DayRangeFields({
  from,
  to,
  max,
  fromLabel,
  toLabel,
}: {
  from: string
  to: string
  max: string
  fromLabel: string
  toLabel: string
}) {
  return (
    <>
      <label>
        {fromLabel}
        <br />
        <input type="date" name="from" required max={max} defaultValue={from} />
      </label>
      <label>
        {toLabel}
        <br />
        <input type="date" name="to" required max={max} defaultValue={to} />
      </label>
    </>
  )
}
