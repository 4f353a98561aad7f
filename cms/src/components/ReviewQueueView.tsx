import type { AdminViewServerProps } from 'payload'

import { formatJstDateTime } from '@kotae/analytics'

import { hasRole, CONTENT_WRITERS, PUBLISHERS } from '../access/roles'
import { findReviewItems, type ReviewItem } from '../reviewQueue/queue'
import { StaffPage } from './StaffPage'

const KIND = { faqs: 'FAQ', guides: '手続きガイド' } as const
const when = (iso: string | null) => (iso ? formatJstDateTime(Date.parse(iso)) : '—')

function ItemTable({
  items,
  caption,
  admin,
  work,
}: {
  items: ReviewItem[]
  caption: string
  admin: string
  work: boolean
}) {
  return (
    <table className="table" style={{ width: '100%' }} data-testid={work ? 'work-list' : 'review-queue'}>
      <caption style={{ textAlign: 'left' }}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">種類</th>
          <th scope="col">タイトル</th>
          {work && <th scope="col">状態</th>}
          <th scope="col">承認依頼者</th>
          <th scope="col">承認依頼日時（日本時間）</th>
          {work && <th scope="col">差し戻し理由</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={`${i.collection}-${i.id}`}>
            <td>{KIND[i.collection]}</td>
            <td>
              <a href={`${admin}/collections/${i.collection}/${i.id}`}>{i.title || '（質問が未入力です）'}</a>
            </td>
            {work && (
              <td>{i.reviewState === 'in_review' ? '承認待ち' : i.sendBackReason ? '差し戻し' : '下書き'}</td>
            )}
            <td>{i.submittedBy ?? '—'}</td>
            <td>{when(i.submittedAt)}</td>
            {work && (
              <td>
                {i.sendBackReason ? (
                  <>
                    {i.sendBackReason}
                    <br />
                    <small>
                      {i.sentBackBy ?? ''} {when(i.sentBackAt)}
                    </small>
                  </>
                ) : (
                  '—'
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * 承認待ち (/admin/review-queue): the reviewer's first screen, oldest request first, with who asked
 * and when. 編集中のFAQ (/admin/my-faqs): the editor's first screen, drafts and 承認待ち with the
 * reviewer's reason for any entry sent back. One view for both: the same rows, two readers.
 */
async function ReviewItemsPage({
  initPageResult,
  params,
  searchParams,
  work,
}: AdminViewServerProps & { work: boolean }) {
  const { req } = initPageResult
  const allowed = work ? hasRole(req.user, ...CONTENT_WRITERS) : hasRole(req.user, ...PUBLISHERS)
  const items = allowed ? await findReviewItems(req.payload, req, work ? 'work' : 'queue') : []
  const admin = req.payload.config.routes.admin
  const sentBack = items.filter((i) => i.sendBackReason).length
  return (
    <StaffPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <h1>{work ? '編集中のFAQ' : `承認待ち（${items.length}件）`}</h1>
      {!allowed ? (
        <p>
          {work
            ? 'このページはFAQ編集者・承認者・システム管理者が使います。'
            : 'このページは承認者（市職員）とシステム管理者が使います。'}
        </p>
      ) : work ? (
        <>
          <p>
            下書きと承認待ちのFAQ・手続きガイドです。
            {sentBack > 0
              ? `差し戻されたものが${sentBack}件あります。理由を読んで直し、承認状態を「承認待ち」にして保存してください。`
              : '編集が終わったら、承認状態を「承認待ち」にして保存してください。'}
          </p>
          <p>
            <a href={`${admin}/collections/faqs/create`}>FAQを新しく作る</a>
          </p>
          {items.length === 0 ? (
            <p>編集中のものはありません。</p>
          ) : (
            <ItemTable items={items} caption={`${items.length}件`} admin={admin} work />
          )}
        </>
      ) : (
        <>
          <p>
            編集者が承認を依頼したFAQと手続きガイドです。依頼の古い順に並んでいます。内容を確認して「変更内容を公開」を押すか、承認状態を「下書き」にし、差し戻し理由を書いて「下書きを保存」を押してください。
          </p>
          {items.length === 0 ? (
            <p>承認待ちはありません。</p>
          ) : (
            <ItemTable items={items} caption={`${items.length}件`} admin={admin} work={false} />
          )}
        </>
      )}
    </StaffPage>
  )
}

export const ReviewQueueView = (props: AdminViewServerProps) => ReviewItemsPage({ ...props, work: false })
export const WorkListView = (props: AdminViewServerProps) => ReviewItemsPage({ ...props, work: true })
