import { detectAddress } from './address'
import { foldWidth } from './fold'
import { detectPostalCode } from './postalCode'
import type { PiiFinding } from './types'

/**
 * Public addresses (`keepAddresses`): the city hall's and the counters' addresses stay readable
 * however a summary writes them (〒739-8601 東広島市西条栄町8番29号, 西条栄町8-29, ８番２９号). An
 * address is compared by its block numbers (all of them, building and room included: 8-29 is not
 * 8-29-302) and its place name (one must end the other: 西条栄町 and 東広島市西条栄町 are the same
 * place, 東広島市 alone is not); a postal code by its seven digits.
 */
type AddressKey = { place: string; blocks: string }
type Keys = { addresses: AddressKey[]; postalCodes: Set<string> }

/** The place name (before the first block number, no spaces or pauses) and the block numbers of an address. */
function addressKey(address: string): AddressKey {
  const first = address.search(/\d|[一二三四五六七八九十]+丁目/)
  return {
    // (pauses said between the parts do not count: 西条栄町の、8番29号 is 西条栄町8番29号)
    place: address
      .slice(0, first < 0 ? address.length : first)
      .replace(/\s/g, '')
      .replace(/(?<=[市町村区郡])(?:の、|、|の)/g, ''),
    blocks: (address.match(/\d+/g) ?? []).map(Number).join('-'),
  }
}

const samePlace = (a: string, b: string) =>
  Math.min(a.length, b.length) >= 2 && (a.endsWith(b) || b.endsWith(a))

// The keys of one allow-list, made once per list (the CMS passes the same array until content changes).
const cache = new WeakMap<readonly string[], Keys>()
function keysOf(list: readonly string[]): Keys {
  let keys = cache.get(list)
  if (!keys) {
    keys = { addresses: [], postalCodes: new Set() }
    for (const entry of list) {
      const text = foldWidth(entry)
      for (const f of detectAddress(text, {})) keys.addresses.push(addressKey(text.slice(f.start, f.end)))
      for (const f of detectPostalCode(text, {}))
        keys.postalCodes.add(text.slice(f.start, f.end).replace(/\D/g, ''))
    }
    cache.set(list, keys)
  }
  return keys
}

/** The findings without the addresses and postal codes that `keepAddresses` lists (as above). */
export function withoutPublicAddresses(
  findings: PiiFinding[],
  folded: string,
  keepAddresses: readonly string[] | undefined,
): PiiFinding[] {
  if (!keepAddresses?.length) return findings
  const keys = keysOf(keepAddresses)
  return findings.filter((f) => {
    const text = folded.slice(f.start, f.end)
    if (f.kind === 'postalCode') return !keys.postalCodes.has(text.replace(/\D/g, ''))
    if (f.kind !== 'address') return true
    const key = addressKey(text)
    return !keys.addresses.some((k) => k.blocks === key.blocks && samePlace(k.place, key.place))
  })
}
