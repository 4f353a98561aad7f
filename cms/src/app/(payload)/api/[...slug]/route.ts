import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { requireJsonObjectBody } from '../../../../http/jsonBody'
import { guardLogin, isLoginRequest } from '../../../../http/loginGuard'
import { guardResetRequest, isResetRequest } from '../../../../http/resetRequestGuard'
import { boundRestQuery } from '../../../../http/restQuery'

type Handler = ReturnType<typeof REST_GET>

/** Writes carry one JSON object, or are answered 400 here (src/http/jsonBody.ts). */
const objectBody =
  (handler: Handler): Handler =>
  async (request, args) => {
    const checked = await requireJsonObjectBody(request)
    return checked instanceof Response ? checked : handler(checked, args)
  }

const get = REST_GET(config)
// Reads are bounded here, for every collection and global at once (src/http/restQuery.ts).
export const GET: Handler = (request, args) => get(boundRestQuery(request), args)
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
