import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { boundRestQuery } from '../../../../http/restQuery'

const get = REST_GET(config)
// Reads are bounded here, for every collection and global at once (src/http/restQuery.ts).
export const GET: typeof get = (request, args) => get(boundRestQuery(request), args)
export const POST = REST_POST(config)
export const DELETE = REST_DELETE(config)
export const PATCH = REST_PATCH(config)
export const PUT = REST_PUT(config)
export const OPTIONS = REST_OPTIONS(config)
