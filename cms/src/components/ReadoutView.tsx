import type { AdminViewServerProps } from 'payload'

import { hasRole } from '../access/roles'
import { gapRangeSchema } from '../gap/range'
import { READOUT_READERS, readoutCheck } from '../transcripts/readoutCheck'
import { READOUT_STRINGS as t } from '../transcripts/strings'
import { StaffPage } from './StaffPage'
import { StaffTable } from './StaffTable'
import { PeriodForm } from './PeriodForm'

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
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
            <StaffTable
              testId="readout-rows"
              columns={[t.call, t.faq, t.kind, t.operatorLine, t.faqLine]}
              rows={result.rows}
              rowKey={(r) => `${r.call.id}:${r.faq.id}:${r.kind}:${r.operatorLine}:${r.said}`}
              cells={(r) => [
                <a key="call" href={`${admin}/collections/calls/${r.call.id}`}>
                  {when(r.call.talkStartedAt)}
                </a>,
                <a key="faq" href={`${admin}/collections/faqs/${r.faq.id}`}>
                  {r.faq.question}
                </a>,
                `${t.kinds[r.kind] ?? r.kind}：「${r.said}」→「${r.expected.join('」「')}」`,
                r.operatorLine,
                r.faqLine,
              ]}
            />
          )}
        </>
      )}
    </StaffPage>
  )
}
