import { CALLS_EXPORT_STRINGS as t } from '../callsExport/strings'
import { DayRangeFields } from './DayRangeFields'

/**
 * The inquiry-log download (対応履歴, docs/calls-export.md) as a plain GET form: the browser sends
 * the session cookie and saves the file the endpoint returns; access is checked there. Opens with
 * the days the dashboard shows.
 */
export function CallsExportForm({
  action,
  from,
  to,
  max,
}: {
  action: string
  from: string
  to: string
  max: string
}) {
  return (
    <section aria-labelledby="calls-export-heading" style={{ margin: '1.5rem 0' }}>
      <h2 id="calls-export-heading">{t.formHeading}</h2>
      <p id="calls-export-intro">{t.formIntro}</p>
      <form
        method="get"
        action={action}
        aria-describedby="calls-export-intro"
        style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'end' }}
        data-testid="calls-export-form"
      >
        <DayRangeFields from={from} to={to} max={max} fromLabel={t.from} toLabel={t.to} />
        <label>
          {t.format}
          <br />
          <select name="format" defaultValue="xlsx">
            <option value="xlsx">Excel（XLSX）</option>
            <option value="csv">CSV</option>
          </select>
        </label>
        <label>
          {t.encoding}
          <br />
          <select name="encoding" defaultValue="utf8">
            <option value="utf8">{t.utf8}</option>
            <option value="shift_jis">{t.sjis}</option>
          </select>
        </label>
        <button type="submit">{t.download}</button>
      </form>
    </section>
  )
}
