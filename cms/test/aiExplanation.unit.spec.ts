import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { loadContent } from '@kotae/content'
import { CONTENT_WEIGHTS, DEFAULT_WEIGHTS } from '@kotae/search-indexer'
import { CONFIDENCE_MODEL } from '@kotae/search-indexer/engine/confidence-model'
import { describe, expect, it } from 'vitest'

import { ROLES } from '../src/access/roles'
import {
  aiExplanation,
  aiExplanationMarkdown,
  OUTBOUND_CALLS,
  REQUIREMENTS,
  WEIGHT_MEANINGS,
  type AiConfig,
} from '../src/ai/explanation'
import { AI_DOC_FILE, aiDocument } from '../src/ai/document'
import { liveAiConfig } from '../src/ai/liveConfig'
import { aiPageData, canReadAiPage } from '../src/ai/page'
import { DEFAULT_PRIOR_WEIGHT } from '../src/search/lookupRanking'

const ROOT = path.resolve(import.meta.dirname, '../..')
const live = () => liveAiConfig({ source: 'repository', env: {} })

describe('docs/AI.md (npm run docs:ai)', () => {
  it('is exactly what the generator makes of the live configuration (run `npm run docs:ai` after retraining or editing facets/synonyms)', async () => {
    expect(readFileSync(AI_DOC_FILE, 'utf8')).toBe(await aiDocument())
  })
})

describe('the AI explanation (src/ai/explanation.ts)', () => {
  it('lists every ranking weight by name with a plain meaning, the learned value and the engine default', async () => {
    const e = aiExplanation(await live())
    const names = e.weights.map((w) => w.name)
    for (const name of Object.keys(CONTENT_WEIGHTS)) expect(names).toContain(name)
    for (const name of Object.keys(DEFAULT_WEIGHTS)) expect(names).toContain(name)
    for (const w of e.weights) {
      expect(w.ja, w.name).toBe(WEIGHT_MEANINGS[w.name as keyof typeof WEIGHT_MEANINGS].ja)
      expect(w.learned).toBe((CONTENT_WEIGHTS as Record<string, number | undefined>)[w.name])
      expect(w.default).toBe((DEFAULT_WEIGHTS as Record<string, number>)[w.name])
    }
    const md = aiExplanationMarkdown(e)
    for (const [name, value] of Object.entries(CONTENT_WEIGHTS))
      expect(md).toMatch(
        new RegExp(`^\\| \`${name}\` \\| [^\\n]+ \\| ${String(value).replace('.', '\\.')} \\| `, 'mu'),
      )
  })

  it('states the confidence threshold and explains every feature of the model', async () => {
    const e = aiExplanation(await live())
    expect(e.confidence.threshold).toBe(CONFIDENCE_MODEL.threshold)
    expect(e.confidence.features.map((f) => f.name).sort()).toEqual(
      Object.keys(CONFIDENCE_MODEL.weights).sort(),
    )
    for (const f of e.confidence.features) expect(f.ja, f.name).not.toContain('説明がありません')
    expect(aiExplanationMarkdown(e)).toContain(`しきい値 **${CONFIDENCE_MODEL.threshold}** 未満`)
  })

  it('counts the facet vocabulary of content/facets.yaml: dimensions, values, forms', async () => {
    const { facets } = await loadContent()
    const e = aiExplanation(await live())
    const values = facets.reduce((n, d) => n + d.values.length, 0)
    const forms = facets.reduce((n, d) => n + d.values.reduce((m, v) => m + v.forms.length, 0), 0)
    expect(e.facets).toEqual({ dimensions: facets.length, values, forms })
    expect(values).toBeGreaterThan(0)
    expect(aiExplanationMarkdown(e)).toContain(`${facets.length} つの観点、${values} の値、${forms} の表現`)
  })

  it('says how the usage prior is switched off, and that it is off when the environment sets 0', async () => {
    const on = aiExplanationMarkdown(aiExplanation(await live()))
    expect(on).toContain('`KOTAE_LOOKUP_PRIOR_WEIGHT=0`')
    const off = aiExplanationMarkdown(
      aiExplanation(await liveAiConfig({ source: 'server', env: { KOTAE_LOOKUP_PRIOR_WEIGHT: '0' } })),
    )
    expect(off).toContain('重みが **0** のため、利用実績は使っていません')
    await expect(liveAiConfig({ source: 'server', env: { KOTAE_LOOKUP_PRIOR_WEIGHT: 'x' } })).rejects.toThrow(
      /KOTAE_LOOKUP_PRIOR_WEIGHT/,
    )
  })

  it('cites only test files and source files that exist', () => {
    for (const r of REQUIREMENTS) {
      expect(r.proofs.length, r.requirement).toBeGreaterThan(0)
      for (const p of r.proofs) expect(existsSync(path.join(ROOT, p.file)), p.file).toBe(true)
    }
    for (const c of OUTBOUND_CALLS)
      for (const f of c.files) expect(existsSync(path.join(ROOT, f)), f).toBe(true)
  })

  it('escapes a table cell’s pipe and explains a weight it does not know as such', async () => {
    const config: AiConfig = {
      ...(await live()),
      defaultWeights: { ...DEFAULT_WEIGHTS, brandNew: 1 } as never,
    }
    const e = aiExplanation(config)
    expect(e.weights.find((w) => w.name === 'brandNew')?.ja).toBe('（説明がありません）')
    e.sections[0]!.blocks.push({ kind: 'table', caption: 'x', head: ['a'], rows: [['1 | 2']] })
    expect(aiExplanationMarkdown(e)).toContain('| 1 \\| 2 |')
  })
})

describe('/admin/ai (AiView)', () => {
  it('shows the live weights, the server’s prior weight and the CMS’s synonym list', async () => {
    const payload = { findGlobal: async () => ({ groups: [{ terms: ['a', 'b'] }, { terms: ['c', 'd'] }] }) }
    const e = await aiPageData(payload as never, { KOTAE_LOOKUP_PRIOR_WEIGHT: '1.5' })
    expect(
      Object.fromEntries(e.weights.filter((w) => w.learned !== undefined).map((w) => [w.name, w.learned])),
    ).toEqual(CONTENT_WEIGHTS)
    expect(e.confidence.threshold).toBe(CONFIDENCE_MODEL.threshold)
    const text = JSON.stringify(e.sections)
    expect(text).toContain(`重みはこのサーバーでは **1.5** です（既定値は ${DEFAULT_PRIOR_WEIGHT}）`)
    expect(text).toContain('このサーバーの同義語リストは現在 2 グループです')
  })

  it('is for admins, supervisors, reviewers, city staff and editors; not for operators or anyone signed out', () => {
    const allowed = ROLES.filter((r) => canReadAiPage({ roles: [r] }))
    expect(allowed.sort()).toEqual(['admin', 'cityViewer', 'editor', 'reviewer', 'supervisor'])
    expect(canReadAiPage({ roles: ['operator'] })).toBe(false)
    expect(canReadAiPage(null)).toBe(false)
    expect(canReadAiPage({ roles: [] })).toBe(false)
  })
})
