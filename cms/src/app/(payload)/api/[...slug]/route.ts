import config from '@payload-config'
import { getPayload } from 'payload'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { requireJsonObjectBody } from '../../../../http/jsonBody'
import { guardLogin, isLoginRequest } from '../../../../http/loginGuard'
import { guardResetRequest, isResetRequest } from '../../../../http/resetRequestGuard'
import { asksForMoreThan, boundRestQuery, REST_READ_BOUNDS } from '../../../../http/restQuery'

type Handler = ReturnType<typeof REST_GET>

/** Writes carry one JSON object, or are answered 400 here (src/http/jsonBody.ts). */
const objectBody =
  (handler: Handler): Handler =>
  async (request, args) => {
    const checked = await requireJsonObjectBody(request)
    return checked instanceof Response ? checked : handler(checked, args)
  }

const get = REST_GET(config)
/** Whether the request signs in a user (Payload's own auth strategies: session cookie, API key). */
const signedIn = async (request: Request): Promise<boolean> => {
  const payload = await getPayload({ config })
  return Boolean((await payload.auth({ headers: request.headers })).user)
}
// Reads are bounded here, for every collection and global at once (src/http/restQuery.ts); who
// asks is found out only for a page longer than an anonymous visitor may have.
export const GET: Handler = async (request, args) => {
  const long = asksForMoreThan(request, REST_READ_BOUNDS.anonymousMaxLimit)
  const maxLimit =
    long && !(await signedIn(request)) ? REST_READ_BOUNDS.anonymousMaxLimit : REST_READ_BOUNDS.maxLimit
  return get(boundRestQuery(request, maxLimit), args)
}
const post = objectBody(REST_POST(config))
// A failed sign-in gets one answer in one time, and each address a bounded number of tries.
const login = guardLogin(post)
// Reset links: bounded per address and per e-mail, one answer time whether the account exists.
const resetRequest = guardResetRequest(post)
export const POST: Handler = (request, args) =>
  isLoginRequest(request)
    ? login(request, args)
    : isResetRequest(request)
      ? resetRequest(request, args)
      : post(request, args)
export const DELETE = REST_DELETE(config)
export const PATCH = objectBody(REST_PATCH(config))
export const PUT = objectBody(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
