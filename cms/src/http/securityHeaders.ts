/**
 * Headers every response of the admin carries (scripts/server.ts). No page of Kotae is meant to be
 * framed, so framing is refused both ways (CSP for current browsers, X-Frame-Options for old ones).
 * A full script CSP is left out: Payload's admin needs inline scripts.
 */
export function securityHeaders(serverUrl: string): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy': "frame-ancestors 'none'",
    'referrer-policy': 'same-origin',
    // Only where browsers reach Kotae over https; on plain http the header is ignored anyway.
    ...(serverUrl.startsWith('https:') ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  }
}
