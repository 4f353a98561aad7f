/** The from/to date form above a staff report page (gap analysis, 読み上げ確認): a GET to the same page. */
export function PeriodForm({
  from,
  to,
  labels,
}: {
  from: string
  to: string
  labels: { period: string; from: string; to: string; show: string }
}) {
  return (
    <form
      method="get"
      style={{ display: 'flex', gap: '1rem', alignItems: 'end', flexWrap: 'wrap', margin: '1rem 0' }}
    >
      <fieldset style={{ display: 'flex', gap: '1rem', border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600 }}>{labels.period}</legend>
        <label>
          {labels.from} <input type="date" name="from" defaultValue={from} />
        </label>
        <label>
          {labels.to} <input type="date" name="to" defaultValue={to} />
        </label>
      </fieldset>
      <button type="submit" className="btn btn--style-primary btn--size-small" style={{ margin: 0 }}>
        {labels.show}
      </button>
    </form>
  )
}
