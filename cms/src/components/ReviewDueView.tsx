import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { findReviewDue } from '../reviewDue/findReviewDue'

const formatDate = (iso: string) => new Intl.DateTimeFormat('ja-JP', { dateStyle: 'long', timeZone: 'Asia/Tokyo' }).format(new Date(iso))

/** 見直し期限切れ: every FAQ and guide past its review-by date, oldest first, with links to edit. */
export async function ReviewDueView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, visibleEntities, permissions, locale } = initPageResult
  const adminRoute = req.payload.config.routes.admin
  const entries = req.user ? await findReviewDue(req.payload, { req, withinDays: 30 }) : []
  const now = Date.now()
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>見直し期限の確認</h1>
        <p>見直し期限を過ぎた、または30日以内に期限が来るFAQと手続きガイドです。出典を確認し、内容を更新して承認を依頼してください。</p>
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
                  <td>{formatDate(e.reviewBy)}</td>
                  <td>{Date.parse(e.reviewBy) < now ? `期限切れ（${e.daysOverdue}日超過）` : 'まもなく期限'}</td>
                  <td>{e.collection === 'faqs' ? 'FAQ' : '手続きガイド'}</td>
                  <td>
                    <a href={`${adminRoute}/collections/${e.collection}/${e.id}`}>{e.title}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
