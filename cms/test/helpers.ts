import type { Payload } from 'payload'

import { ROLES, type Role } from '../src/access/roles'
import { CLIENT_ADDRESS_HEADER } from '../src/http/clientAddress'
import { getMigratedPayload } from '../src/lib/payload'
import { lexical } from './setup/lexical'

export type TestUser = { id: number | string; email: string; roles: Role[]; collection: 'users' }

export async function startPayload(): Promise<Payload> {
  return getMigratedPayload()
}

/** One user per role, created by the system. */
export async function createRoleUsers(payload: Payload): Promise<Record<Role, TestUser>> {
  const users = {} as Record<Role, TestUser>
  for (const role of ROLES) {
    const email = `${role.toLowerCase()}@example.test`
    const doc = await payload.create({
      collection: 'users',
      data: { email, password: 'correct horse battery', roles: [role], name: role },
    })
    users[role] = { id: doc.id, email, roles: [role], collection: 'users' }
  }
  return users
}

/** A category and a source to hang FAQs on. */
export async function createReferences(payload: Payload) {
  const category = await payload.create({
    collection: 'categories',
    data: { name: '更新', nameEn: 'Renewal', slug: 'renewal' },
  })
  const source = await payload.create({
    collection: 'sources',
    data: {
      title: '公的個人認証サービス FAQ',
      publisher: 'J-LIS',
      url: 'https://www2.jpki.go.jp/faq/digital_id.html',
      checkedAt: '2026-11-24',
      slug: 'jpki-faq',
    },
  })
  return { category: category.id, source: source.id }
}

export const faqData = (
  refs: { category: number | string; source: number | string },
  overrides: Record<string, unknown> = {},
) => ({
  question: '電子証明書の有効期限はいつまでですか？',
  alternatives: [
    { text: '証明書 いつまで' },
    { text: 'でんししょうめいしょ きげん' },
    { text: '5年で切れるの？' },
  ],
  shortAnswer: '発行日から5回目の誕生日までです。',
  answer: lexical('電子証明書は発行日から5回目の誕生日までです。'),
  category: refs.category,
  sources: [refs.source],
  operatorNotes: '券面の記入欄が空欄のこともあります。',
  reviewBy: '2027-05-31',
  ...overrides,
})

/**
 * A REST request as Kotae's server hands it on (for Payload's `handleEndpoints`, the handler the
 * REST route serves): a JWT, a JSON body, the client's address in its own header.
 */
export const restRequest = (method: string, url: string, token?: string, body?: unknown, address?: string) =>
  new Request(`http://localhost${url}`, {
    method,
    headers: {
      ...(token ? { Authorization: `JWT ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(address ? { [CLIENT_ADDRESS_HEADER]: address } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
