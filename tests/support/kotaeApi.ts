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

  return { api, login }
}
