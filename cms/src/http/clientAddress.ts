import { isIP } from 'node:net'

/** The header Kotae's own server sets to the client's address; whatever a client sends in it is replaced. */
export const CLIENT_ADDRESS_HEADER = 'x-kotae-client-address'

const normalize = (address: string): string =>
  address
    .trim()
    .replace(/^::ffff:/, '')
    .replace(/^\[(.*)\]$/, '$1')

/**
 * The address of the client behind any trusted proxies. `X-Forwarded-For` is read from the right:
 * each trusted proxy appends the address it received from, so the first untrusted address from the
 * right is the client. Anything to its left was written by the client and is ignored. From an
 * untrusted peer the header is ignored altogether (anyone can set it).
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: readonly string[],
): string {
  const trusted = new Set(trustedProxies.map(normalize))
  const chain = [
    ...(Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(','),
    peer ?? '',
  ]
    .map(normalize)
    .filter((a) => a !== '')
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = chain[i]!
    if (!trusted.has(address) || i === 0) return isIP(address) ? address : 'unknown'
  }
  return 'unknown'
}
