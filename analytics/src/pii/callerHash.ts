import { foldWidth } from './fold'
import { nationalPhoneDigits } from './phone'

/**
 * A caller's number in one canonical form (E.164: +81 and the national number without its 0), so
 * 090-1234-5678, 09012345678, ０９０－１２３４－５６７８ and +81 90 1234 5678 are one caller.
 * * Other countries' numbers (+…, or 010… as dialled from Japan) keep their + and digits. Undefined for anything that is not a number
 * (非通知, 公衆電話, an empty field), which must never be linked to anyone.
 */
export function normalizeCallerNumber(phone: string): string | undefined {
  const folded = foldWidth(phone).trim()
  const national = nationalPhoneDigits(folded)
  if (national) return `+81${national.slice(1)}`
  const international = /^(?:\+|010 ?)(\d[\d ().-]{6,20}\d)$/.exec(folded)
  if (international) {
    const digits = international[1]!.replace(/\D/g, '')
    if (digits.length >= 8 && digits.length <= 15 && !digits.startsWith('81')) return `+${digits}`
  }
  return undefined
}

const encoder = new TextEncoder()
/** The bytes of a key, copied into a fresh buffer (Web Crypto takes no shared buffers). */
const bytes = (key: string | Uint8Array): Uint8Array<ArrayBuffer> =>
  typeof key === 'string' ? encoder.encode(key) : new Uint8Array(key)

/** The salt's bytes; throws when it is too short to be a secret (both hashers check the same way). */
export function saltBytes(salt: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const raw = bytes(salt)
  if (raw.length < 16) throw new RangeError('the salt must be a secret of at least 16 bytes')
  return raw
}
let cached: { salt: string | Uint8Array; key: Promise<CryptoKey> } | undefined

function keyFor(salt: string | Uint8Array): Promise<CryptoKey> {
  if (cached?.salt !== salt) {
    cached = {
      salt,
      key: crypto.subtle.importKey('raw', saltBytes(salt), { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
      ]),
    }
  }
  return cached.key
}

/** HMAC-SHA256 of a message under a key, as lowercase hex (Web Crypto: Node 20+ and browsers). */
export async function hmacSha256Hex(key: string | Uint8Array, message: string): Promise<string> {
  const k = await crypto.subtle.importKey('raw', bytes(key), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ])
  return toHex(await crypto.subtle.sign('HMAC', k, encoder.encode(message)))
}

const toHex = (buf: ArrayBuffer) =>
  Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('')

/**
 * A pseudonym of a caller for repeat-call detection: HMAC-SHA256 of the normalized number under a
 * secret salt, as 64 hex characters; undefined when there is no number (非通知). The same number
 * in any format gives the same hash. Phone numbers are few enough (about 10¹⁰) to be found again from
 * a plain or publicly salted hash by trying them all, so the salt is a secret key: at least 16 bytes,
 * kept by the deployment, never stored next to the hashes. Changing it (e.g. every fiscal year)
 * unlinks old and new calls.
 */
export async function hashCaller(phone: string, salt: string | Uint8Array): Promise<string | undefined> {
  const normalized = normalizeCallerNumber(phone)
  if (normalized === undefined) return undefined
  const key = await keyFor(salt)
  return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(normalized)))
}
