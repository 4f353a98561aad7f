import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ROLES, type Role } from '../src/access/roles'
import { faqData, type TestUser } from './helpers'
import { startWithStaff, type References } from './setup/staffAndReferences'

type Op = 'read' | 'create' | 'update' | 'publish' | 'delete'
type Who = Role | 'anonymous'
const WHO: Who[] = [...ROLES, 'anonymous']

/**
 * The access matrix, written out in full so a change to any cell is a visible decision.
 * `read` means "can read a published public entry"; the finer read rules have their own tests.
 */
const MATRIX: Record<string, Record<Op, Who[]>> = {
  faqs: {
    read: WHO,
    create: ['admin', 'editor', 'reviewer'],
    update: ['admin', 'editor', 'reviewer'],
    publish: ['admin', 'reviewer'],
    delete: ['admin', 'reviewer'],
  },
  guides: {
    read: WHO,
    create: ['admin', 'editor', 'reviewer'],
    update: ['admin', 'editor', 'reviewer'],
    publish: ['admin', 'reviewer'],
    delete: ['admin', 'reviewer'],
  },
  categories: {
    read: WHO,
    create: ['admin', 'editor', 'reviewer'],
    update: ['admin', 'editor', 'reviewer'],
    publish: [],
    delete: ['admin', 'reviewer'],
  },
  sources: {
    read: WHO,
    create: ['admin', 'editor', 'reviewer'],
    update: ['admin', 'editor', 'reviewer'],
    publish: [],
    delete: ['admin', 'reviewer'],
  },
  'audit-log': { read: ['admin', 'reviewer', 'supervisor'], create: [], update: [], publish: [], delete: [] },
}

let payload: Payload, users: Record<Role, TestUser>, refs: References

beforeAll(async () => {
  ;({ payload, users, refs } = await startWithStaff())
})
afterAll(() => payload?.destroy())

const userOf = (who: Who) => (who === 'anonymous' ? undefined : users[who])
let counter = 0
const unique = () => `t${++counter}`

/** Data for a new document of each collection. */
function newDoc(collection: string): Record<string, unknown> {
  const slug = unique()
  switch (collection) {
    case 'faqs':
      return faqData(refs, { slug, question: `質問 ${slug} の有効期限はいつまでですか？` })
    case 'guides':
      return {
        slug,
        title: `ガイド ${slug}`,
        procedure: 'certificate-renewal',
        summary: '電子証明書を更新する手順です。',
        category: refs.category,
        steps: [{ title: '窓口へ行く', detail: 'カードを持って市民課の窓口へ行きます。' }],
        where: '市民課窓口',
        when: '平日 8:30～17:15',
        sources: [refs.source],
        reviewBy: '2027-05-31',
      }
    case 'categories':
      return { slug, name: `カテゴリ${slug}`, nameEn: `Category ${slug}` }
    case 'sources':
      return {
        slug,
        title: `出典${slug}`,
        publisher: 'デジタル庁',
        url: 'https://www.digital.go.jp/',
        checkedAt: '2026-11-24',
      }
    default:
      return { action: 'create', collectionSlug: 'faqs', docId: '1' }
  }
}

const hasDrafts = (collection: string) => collection === 'faqs' || collection === 'guides'

/** Creates a document as the system: published for drafts-enabled collections. */
async function systemDoc(collection: string, status: 'published' | 'draft' = 'published') {
  if (collection === 'audit-log') {
    const { docs } = await payload.find({ collection: 'audit-log', limit: 1, depth: 0 })
    return docs[0]!
  }
  const data = { ...newDoc(collection), ...(hasDrafts(collection) ? { _status: status } : {}) }
  return payload.create({
    collection: collection as 'faqs',
    data: data as never,
    draft: status === 'draft',
    depth: 0,
  })
}

async function attempt(collection: string, op: Op, who: Who): Promise<boolean> {
  const user = userOf(who)
  const asUser = { overrideAccess: false, user, depth: 0 } as const
  try {
    switch (op) {
      case 'read': {
        const doc = await systemDoc(collection)
        const found = await payload.find({
          collection: collection as 'faqs',
          where: { id: { equals: doc.id } },
          ...asUser,
        })
        return found.docs.length === 1
      }
      case 'create': {
        const draft = hasDrafts(collection)
        await payload.create({
          collection: collection as 'faqs',
          data: { ...newDoc(collection), ...(draft ? { _status: 'draft' } : {}) } as never,
          draft,
          ...asUser,
        })
        return true
      }
      case 'update': {
        const doc = await systemDoc(collection)
        const field =
          collection === 'faqs'
            ? { shortAnswer: '更新しました。' }
            : collection === 'guides'
              ? { summary: '更新しました。' }
              : collection === 'categories'
                ? { name: '更新' }
                : collection === 'sources'
                  ? { title: '更新' }
                  : { title: 'x' }
        await payload.update({
          collection: collection as 'faqs',
          id: doc.id,
          data: { ...field, ...(hasDrafts(collection) ? { _status: 'draft' } : {}) } as never,
          draft: hasDrafts(collection),
          ...asUser,
        })
        return true
      }
      case 'publish': {
        if (!hasDrafts(collection)) return false
        const doc = await systemDoc(collection, 'draft')
        await payload.update({
          collection: collection as 'faqs',
          id: doc.id,
          data: { _status: 'published' } as never,
          ...asUser,
        })
        return true
      }
      case 'delete': {
        const doc = await systemDoc(collection)
        await payload.delete({ collection: collection as 'faqs', id: doc.id, ...asUser })
        return true
      }
    }
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 403 || status === 401 || status === 404) return false
    throw error
  }
}

describe('access matrix: each role × each collection × read / create / update / publish / delete', () => {
  for (const [collection, ops] of Object.entries(MATRIX)) {
    for (const op of Object.keys(ops) as Op[]) {
      for (const who of WHO) {
        const allowed = ops[op].includes(who)
        it(`${collection} ${op} by ${who}: ${allowed ? 'allowed' : 'refused'}`, async () => {
          expect(await attempt(collection, op, who)).toBe(allowed)
        })
      }
    }
  }
})

describe('users', () => {
  it('only an admin creates users; others see only themselves; nobody but an admin changes roles', async () => {
    const asEditor = { overrideAccess: false, user: users.editor } as const
    await expect(
      payload.create({
        collection: 'users',
        data: { email: 'x@example.test', password: 'pw-pw-pw-pw', roles: ['operator'] },
        ...asEditor,
      }),
    ).rejects.toMatchObject({ status: 403 })
    const seen = await payload.find({ collection: 'users', ...asEditor })
    expect(seen.docs.map((u) => u.email)).toEqual([users.editor.email])
    const self = await payload.update({
      collection: 'users',
      id: users.editor.id,
      data: { roles: ['admin'], name: '編集 太郎' },
      ...asEditor,
    })
    expect(self.roles).toEqual(['editor'])
    expect(self.name).toBe('編集 太郎')
    const all = await payload.find({ collection: 'users', overrideAccess: false, user: users.admin })
    expect(all.totalDocs).toBe(ROLES.length)
    await expect(payload.find({ collection: 'users', overrideAccess: false })).rejects.toMatchObject({
      status: 403,
    })
  })
})

describe('passwords', () => {
  it('a new or changed password has at least 12 characters and is not a common one', async () => {
    const create = (password: string) =>
      payload.create({
        collection: 'users',
        data: { email: `pw-${unique()}@example.test`, password, roles: ['operator'] },
      })
    await expect(create('abc')).rejects.toMatchObject({
      status: 400,
      data: { errors: [{ path: 'password', message: expect.stringContaining('12文字以上') }] },
    })
    await expect(create('qwerty123456')).rejects.toMatchObject({
      status: 400,
      data: { errors: [{ path: 'password', message: expect.stringContaining('推測されやすい') }] },
    })
    await expect(create('QWERTY123456')).rejects.toMatchObject({ status: 400 })
    const ok = await create('しずかな　みずうみの　あさ')
    expect(ok.id).toBeDefined()
    const asSelf = { overrideAccess: false, user: users.editor } as const
    // With the current password (test/userSecurity.int.spec.ts), so the policy is what refuses.
    const change = (password: string) =>
      payload.update({
        collection: 'users',
        id: users.editor.id,
        data: { password, currentPassword: 'correct horse battery' },
        ...asSelf,
      })
    await expect(change('short')).rejects.toMatchObject({
      status: 400,
      data: { errors: [{ path: 'password' }] },
    })
    await expect(change('password1234')).rejects.toMatchObject({
      status: 400,
      data: { errors: [{ path: 'password' }] },
    })
  })
})

describe('job queue', () => {
  // GET /api/payload-jobs/run runs this same check with the signed-in user.
  for (const who of WHO) {
    const allowed = who === 'admin'
    it(`running the job queue by ${who}: ${allowed ? 'allowed' : 'refused'}`, async () => {
      const req = await createLocalReq({ user: userOf(who) as never }, payload)
      const run = payload.jobs.run({ req, overrideAccess: false, silent: true })
      if (allowed) await expect(run).resolves.toBeDefined()
      else await expect(run).rejects.toMatchObject({ status: 403 })
    })
  }
})
