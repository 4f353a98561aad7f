import { randomBytes } from 'node:crypto'

import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  CURRENT_PASSWORD_MISSING,
  CURRENT_PASSWORD_WRONG,
} from '../src/collections/Users/requireCurrentPassword'
import {
  guardLogin,
  LOGIN_ATTEMPTS,
  LOGIN_FAILED_MESSAGE,
  LOGIN_FAILURE_FLOOR_MS,
  LOGIN_THROTTLED_MESSAGE,
} from '../src/http/loginGuard'
import { restRequest as request, startPayload, type TestUser } from './helpers'

let payload: Payload
let admin: TestUser

const PASSWORD = 'correct horse battery'
const NEW_PASSWORD = 'しずかな　みずうみの　あさ'

beforeAll(async () => {
  payload = await startPayload()
  admin = await staff('admin')
})
afterAll(async () => {
  await payload?.destroy()
})

/** A new user with PASSWORD. */
async function staff(role: 'admin' | 'operator' = 'operator'): Promise<TestUser> {
  const email = `${role}-${randomBytes(4).toString('hex')}@example.test`
  const doc = await payload.create({
    collection: 'users',
    data: { email, password: PASSWORD, roles: [role] },
  })
  return { id: doc.id, email, roles: [role], collection: 'users' }
}

const signsIn = (email: string, password: string) =>
  payload.login({ collection: 'users', data: { email, password } }).then(
    () => true,
    () => false,
  )

/** The REST API as the route serves it (src/app/(payload)/api/[...slug]/route.ts), with the sign-in guard and its shared count. */
const rest = (method: string, url: string, token?: string, body?: unknown, address?: string) =>
  handleEndpoints({ config: payload.config, request: request(method, url, token, body, address) })
const guardedLogin = guardLogin((req: Request) => handleEndpoints({ config: payload.config, request: req }))
const signIn = (address: string, email: string, password: string) =>
  guardedLogin(request('POST', '/api/users/login', undefined, { email, password }, address))

const fieldErrors = (error: unknown) =>
  (error as { data?: { errors?: { path: string; message: string }[] } }).data?.errors

describe("changing one's own password or e-mail asks for the current password", () => {
  it('local API with the user: missing or wrong current password is a 400 naming currentPassword; the right one changes it', async () => {
    const u = await staff()
    const asSelf = { overrideAccess: false, user: u } as const
    const missing = await payload
      .update({ collection: 'users', id: u.id, data: { password: NEW_PASSWORD }, ...asSelf })
      .catch((e: unknown) => e)
    expect(missing).toMatchObject({ status: 400 })
    expect(fieldErrors(missing)).toEqual([{ path: 'currentPassword', message: CURRENT_PASSWORD_MISSING }])

    const started = Date.now()
    const wrong = await payload
      .update({
        collection: 'users',
        id: u.id,
        data: { password: NEW_PASSWORD, currentPassword: 'not the password' },
        ...asSelf,
      })
      .catch((e: unknown) => e)
    // Answered no sooner than a failed sign-in.
    expect(Date.now() - started).toBeGreaterThanOrEqual(LOGIN_FAILURE_FLOOR_MS - 5)
    expect(wrong).toMatchObject({ status: 400 })
    expect(fieldErrors(wrong)).toEqual([{ path: 'currentPassword', message: CURRENT_PASSWORD_WRONG }])
    expect(await signsIn(u.email, PASSWORD)).toBe(true)

    const emailChange = await payload
      .update({ collection: 'users', id: u.id, data: { email: `moved-${u.email}` }, ...asSelf })
      .catch((e: unknown) => e)
    expect(fieldErrors(emailChange)).toEqual([{ path: 'currentPassword', message: CURRENT_PASSWORD_MISSING }])

    const changed = await payload.update({
      collection: 'users',
      id: u.id,
      data: { password: NEW_PASSWORD, currentPassword: PASSWORD },
      ...asSelf,
    })
    expect(changed).not.toHaveProperty('currentPassword')
    expect(await signsIn(u.email, NEW_PASSWORD)).toBe(true)
    expect(await signsIn(u.email, PASSWORD)).toBe(false)

    const moved = await payload.update({
      collection: 'users',
      id: u.id,
      data: { email: `moved-${u.email}`, currentPassword: NEW_PASSWORD },
      ...asSelf,
    })
    expect(moved.email).toBe(`moved-${u.email}`)
    // The same e-mail in other letters' case is no change; other fields need no password.
    const renamed = await payload.update({
      collection: 'users',
      id: u.id,
      data: { name: '受付 花子', email: `MOVED-${u.email}` },
      ...asSelf,
    })
    expect(renamed.name).toBe('受付 花子')
  })

  it("an administrator resets another user's password without one, but not their own", async () => {
    const u = await staff()
    await payload.update({
      collection: 'users',
      id: u.id,
      data: { password: NEW_PASSWORD },
      overrideAccess: false,
      user: admin,
    })
    expect(await signsIn(u.email, NEW_PASSWORD)).toBe(true)
    const own = await payload
      .update({
        collection: 'users',
        id: admin.id,
        data: { password: NEW_PASSWORD },
        overrideAccess: false,
        user: admin,
      })
      .catch((e: unknown) => e)
    expect(fieldErrors(own)).toEqual([{ path: 'currentPassword', message: CURRENT_PASSWORD_MISSING }])
    // The system (no user: seed, scripts) sets passwords as before.
    await payload.update({ collection: 'users', id: u.id, data: { password: PASSWORD } })
    expect(await signsIn(u.email, PASSWORD)).toBe(true)
  })

  it('REST PATCH /api/users/:id: 400 naming currentPassword in Japanese; the right one keeps the session it was sent from and leaves no other', async () => {
    const u = await staff()
    const { token } = await payload.login({
      collection: 'users',
      data: { email: u.email, password: PASSWORD },
    })
    const sessions = async () =>
      (
        (await payload.db.findOne({ collection: 'users', where: { id: { equals: u.id } } })) as {
          sessions?: unknown[]
        }
      ).sessions?.length ?? 0
    expect(await sessions()).toBe(1)

    const missing = await rest('PATCH', `/api/users/${u.id}`, token, { password: NEW_PASSWORD })
    expect(missing.status).toBe(400)
    const body = (await missing.json()) as {
      errors: { message: string; data: { errors: { path: string; message: string }[] } }[]
    }
    expect(body.errors[0]!.message).toContain('currentPassword')
    expect(body.errors[0]!.data.errors).toEqual([
      { path: 'currentPassword', message: CURRENT_PASSWORD_MISSING },
    ])
    const wrong = await rest('PATCH', `/api/users/${u.id}`, token, {
      email: `new-${u.email}`,
      currentPassword: 'not the password',
    })
    expect(wrong.status).toBe(400)

    const moved = await rest('PATCH', `/api/users/${u.id}`, token, {
      email: `new-${u.email}`,
      currentPassword: PASSWORD,
    })
    expect(moved.status).toBe(200)
    expect(JSON.stringify(await moved.json())).not.toContain(PASSWORD)
    // The check signed in and out again: no session was added.
    expect(await sessions()).toBe(1)

    const changed = await rest('PATCH', `/api/users/${u.id}`, token, {
      password: NEW_PASSWORD,
      currentPassword: PASSWORD,
    })
    expect(changed.status).toBe(200)
    // Payload keeps the session the change came from (and ends all others).
    expect(await sessions()).toBe(1)
    const me = (await (await rest('GET', '/api/users/me', token)).json()) as {
      user: { email: string } | null
    }
    expect(me.user?.email).toBe(`new-${u.email}`)
    expect(await signsIn(`new-${u.email}`, NEW_PASSWORD)).toBe(true)
  })

  it('wrong current passwords lock nothing, but count as failed sign-ins of that account from that address', async () => {
    const u = await staff()
    const { token } = await payload.login({
      collection: 'users',
      data: { email: u.email, password: PASSWORD },
    })
    const change = (currentPassword: string) =>
      rest('PATCH', `/api/users/${u.id}`, token, { password: NEW_PASSWORD, currentPassword }, '198.51.100.70')
    for (let i = 0; i < LOGIN_ATTEMPTS.perAccount; i++) expect((await change(`guess-${i}`)).status).toBe(400)
    // A session is no way round the sign-in limit: that address is done with this account for the window.
    const throttled = await change(PASSWORD)
    expect(throttled.status).toBe(429)
    expect(((await throttled.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      LOGIN_THROTTLED_MESSAGE,
    )
    expect((await signIn('198.51.100.70', u.email, PASSWORD)).status).toBe(429)
    // The owner, anywhere else, signs in and changes the password.
    expect((await signIn('192.0.2.70', u.email, PASSWORD)).status).toBe(200)
    expect(
      (
        await rest(
          'PATCH',
          `/api/users/${u.id}`,
          token,
          { password: NEW_PASSWORD, currentPassword: PASSWORD },
          '192.0.2.70',
        )
      ).status,
    ).toBe(200)
  })
})

describe('strangers cannot lock a staff account', () => {
  it('25 failed sign-ins for an account from one address do not stop its owner signing in from another; that address is throttled', async () => {
    const u = await staff()
    const statuses: number[] = []
    for (let i = 0; i < 25; i++) statuses.push((await signIn('203.0.113.25', u.email, `guess-${i}`)).status)
    expect(statuses).toEqual([
      ...Array<number>(LOGIN_ATTEMPTS.perAccount).fill(401),
      ...Array<number>(25 - LOGIN_ATTEMPTS.perAccount).fill(429),
    ])
    expect((await signIn('203.0.113.25', u.email, PASSWORD)).status).toBe(429)
    const owner = await signIn('192.0.2.25', u.email, PASSWORD)
    expect(owner.status).toBe(200)
    expect(((await owner.json()) as { user: { email: string } }).user.email).toBe(u.email)
    // Payload keeps no lock of its own.
    expect(await signsIn(u.email, PASSWORD)).toBe(true)
  })

  it('an unknown e-mail and a staff one get the same answers, in the same time, and the same throttle', async () => {
    const u = await staff()
    const timed = async (address: string, email: string) => {
      const started = performance.now()
      const res = await signIn(address, email, 'wrong-password-123')
      return { status: res.status, body: (await res.json()) as unknown, ms: performance.now() - started }
    }
    const known: Awaited<ReturnType<typeof timed>>[] = []
    const unknown: Awaited<ReturnType<typeof timed>>[] = []
    for (let i = 0; i < LOGIN_ATTEMPTS.perAccount + 1; i++) {
      known.push(await timed('203.0.113.31', u.email))
      unknown.push(await timed('203.0.113.32', `nobody-${u.email}`))
    }
    expect(unknown.map(({ status, body }) => ({ status, body }))).toEqual(
      known.map(({ status, body }) => ({ status, body })),
    )
    expect(known[0]).toMatchObject({ status: 401, body: { errors: [{ message: LOGIN_FAILED_MESSAGE }] } })
    expect(known.at(-1)).toMatchObject({
      status: 429,
      body: { errors: [{ message: LOGIN_THROTTLED_MESSAGE }] },
    })
    const failed = (xs: typeof known) =>
      xs
        .slice(0, LOGIN_ATTEMPTS.perAccount)
        .map((x) => x.ms)
        .sort((a, b) => a - b)
    for (const ms of [...failed(known), ...failed(unknown)])
      expect(ms).toBeGreaterThanOrEqual(LOGIN_FAILURE_FLOOR_MS - 5)
    const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!
    // Hashing the wrong password (~120 ms) hides under the floor: the medians differ by scheduling noise only.
    expect(Math.abs(median(failed(known)) - median(failed(unknown)))).toBeLessThan(100)
  })
})

describe('a password set through the reset link meets the password policy', () => {
  it('POST /api/users/reset-password refuses a short or common password (400, naming password) and keeps the link; a strong one works', async () => {
    const u = await staff()
    // What the e-mailed link carries (Payload returns the token when no mail is sent).
    const token = await payload.forgotPassword({
      collection: 'users',
      data: { email: u.email },
      disableEmail: true,
    })
    expect(typeof token).toBe('string')

    for (const [password, says] of [
      ['short-pass', '12文字以上'],
      ['password1234', '推測されやすい'],
    ] as const) {
      const res = await rest('POST', '/api/users/reset-password', undefined, { token, password })
      expect(res.status).toBe(400)
      const body = (await res.json()) as {
        errors: { message: string; data: { errors: { path: string; message: string }[] } }[]
      }
      expect(body.errors[0]!.data.errors).toEqual([
        { path: 'password', message: expect.stringContaining(says) },
      ])
      expect(await signsIn(u.email, password)).toBe(false)
    }
    // The local API too.
    await expect(
      payload.resetPassword({
        collection: 'users',
        data: { token: token!, password: 'qwerty123456' },
        overrideAccess: true,
      }),
    ).rejects.toMatchObject({ status: 400, data: { errors: [{ path: 'password' }] } })
    expect(await signsIn(u.email, PASSWORD)).toBe(true)

    const ok = await rest('POST', '/api/users/reset-password', undefined, { token, password: NEW_PASSWORD })
    expect(ok.status).toBe(200)
    expect(await signsIn(u.email, NEW_PASSWORD)).toBe(true)
    expect(await signsIn(u.email, PASSWORD)).toBe(false)
    // The link is spent.
    expect(
      (
        await rest('POST', '/api/users/reset-password', undefined, {
          token,
          password: 'もういちど　べつの　あいことば',
        })
      ).status,
    ).toBe(403)
  })
})
