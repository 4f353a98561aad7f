import type { AdminViewServerProps } from 'payload'

import { HEALTH_STRINGS as S, healthPageData } from '../health/page'
import { StaffPage } from './StaffPage'
import { StaffTable } from './StaffTable'

const stateColor = {
  ok: 'var(--theme-success-500, #1a7f37)',
  attention: 'var(--theme-warning-650, #8a5300)',
} as const

/** /admin/health 「稼働状況」: this app server's database, operator index and site build, for administrators. */
export async function HealthView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const page = await healthPageData(req)
  return (
    <StaffPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <article className="kotae-health" style={{ maxWidth: 900 }}>
        <h1>{S.title}</h1>
        {!page ? (
          <p>{S.noAccess}</p>
        ) : (
          <>
            <p>{S.lead}</p>
            <section
              aria-labelledby="health-state"
              data-state={page.state}
              style={{
                borderLeft: `6px solid ${stateColor[page.state]}`,
                padding: '0.25rem 1rem',
                margin: '1rem 0',
              }}
            >
              <h2 id="health-state" style={{ color: stateColor[page.state] }}>
                状態：{page.stateLabel}
              </h2>
              <ul>
                {page.messages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </section>
            <StaffTable
              caption={S.itemsCaption}
              columns={[S.item, S.value]}
              rows={page.rows}
              rowKey={(r) => r.item}
              cells={(r) => [r.item, r.value]}
              rowHeaders
            />
            <p>確認日時：{page.checkedAt}</p>
          </>
        )}
      </article>
    </StaffPage>
  )
}
