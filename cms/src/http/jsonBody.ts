/**
 * A JSON write to the REST API must carry one JSON object. Payload takes any JSON value as the
 * document (`null`, `[]`, `"x"`) and then fails inside its operations with a 500; this answers 400
 * first. The body is at most the route's limit (bodyLimit.ts), so reading it here costs little.
 * Other content types (the admin's multipart form posts, the site's text/plain events) pass as they are.
 */
export async function requireJsonObjectBody(request: Request): Promise<Request | Response> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json' || request.body === null) return request
  const text = await request.text()
  let value: unknown
  try {
    value = text ? JSON.parse(text) : {}
  } catch {
    return badRequest('The body is not valid JSON.')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return badRequest('The body must be a JSON object, e.g. {"summary": "…"}.')
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: text,
    signal: request.signal,
  })
}

const badRequest = (message: string) => Response.json({ errors: [{ message }] }, { status: 400 })
