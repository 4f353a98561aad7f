import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { loadValidContent, type ContentBundle } from '@kotae/content'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { markdownOf } from '../src/lib/markdown'
import { seedContent } from '../src/seed/seedContent'
import { freshDatabaseEnv } from './setup/freshDatabase'
import { startPayload } from './helpers'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const contentDir = path.resolve(cmsDir, '../content')

let payload: Payload
let bundle: ContentBundle

beforeAll(async () => {
  payload = await startPayload()
  bundle = await loadValidContent()
})
afterAll(async () => {
  await payload?.destroy()
})

/** Runs `npm run seed`'s script in a child process, as a person would. */
function runSeed(
  env: Record<string, string>,
  onLine?: (line: string, kill: () => void) => void,
): Promise<{ code: number | null; signal: string | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'scripts/seed.ts'], {
      cwd: cmsDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    const kill = () => child.kill('SIGKILL')
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      if (onLine) for (const line of c.toString().split('\n')) if (line) onLine(line, kill)
    })
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    child.on('exit', (code, signal) => resolve({ code, signal, out }))
  })
}

/** A copy of content/ in a temp folder, to change without touching the real files. */
function copyContent(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-content-'))
  fs.cpSync(contentDir, dir, { recursive: true, filter: (src) => !src.includes('node_modules') })
  return dir
}

// Each test loads the whole curated content once or twice (~60 s alone on a quiet machine): with
// another test file beside it on two cores it needs more than the default 120 s.
describe('seed', { timeout: 300_000 }, () => {
  it('loads every curated entry, then a second run changes nothing', async () => {
    const first = await seedContent(payload, bundle)
    expect(first.faqs?.created).toBe(bundle.faqs.length)
    expect(first.guides?.created).toBe(bundle.guides.length)
    expect(first.categories?.created).toBe(bundle.categories.length)
    expect(first.sources?.created).toBe(bundle.sources.length)
    expect(await payload.count({ collection: 'faqs' })).toEqual({ totalDocs: bundle.faqs.length })

    const synonyms = await payload.findGlobal({ slug: 'synonyms' })
    expect(synonyms.groups?.length).toBe(bundle.synonyms.length)
    const city = await payload.findGlobal({ slug: 'city-profile' })
    expect(city.name).toBe(bundle.city.name)
    // The retention periods of city.yaml, as the nightly run reads them.
    expect(city.retentionMonths).toMatchObject(bundle.city.retentionMonths)

    const versionsBefore = (await payload.findVersions({ collection: 'faqs', limit: 1 })).totalDocs
    const second = await seedContent(payload, bundle)
    expect(second.faqs).toEqual({ created: 0, updated: 0, unchanged: bundle.faqs.length })
    expect(second.guides).toEqual({ created: 0, updated: 0, unchanged: bundle.guides.length })
    expect(second['city-profile']).toEqual({ created: 0, updated: 0, unchanged: 1 })
    expect((await payload.findVersions({ collection: 'faqs', limit: 1 })).totalDocs).toBe(versionsBefore)
  })

  it('bold next to Japanese text comes in as bold, with no gap, and goes out as the same Markdown', async () => {
    // content/faqs/ja/application-baby.md: 「、**1歳未満**の方は**顔写真なし**のカードに」
    const [faq] = (
      await payload.find({ collection: 'faqs', where: { slug: { equals: 'application-baby' } }, depth: 0 })
    ).docs
    expect(faq!.answerText).toContain('、1歳未満の方は顔写真なしのカードに') // what the desk reads
    const bold: string[] = []
    const walk = (n: { type?: string; text?: string; format?: number; children?: unknown[] }) => {
      if (n.type === 'text' && typeof n.format === 'number' && n.format & 1) bold.push(n.text ?? '')
      for (const c of n.children ?? []) walk(c as typeof n)
    }
    walk((faq!.answer as unknown as { root: Parameters<typeof walk>[0] }).root)
    expect(bold).toEqual(expect.arrayContaining(['1歳未満', '顔写真なし']))
    const toMarkdown = await markdownOf(payload)
    expect(toMarkdown(faq!.answer)).toContain('、**1歳未満**の方は**顔写真なし**のカードに')
  })

  it('a changed file becomes a new version of the same entry', async () => {
    const dir = copyContent()
    const target = bundle.faqs.find((f) => f.locale === 'ja')!
    const file = path.join(
      dir,
      path.relative(
        contentDir,
        target.file.startsWith('/') ? target.file : path.join(contentDir, target.file),
      ),
    )
    const text = fs.readFileSync(file, 'utf8')
    fs.writeFileSync(file, text.replace(/^shortAnswer:.*$/m, 'shortAnswer: 見直し後の短い回答です。'))
    const changed = await loadValidContent(dir)

    const [before] = (await payload.find({ collection: 'faqs', where: { slug: { equals: target.id } } })).docs
    const versionsBefore = (
      await payload.findVersions({ collection: 'faqs', where: { parent: { equals: before!.id } } })
    ).totalDocs
    const report = await seedContent(payload, changed)
    expect(report.faqs).toEqual({ created: 0, updated: 1, unchanged: bundle.faqs.length - 1 })

    const [after] = (await payload.find({ collection: 'faqs', where: { slug: { equals: target.id } } })).docs
    expect(after!.id).toBe(before!.id)
    expect(after!.shortAnswer).toBe('見直し後の短い回答です。')
    expect(
      (await payload.findVersions({ collection: 'faqs', where: { parent: { equals: before!.id } } }))
        .totalDocs,
    ).toBe(versionsBefore + 1)
  })

  it('invalid content writes nothing and names every problem with its file and field', async () => {
    const env = await freshDatabaseEnv()
    const dir = copyContent()
    const faqDir = path.join(dir, 'faqs', 'ja')
    const [a, b] = fs.readdirSync(faqDir).sort()
    fs.writeFileSync(
      path.join(faqDir, a!),
      fs.readFileSync(path.join(faqDir, a!), 'utf8').replace(/^category:.*$/m, 'category: no-such-category'),
    )
    fs.writeFileSync(
      path.join(faqDir, b!),
      fs.readFileSync(path.join(faqDir, b!), 'utf8').replace(/^shortAnswer:.*\n/m, ''),
    )
    const result = await runSeed({ ...env, KOTAE_CONTENT_DIR: dir })
    expect(result.code).toBe(1)
    expect(result.out).toContain(a!)
    expect(result.out).toContain('category')
    expect(result.out).toContain(b!)
    expect(result.out).toContain('shortAnswer')
    expect(result.out).toContain('nothing was written')
    // The database was not even migrated: nothing at all was written.
    const rerun = await runSeed({ ...env })
    expect(rerun.code).toBe(0)
    expect(rerun.out).toContain(`faqs: ${bundle.faqs.length} created`)
  })

  it('a seed killed with SIGKILL midway is completed by the next run, with no duplicates', async () => {
    const env = await freshDatabaseEnv()
    let started = 0
    const killed = await runSeed({ ...env, KOTAE_SEED_VERBOSE: '1' }, (line, kill) => {
      if (line.includes('faqs: started')) started += 1
      if (started === Math.floor(bundle.faqs.length / 2)) kill()
    })
    expect(killed.signal).toBe('SIGKILL')

    const resumed = await runSeed(env)
    expect(resumed.code).toBe(0)
    const again = await runSeed(env)
    expect(again.code).toBe(0)
    expect(again.out).toContain(`faqs: 0 created, 0 updated, ${bundle.faqs.length} unchanged`)
    expect(again.out).toContain(`guides: 0 created, 0 updated, ${bundle.guides.length} unchanged`)
  })
})
