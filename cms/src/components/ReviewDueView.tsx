import type { AdminViewServerProps } from 'payload'

import { formatWarekiDate } from '@kotae/analytics'

import { isStaffReader } from '../access/staffReaders'
import { findReviewDue } from '../reviewDue/findReviewDue'
import { findOpenChanges } from '../sourceWatch/changedEndpoint'
import { ChangedPassages } from './SourceChangesPanel'
import { StaffPage } from './StaffPage'

/** 見直し期限切れ: every FAQ and guide past its review-by date, oldest first, with links to edit. */
export async function ReviewDueView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const adminRoute = req.payload.config.routes.admin
  const entries = req.user ? await findReviewDue(req.payload, { req, withinDays: 30 }) : []
  const changes = isStaffReader(req) ? await findOpenChanges(req.payload) : []
  return (
    <StaffPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <h1>見直し期限の確認</h1>
      <h2>出典の更新</h2>
      {changes.length === 0 ? (
        <p>未確認の出典の更新はありません（出典の自動確認は KOTAE_SOURCE_WATCH=on のときに毎朝動きます）。</p>
      ) : (
        <>
          <p>
            出典のページの本文が変わりました。引用しているFAQと手続きガイドを開き、回答が新しい内容と合っているか確認してください。
          </p>
          {changes.map((c) => (
            <details key={String(c.id)} style={{ marginBottom: '1rem' }}>
              <summary>
                出典が更新されました（{c.passageCount}か所）：{c.source.title}（
                {formatWarekiDate(Date.parse(c.detectedAt))}に検出、FAQ {c.faqs.length}件・手続きガイド{' '}
                {c.guides.length}件）
              </summary>
              <p>
                <a href={c.source.url} target="_blank" rel="noreferrer noopener">
                  {c.source.url}
                </a>
              </p>
              <ChangedPassages change={c} />
              <ul>
                {c.faqs.map((f) => (
                  <li key={`faq-${f.id}`}>
                    FAQ：<a href={`${adminRoute}/collections/faqs/${f.id}`}>{f.question}</a>
                  </li>
                ))}
                {c.guides.map((g) => (
                  <li key={`guide-${g.id}`}>
                    手続きガイド：<a href={`${adminRoute}/collections/guides/${g.id}`}>{g.title}</a>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </>
      )}
      <h2>見直し期限</h2>
      <p>
        見直し期限を過ぎた、または30日以内に期限が来るFAQと手続きガイドです。出典を確認し、内容を更新して承認を依頼してください。
      </p>
      {entries.length === 0 ? (
        <p>期限が近いものはありません。</p>
      ) : (
        <table className="table" style={{ width: '100%' }}>
          <caption style={{ textAlign: 'left' }}>{entries.length}件</caption>
          <thead>
            <tr>
              <th scope="col">見直し期限</th>
              <th scope="col">状態</th>
              <th scope="col">種類</th>
              <th scope="col">タイトル</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={`${e.collection}-${e.id}`}>
                <td>{formatWarekiDate(Date.parse(e.reviewBy))}</td>
                <td>{e.daysOverdue > 0 ? `期限切れ（${e.daysOverdue}日超過）` : 'まもなく期限'}</td>
                <td>{e.collection === 'faqs' ? 'FAQ' : '手続きガイド'}</td>
                <td>
                  <a href={`${adminRoute}/collections/${e.collection}/${e.id}`}>{e.title}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffPage>
  )
}
