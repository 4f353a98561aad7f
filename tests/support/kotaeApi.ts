import type { Config } from '@kotae/cms/src/payload-types'
import { expect } from 'vitest'

type Collections = Config['collections']
/** A collection's document as Payload's REST API returns it (`depth=0`: relations are ids). */
export type Doc<S extends keyof Collections> = Collections[S]
/** `GET /api/<collection>`: one page of documents. */
export type List<S extends keyof Collections> = { docs: Doc<S>[]; totalDocs: number }
/** `POST /api/<collection>`: the document as created. */
export type Created<S extends keyof Collections> = { doc: Doc<S>; message: string }
/** Payload's error body; a validation error lists each field's path under `data.errors`. */
export type ApiErrors = {
  errors: { message: string; data?: { errors?: { path: string; message: string }[] } }[]
}

/**
 * A response: `json` is what the spec says the endpoint returns (`api<List<'faqs'>>(…)`); the body
 * is not checked against it, so an endpoint that returns something else fails the spec's assertion.
 */
export type ApiResult<T = unknown> = { status: number; json: T }

/**
 * A JSON client for a running Kotae's REST API. Users are named by role ('admin', 'operator', …);
 * after `login(who)` the client signs that user's requests with their JWT. A body that is not JSON
 * comes back as `{ text }`, so an error page still shows in an assertion message.
 */
export function kotaeApi(options: { url: () => string; email: (who: string) => string; password: string }) {
  const tokens: Record<string, string> = {}

  async function api<T = unknown>(
    who: string | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiResult<T>> {
    const res = await fetch(`${options.url()}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(who ? { Authorization: `JWT ${tokens[who]}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = { text }
    }
    return { status: res.status, json: json as T }
  }

  async function login(who: string): Promise<void> {
    const { status, json } = await api<{ token: string }>(null, 'POST', '/api/users/login', {
      email: options.email(who),
      password: options.password,
    })
    expect(status, JSON.stringify(json)).toBe(200)
    tokens[who] = json.token
  }

  /**
   * The staff a spec works as, added the way a city would: the first user registers and becomes
   * the administrator (signed in), who adds each of `staff` (role: its `who` unless given; a display
   * name if given). With `signIn`, each of them is signed in too.
   */
  async function registerStaff(staff: StaffUser[], { signIn = false } = {}): Promise<void> {
    const first = await api(null, 'POST', '/api/users/first-register', {
      email: options.email('admin'),
      password: options.password,
      roles: ['admin'],
    })
    expect(first.status, JSON.stringify(first.json)).toBeLessThan(300)
    await login('admin')
    for (const { who, role = who, name } of staff) {
      const created = await api('admin', 'POST', '/api/users', {
        email: options.email(who),
        password: options.password,
        roles: [role],
        ...(name === undefined ? {} : { name }),
      })
      expect(created.status, JSON.stringify(created.json)).toBe(201)
      if (signIn) await login(who)
    }
  }

  return { api, login, registerStaff }
}

/** A user {@link kotaeApi}'s `registerStaff` adds: named by `who` in the spec, with a role (default: `who`). */
export type StaffUser = { who: string; role?: string; name?: string }
