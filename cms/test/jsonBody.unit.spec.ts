import { describe, expect, it } from 'vitest'

import { requireJsonObjectBody } from '../src/http/jsonBody'

const post = (body: string, type = 'application/json') =>
  new Request('http://kotae.test/api/calls', {
    method: 'POST',
    headers: { 'content-type': type, cookie: 'payload-token=t' },
    body,
  })

describe('requireJsonObjectBody: a JSON write carries one object', () => {
  it.each(['null', '[]', '[{"summary":"x"}]', '"text"', '42', 'true', '{"summary":'])(
    'answers 400 to %s',
    async (body) => {
      const res = await requireJsonObjectBody(post(body))
      expect(res).toBeInstanceOf(Response)
      expect((res as Response).status).toBe(400)
      expect(
        ((await (res as Response).json()) as { errors: { message: string }[] }).errors[0]!.message,
      ).toMatch(/JSON/)
    },
  )

  it('passes an object on, body and headers intact', async () => {
    const checked = await requireJsonObjectBody(post('{"summary":"暗証番号の再設定を案内した。"}'))
    expect(checked).toBeInstanceOf(Request)
    const request = checked as Request
    expect(await request.json()).toEqual({ summary: '暗証番号の再設定を案内した。' })
    expect(request.headers.get('cookie')).toBe('payload-token=t')
    expect(request.method).toBe('POST')
  })

  it('leaves other content types to their own handlers', async () => {
    const events = post('null', 'text/plain')
    expect(await requireJsonObjectBody(events)).toBe(events)
    const noBody = new Request('http://kotae.test/api/users/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    })
    expect(await requireJsonObjectBody(noBody)).toBe(noBody)
  })
})
