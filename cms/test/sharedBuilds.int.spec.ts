import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { liveBuild, liveContentVersion, siteFolder, swapInBuild } from '../src/publish/buildSite'
import { createRebuildScheduler, type RebuildScheduler } from '../src/publish/scheduler'
import { createSharedBuilds, readContentVersion, type SharedBuilds } from '../src/publish/sharedBuilds'
import { createReferences, faqData, startPayload } from './helpers'

/**
 * Two app servers' site publishers on one PostgreSQL database, sharing one site folder, played by
 * two publishers in this process, each with its own connections and scheduler as `npm start` runs
 * them. The build stands in for `astro build`: it reads the published FAQ from the database when it
 * starts (as the site build reads the CMS), takes a while, and swaps its folder in. Several app
 * servers need PostgreSQL; on SQLite the publisher keeps the hooks' stamp file (nothing to test).
 */
describe.skipIf(!process.env.DATABASE_URL)(
  'one site build per change across app servers (PostgreSQL advisory lock)',
  () => {
    const BUILD_MS = 1_500
    let payload: Payload
    let reader: pg.Client
    let root: string
    let faqId: number | string
    const builds: { server: string; question: string; startedAt: number; endedAt?: number }[] = []
    const outcomes: { server: string; outcome: string }[] = []
    let running = 0
    let mostAtOnce = 0
    const servers: { name: string; shared: SharedBuilds; scheduler: RebuildScheduler }[] = []

    const publishedQuestion = async () =>
      (
        await reader.query<{ question: string }>(
          `SELECT question FROM faqs WHERE id = $1 AND _status = 'published'`,
          [faqId],
        )
      ).rows[0]?.question ?? ''
    const liveQuestion = () => fs.readFileSync(path.join(liveBuild(siteFolder(root))!, 'index.html'), 'utf8')
    const publish = (question: string) =>
      payload.update({
        collection: 'faqs',
        id: faqId,
        data: { question, _status: 'published' } as never,
        overrideAccess: true,
      })
    const settle = async () => {
      // Long enough for both publishers to read the version (100 ms) and wait out the quiet period (200 ms).
      await new Promise((resolve) => setTimeout(resolve, 800))
      await Promise.all(servers.map((s) => s.scheduler.idle()))
    }

    const fakeBuild = (server: string) => async (version: string) => {
      running++
      mostAtOnce = Math.max(mostAtOnce, running)
      const build: (typeof builds)[number] = {
        server,
        question: await publishedQuestion(),
        startedAt: Date.now(),
      }
      builds.push(build)
      await new Promise((resolve) => setTimeout(resolve, BUILD_MS))
      const folder = siteFolder(root)
      const out = path.join(folder.builds, `${Date.now()}-${server}`)
      fs.mkdirSync(out, { recursive: true })
      fs.writeFileSync(path.join(out, 'index.html'), build.question)
      swapInBuild(folder, out, version)
      build.endedAt = Date.now()
      running--
    }

    beforeAll(async () => {
      payload = await startPayload()
      const refs = await createReferences(payload)
      faqId = (
        await payload.create({
          collection: 'faqs',
          data: { ...faqData(refs, { slug: 'shared-build' }), _status: 'published' } as never,
        })
      ).id
      reader = new pg.Client({ connectionString: process.env.DATABASE_URL })
      await reader.connect()
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-shared-site-'))
      fs.mkdirSync(siteFolder(root).builds, { recursive: true })
      for (const name of ['a', 'b']) {
        const shared = createSharedBuilds({
          databaseUrl: process.env.DATABASE_URL!,
          liveVersion: () => liveContentVersion(siteFolder(root)),
          pollMs: 100,
          lockRetryMs: 50,
        })
        const scheduler = createRebuildScheduler({
          quietMs: 200,
          maxWaitMs: 1_000,
          build: async (reasons) =>
            void outcomes.push({
              server: name,
              outcome: await shared.build({ force: reasons.includes('start'), run: fakeBuild(name) }),
            }),
          onError: (error) => {
            throw error
          },
        })
        servers.push({ name, shared, scheduler })
      }
      // Both start at once, as after a deploy: each builds at start, one after the other.
      await Promise.all(servers.map((s) => s.scheduler.now('start')))
      for (const s of servers) s.shared.watch(() => s.scheduler.request('published content changed'))
      await settle()
    })
    afterAll(async () => {
      for (const s of servers) {
        s.scheduler.stop()
        await s.shared.stop()
      }
      await reader?.end()
      await payload?.destroy()
      if (root) fs.rmSync(root, { recursive: true, force: true })
    })

    it('builds at each start one after the other, then not again for content already built', () => {
      expect(builds.map((b) => b.server).sort()).toEqual(['a', 'b'])
      expect(mostAtOnce).toBe(1)
      // The first readings of the version found the live build current: no third build.
      expect(outcomes.filter((o) => o.outcome === 'current').length).toBeGreaterThanOrEqual(1)
    })

    it('one publish makes exactly one build, on one of the two servers, which both serve', async () => {
      builds.length = 0
      outcomes.length = 0
      await publish('一台目で公開した質問ですか？')
      await settle()
      expect(builds).toHaveLength(1)
      expect(builds[0]!.question).toBe('一台目で公開した質問ですか？')
      expect(liveQuestion()).toBe('一台目で公開した質問ですか？')
      // Both publishers saw the change: one built it, the other found it built.
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(['built', 'current'])
      expect(new Set(outcomes.map((o) => o.server))).toEqual(new Set(['a', 'b']))
    })

    it('a change published while a build runs is built next, once, and the builds never overlap', async () => {
      builds.length = 0
      outcomes.length = 0
      mostAtOnce = 0
      await publish('公開1：ビルド前に公開した質問ですか？')
      const deadline = Date.now() + 5_000
      while (!builds.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
      expect(builds).toHaveLength(1)
      // The first build has read its content and is still running: publish again now.
      await publish('公開2：ビルド中に公開した質問ですか？')
      expect(builds[0]!.endedAt).toBeUndefined()
      await settle()
      await settle()
      expect(builds.map((b) => b.question)).toEqual([
        '公開1：ビルド前に公開した質問ですか？',
        '公開2：ビルド中に公開した質問ですか？',
      ])
      expect(builds[1]!.startedAt).toBeGreaterThanOrEqual(builds[0]!.endedAt!)
      expect(mostAtOnce).toBe(1)
      expect(liveQuestion()).toBe('公開2：ビルド中に公開した質問ですか？')
      expect(liveContentVersion(siteFolder(root))).toBe(await readContentVersion(reader))
    })

    it('the content version follows what the site shows: a draft save leaves it, an unpublish and a delete change it', async () => {
      const before = await readContentVersion(reader)
      await payload.update({
        collection: 'faqs',
        id: faqId,
        data: { question: '下書きだけの変更ですか？' } as never,
        draft: true,
        overrideAccess: true,
      })
      expect(await readContentVersion(reader)).toBe(before)
      await payload.update({
        collection: 'faqs',
        id: faqId,
        data: { _status: 'draft' } as never,
        overrideAccess: true,
      })
      const unpublished = await readContentVersion(reader)
      expect(unpublished).not.toBe(before)
      const refs = {
        category: (await payload.find({ collection: 'categories', limit: 1 })).docs[0]!.id,
        source: (await payload.find({ collection: 'sources', limit: 1 })).docs[0]!.id,
      }
      const extra = await payload.create({
        collection: 'faqs',
        data: { ...faqData(refs, { slug: 'shared-build-extra' }), _status: 'published' } as never,
      })
      const withExtra = await readContentVersion(reader)
      expect(withExtra).not.toBe(unpublished)
      await payload.delete({ collection: 'faqs', id: extra.id, overrideAccess: true })
      expect(await readContentVersion(reader)).toBe(unpublished)
      await payload.updateGlobal({ slug: 'synonyms', data: { groups: [] } as never, overrideAccess: true })
      expect(await readContentVersion(reader)).not.toBe(unpublished)
    })
  },
)
