import type { AdminViewServerProps } from 'payload'

import { formatJstDateTime } from '@kotae/analytics'

import { hasRole } from '../access/roles'
import { supervisorSummary } from '../supervisor/todaySummary'
import { StaffPage } from './StaffPage'

const URGENCY: Record<string, string> = { high: '高', normal: '通常', low: '低' }
const time = (iso: string) => formatJstDateTime(Date.parse(iso))

/** 本日の状況: today's calls, calls per operator and open escalations, for supervisors. */
export async function SupervisorView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const allowed = hasRole(req.user, 'admin', 'supervisor')
  const summary = allowed ? await supervisorSummary(req.payload, req) : null
  const admin = req.payload.config.routes.admin
  return (
    <StaffPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <h1>本日の状況</h1>
      {!summary ? (
        <p>このページはスーパーバイザーとシステム管理者だけが見られます。</p>
      ) : (
        <>
          <p>
            本日の受付 {summary.calls}件（うち一次完了 {summary.resolved}件）
          </p>
          <h2>オペレーター別</h2>
          {summary.byOperator.length === 0 ? (
            <p>本日の記録はまだありません。</p>
          ) : (
            <table className="table" style={{ width: '100%' }}>
              <thead>
                <tr>
                  <th scope="col">オペレーター</th>
                  <th scope="col">件数</th>
                  <th scope="col">一次完了</th>
                  <th scope="col">平均通話時間</th>
                </tr>
              </thead>
              <tbody>
                {summary.byOperator.map((r) => (
                  <tr key={r.operator}>
                    <td>{r.operator}</td>
                    <td>{r.calls}</td>
                    <td>{r.resolved}</td>
                    <td>
                      {Math.floor(r.meanTalkSeconds / 60)}分{r.meanTalkSeconds % 60}秒
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>未完了のエスカレーション（{summary.openEscalations.length}件）</h2>
          <ul>
            {summary.openEscalations.map((e) => (
              <li key={e.id}>
                <a href={`${admin}/collections/escalations/${e.id}`}>
                  {time(e.createdAt)}［緊急度 {URGENCY[e.urgency] ?? e.urgency}］{e.summary.slice(0, 60)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </StaffPage>
  )
}
