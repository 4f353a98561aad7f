import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'

import type { Block } from '../ai/explanation'
import { aiPageData, canReadAiPage } from '../ai/page'
import { StaffPage } from './StaffPage'
import { StaffTable } from './StaffTable'

const STRINGS = {
  lead: 'このページは、このサーバーで動いている設定値から、AI のしくみ・使うデータ・安全管理を説明しています。同じ内容の文書は docs/AI.md（npm run docs:ai で作成）です。',
  noAccess:
    'このページはシステム管理者、スーパーバイザー、承認者（市職員）、市職員、FAQ 編集者だけが見られます。',
  contents: '目次',
}

/** `code`, **bold** and *emphasis* spans of the explanation's text, each keyed by where it starts. */
function Inline({ text }: { text: string }): ReactNode {
  let at = 0
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*|\*[^*]+\*)/u).map((part) => {
    const key = at
    at += part.length
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1)
      return <code key={key}>{part.slice(1, -1)}</code>
    if (part.startsWith('**') && part.endsWith('**') && part.length > 3)
      return <strong key={key}>{part.slice(2, -2)}</strong>
    if (part.startsWith('*') && part.endsWith('*') && part.length > 1)
      return <em key={key}>{part.slice(1, -1)}</em>
    return part
  })
}

/** A block's own text, its key among its section's blocks. */
const blockKey = (b: Block): string =>
  `${b.kind}:${b.kind === 'list' ? b.items.join('\n') : b.kind === 'table' ? b.caption : b.text}`

function Cell({ value }: { value: string | string[] }) {
  if (!Array.isArray(value)) return <Inline text={value} />
  return (
    <ul style={{ margin: 0, paddingLeft: '1rem' }}>
      {value.map((v) => (
        <li key={v}>
          <Inline text={v} />
        </li>
      ))}
    </ul>
  )
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'p':
      return (
        <p>
          <Inline text={block.text} />
        </p>
      )
    case 'note':
      return (
        <p role="note">
          <Inline text={block.text} />
        </p>
      )
    case 'h3':
      return (
        <h3>
          <Inline text={block.text} />
        </h3>
      )
    case 'list':
      return (
        <ul>
          {block.items.map((item) => (
            <li key={item}>
              <Inline text={item} />
            </li>
          ))}
        </ul>
      )
    case 'table':
      return (
        <div style={{ overflowX: 'auto', margin: '0.5rem 0 1rem' }}>
          <StaffTable
            caption={block.caption}
            columns={block.head}
            rows={block.rows}
            rowKey={(row) => String(row[0])}
            cells={(row) => row.map((value, c) => <Cell key={block.head[c]} value={value} />)}
            rowHeaders
          />
        </div>
      )
  }
}

/** /admin/ai 「AI の説明」: how the AI works, which data it uses and how it is secured, from the live configuration. */
export async function AiView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const allowed = canReadAiPage(req.user)
  const explanation = allowed ? await aiPageData(req.payload) : null
  return (
    <StaffPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <article className="kotae-ai" style={{ maxWidth: 1100 }}>
        <h1>{explanation?.title ?? 'AI の説明'}</h1>
        {!explanation ? (
          <p>{STRINGS.noAccess}</p>
        ) : (
          <>
            <p>{STRINGS.lead}</p>
            <nav aria-label={STRINGS.contents}>
              <ul>
                {explanation.sections.map((s) => (
                  <li key={s.id}>
                    <a href={`#ai-${s.id}`}>{s.title}</a>
                  </li>
                ))}
              </ul>
            </nav>
            {explanation.sections.map((s) => (
              <section key={s.id} aria-labelledby={`ai-${s.id}`}>
                <h2 id={`ai-${s.id}`}>{s.title}</h2>
                {s.blocks.map((b) => (
                  <BlockView key={blockKey(b)} block={b} />
                ))}
              </section>
            ))}
          </>
        )}
      </article>
    </StaffPage>
  )
}
