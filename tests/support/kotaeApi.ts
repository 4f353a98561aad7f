import { expect } from 'vitest'

export type Json = Record<string, any>
export type ApiResult = { status: number; json: Json }

/**
 * A JSON client for a running Kotae's REST API. Users are named by role ('admin', 'operator', …);
 * after `login(who)` the client signs that user's requests with their JWT. A body that is not JSON
 * comes back as `{ text }`, so an error page still shows in an assertion message.
 */
export function kotaeApi(options: { url: () => string; email: (who: string) => string; password: string }) {
  const tokens: Record<string, string> = {}

  async function api(who: string | null, method: string, path: string, body?: unknown): Promise<ApiResult> {
    const res = await fetch(`${options.url()}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(who ? { Authorization: `JWT ${tokens[who]}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    let json: Json
    try {
      json = JSON.parse(text) as Json
    } catch {
      json = { text }
    }
    return { status: res.status, json }
  }

  async function login(who: string): Promise<void> {
    const { status, json } = await api(null, 'POST', '/api/users/login', {
      email: options.email(who),
      password: options.password,
    })
    expect(status, JSON.stringify(json)).toBe(200)
    tokens[who] = json.token as string
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
