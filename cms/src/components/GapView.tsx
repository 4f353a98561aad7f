import { GAP_KINDS, GAP_KIND_LABELS, STALE_REASON_LABELS } from '@kotae/analytics'
import type { AdminViewServerProps } from 'payload'

import { hasRole } from '../access/roles'
import { analyzeGaps } from '../gap/analysis'
import { gapRangeSchema } from '../gap/range'
import { ANALYSIS_READERS, GAP_DRAFTERS } from '../gap/roles'
import { GAP_STRINGS as t } from '../gap/strings'
import { GapDraftButton } from './GapDraftButton'
import { StaffPage } from './StaffPage'
import { PeriodForm } from './PeriodForm'

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const cell = { verticalAlign: 'top', padding: '0.5rem' } as const

/** ギャップ分析: what the knowledge base lacks, grouped, largest first, with one action per group. */
export async function GapView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const allowed = hasRole(req.user, ...ANALYSIS_READERS)
  const canDraft = hasRole(req.user, ...GAP_DRAFTERS)
  const asked = gapRangeSchema.safeParse({ from: one(searchParams?.from), to: one(searchParams?.to) })
  const range = asked.success ? asked.data : gapRangeSchema.parse({})
  const analysis = allowed ? await analyzeGaps(req.payload, range, {}, req) : null
  const admin = req.payload.config.routes.admin
  return (
    <StaffPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <div className="kotae-gap">
        <h1>{t.title}</h1>
        {!analysis ? (
          <p>{t.noAccess}</p>
        ) : (
          <>
            <p>{t.intro}</p>
            <PeriodForm from={range.from} to={range.to} labels={t} />
            {!asked.success && <p role="alert">{t.badRange}</p>}

            <h2>{t.clustersHeading}</h2>
            {analysis.clusters.length === 0 ? (
              <p>{t.none}</p>
            ) : (
              <table style={{ width: '100%', borderCollapse: 'collapse' }}>
                <caption style={{ textAlign: 'left' }}>
                  {t.clustersCaption(analysis.clusters.length, analysis.signals)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t.rank}</th>
                    <th scope="col">{t.volume}</th>
                    <th scope="col">{t.typical}</th>
                    <th scope="col">{t.breakdown}</th>
                    <th scope="col">{t.examples}</th>
                    {canDraft && <th scope="col">{t.action}</th>}
                  </tr>
                </thead>
                <tbody>
                  {analysis.clusters.map((c, i) => (
                    <tr key={c.id} data-cluster={c.id}>
                      <td style={cell}>{i + 1}</td>
                      <td style={cell}>{c.volume}</td>
                      <th scope="row" style={{ ...cell, textAlign: 'left' }}>
                        {c.typicalText}
                        {c.topicNames.length > 0 && (
                          <div style={{ fontWeight: 400 }}>（{c.topicNames.join('、')}）</div>
                        )}
                      </th>
                      <td style={cell}>
                        <ul style={{ margin: 0, paddingLeft: '1rem' }}>
                          {GAP_KINDS.filter((k) => c.byKind[k]).map((k) => (
                            <li key={k}>
                              {GAP_KIND_LABELS[k]} {c.byKind[k]}件
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td style={cell}>
                        <ul style={{ margin: 0, paddingLeft: '1rem' }}>
                          {c.examples
                            .filter((e) => e.text !== c.typicalText)
                            .map((e) => (
                              <li key={e.text}>
                                {e.text}（{e.count}件）
                              </li>
                            ))}
                        </ul>
                      </td>
                      {canDraft && (
                        <td style={cell}>
                          <GapDraftButton
                            clusterId={c.id}
                            from={analysis.range.from}
                            to={analysis.range.to}
                            label={c.typicalText}
                            adminRoute={admin}
                          />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}

            <h2>{t.facetHeading}</h2>
            <p>{t.facetIntro}</p>
            {analysis.facetChoices.total === 0 ? (
              <p>{t.facetNone}</p>
            ) : (
              <table className="kotae-gap__facets" style={{ borderCollapse: 'collapse' }}>
                <caption style={{ textAlign: 'left' }}>{t.facetCaption(analysis.facetChoices.total)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.facetDimension}</th>
                    <th scope="col">{t.facetValue}</th>
                    <th scope="col">{t.facetCount}</th>
                    <th scope="col">{t.facetShare}</th>
                  </tr>
                </thead>
                <tbody>
                  {analysis.facetChoices.dimensions.flatMap((d) =>
                    d.values.map((v, i) => (
                      <tr key={`${d.dimension}:${v.value}`} data-facet={`${d.dimension}:${v.value}`}>
                        {i === 0 && (
                          <th
                            scope="rowgroup"
                            rowSpan={d.values.length}
                            style={{ ...cell, textAlign: 'left' }}
                          >
                            {d.name}（{d.total}件）
                          </th>
                        )}
                        <td style={cell}>{v.name}</td>
                        <td style={cell}>{v.count}</td>
                        <td style={cell}>{Math.round(v.share * 100)}%</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            )}

            <h2>{t.staleHeading}</h2>
            {analysis.stale.length === 0 ? (
              <p>{t.staleNone}</p>
            ) : (
              <table style={{ width: '100%' }}>
                <thead>
                  <tr>
                    <th scope="col">{t.staleTitle}</th>
                    <th scope="col">{t.staleReasons}</th>
                  </tr>
                </thead>
                <tbody>
                  {analysis.stale.map((s) => (
                    <tr key={s.id}>
                      <td style={cell}>
                        <a href={`${admin}/collections/faqs/${s.id}`}>{s.title}</a>
                      </td>
                      <td style={cell}>
                        {s.reasons
                          .map((r) =>
                            r === 'past-review-by'
                              ? `${STALE_REASON_LABELS[r]}（${s.daysOverdue}日超過）`
                              : r === 'low-helpfulness' && s.helpfulRate !== null
                                ? `${STALE_REASON_LABELS[r]}（${s.votes}票中${Math.round(s.helpfulRate * 100)}%）`
                                : `${STALE_REASON_LABELS[r]}（90日間）`,
                          )
                          .join('、')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </div>
    </StaffPage>
  )
}
