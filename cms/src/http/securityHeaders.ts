import { randomBytes } from 'node:crypto'

/**
 * Headers every response of the admin and the public site's server carries. No page of Kotae is
 * meant to be framed, so framing is refused both ways (CSP for current browsers, X-Frame-Options
 * for old ones); plugins, a changed <base> and forms posting elsewhere are refused too. The script
 * policy differs: the admin's is per response (adminScriptPolicy), the public site's is in each
 * page's <meta> (site/astro.config.mjs), so it holds on any server the city puts the site on.
 */
export const BASE_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"

export function securityHeaders(serverUrl: string): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy': BASE_POLICY,
    'referrer-policy': 'same-origin',
    // Only where browsers reach Kotae over https; on plain http the header is ignored anyway.
    ...(serverUrl.startsWith('https:') ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  }
}

/**
 * The admin's policy for one response: scripts run only with this response's nonce, or when a
 * script that had it loads them ('strict-dynamic'). Next.js reads the nonce from the same header
 * on the request and puts it on every script it renders, inline ones included.
 */
export function adminScriptPolicy(): { nonce: string; policy: string } {
  const nonce = randomBytes(18).toString('base64')
  return { nonce, policy: `${BASE_POLICY}; script-src 'nonce-${nonce}' 'strict-dynamic'` }
}
