import { describe, expect, it } from 'vitest'

import { serializeError, withoutParameters, withoutParametersInArguments } from '../src/logging/logger'

describe('the server log never carries personal data from a failed query', () => {
  const failed = new Error(
    'Failed query: insert into "calls" ("summary", "callback_name", "callback_phone") values (?, ?, ?)\nparams: 要旨,山田太郎,090-1234-5678',
  )

  it('cuts the parameter list from the message and the stack', () => {
    const logged = serializeError(failed) as { message: string; stack: string }
    expect(JSON.stringify(logged)).not.toMatch(/山田太郎|090-1234-5678/)
    expect(logged.message).toContain('Failed query: insert into "calls"')
    expect(logged.message).toContain('params: [hidden]')
    expect(logged.stack).toContain('params: [hidden]')
  })

  it("keeps the error's kind and code, drops PostgreSQL's row detail, and follows the cause", () => {
    const pg = Object.assign(new Error('duplicate key value violates unique constraint "users_email_idx"'), {
      code: '23505',
      detail: 'Key (email)=(yamada@example.jp) already exists.',
    })
    const wrapped = new Error(
      'Failed query: insert into "users" ("email") values ($1)\nparams: yamada@example.jp',
      { cause: pg },
    )
    const logged = serializeError(wrapped) as { cause: { code: string; message: string } }
    expect(JSON.stringify(logged)).not.toContain('yamada@example.jp')
    expect(logged.cause.code).toBe('23505')
    expect(logged.cause.message).toContain('users_email_idx')
  })

  it('leaves text without parameters and non-errors as they are', () => {
    expect(withoutParameters('Failed query: select 1')).toBe('Failed query: select 1')
    expect(serializeError('plain')).toBe('plain')
  })

  it("cuts the parameter list from the log line's message too (Payload logs { err, msg: err.message })", () => {
    const [merged, text] = withoutParametersInArguments([
      { err: failed, msg: failed.message },
      failed.message,
    ]) as [{ err: Error; msg: string }, string]
    expect(merged.msg).toContain('params: [hidden]')
    expect(merged.err).toBe(failed) // the serializer handles the error itself
    expect(JSON.stringify([merged.msg, text])).not.toMatch(/山田太郎|090-1234-5678/)
  })
})
