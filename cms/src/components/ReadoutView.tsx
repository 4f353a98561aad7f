import type { AdminViewServerProps } from 'payload'

import { hasRole } from '../access/roles'
import { gapRangeSchema } from '../gap/range'
import { READOUT_READERS, readoutCheck } from '../transcripts/readoutCheck'
import { READOUT_STRINGS as t } from '../transcripts/strings'
import { StaffPage } from './StaffPage'
import { PeriodForm } from './PeriodForm'

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const cell = {
  verticalAlign: 'top',
  padding: '0.5rem',
  borderTop: '1px solid var(--theme-elevation-150)',
} as const
const when = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('ja-JP', {
        timeZone: 'Asia/Tokyo',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
    : '—'

/** 読み上げ確認: calls where the operator's words contradict the FAQ marked used (transcripts/readoutCheck.ts). */
export async function ReadoutView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const allowed = hasRole(req.user, ...READOUT_READERS)
  const asked = gapRangeSchema.safeParse({
    from: one(searchParams?.from) || undefined,
    to: one(searchParams?.to) || undefined,
  })
  const range = asked.success ? asked.data : gapRangeSchema.parse({})
  const result = allowed ? await readoutCheck(req.payload, range, req) : null
  const admin = req.payload.config.routes.admin
  return (
    <StaffPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <h1>{t.title}</h1>
      {!result ? (
        <p>{t.noAccess}</p>
      ) : (
        <>
          <p>{t.intro}</p>
          <PeriodForm from={result.from} to={result.to} labels={t} />
          {!asked.success && <p role="alert">{t.badRange}</p>}
          <p role="status">{t.checked(result.checked, result.rows.length)}</p>
          {result.rows.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="readout-rows">
              <thead>
                <tr>
                  <th scope="col" style={cell}>
                    {t.call}
                  </th>
                  <th scope="col" style={cell}>
                    {t.faq}
                  </th>
                  <th scope="col" style={cell}>
                    {t.kind}
                  </th>
                  <th scope="col" style={cell}>
                    {t.operatorLine}
                  </th>
                  <th scope="col" style={cell}>
                    {t.faqLine}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr key={`${r.call.id}:${r.faq.id}:${r.kind}:${r.operatorLine}:${r.said}`}>
                    <td style={cell}>
                      <a href={`${admin}/collections/calls/${r.call.id}`}>{when(r.call.talkStartedAt)}</a>
                    </td>
                    <td style={cell}>
                      <a href={`${admin}/collections/faqs/${r.faq.id}`}>{r.faq.question}</a>
                    </td>
                    <td style={cell}>
                      {t.kinds[r.kind] ?? r.kind}：「{r.said}」→「{r.expected.join('」「')}」
                    </td>
                    <td style={cell}>{r.operatorLine}</td>
                    <td style={cell}>{r.faqLine}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </StaffPage>
  )
}
