import ipaddr from 'ipaddr.js'

/**
 * Words for ipaddr.js's range names. Every range but `unicast` is refused: a public news page never
 * lives at a loopback, private, link-local, documentation or reserved address, and fetching one would
 * let an input reach the machine itself or the network behind it (server-side request forgery).
 */
const RANGE_WORDS: Readonly<Record<string, string>> = {
  unspecified: '"this network"',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade NAT',
  private: 'private',
  reserved: 'reserved',
  uniqueLocal: 'unique local',
  deprecatedSiteLocal: 'site-local',
  discard: 'discard-only',
  teredo: 'Teredo tunnel',
}

/**
 * Ranges refused even with `allowPrivate`: link-local holds the cloud metadata service
 * (169.254.169.254, fe80::), which no intranet page is served from and which hands out credentials.
 */
const ALWAYS_REFUSED = new Set(['linkLocal'])

// IPv6 forms that carry an IPv4 address: the IPv4 address decides.
const EMBEDDED_IPV4 = new Set(['ipv4Mapped', 'rfc6052', '6to4'])

export interface AddressPolicy {
  /** Allow loopback, private and other non-public ranges, but never link-local (default false). */
  readonly allowPrivate?: boolean
}

/**
 * Why an address must not be fetched ("loopback", "private", "link-local", …), or undefined when it
 * may be. Accepts IPv4 and IPv6 text, with or without IPv6 brackets and zone.
 *
 * @example
 * blockedAddressReason('127.0.0.1')                                  // 'loopback'
 * blockedAddressReason('127.0.0.1', { allowPrivate: true })          // undefined
 * blockedAddressReason('169.254.169.254', { allowPrivate: true })    // 'link-local'
 * blockedAddressReason('93.184.215.14')                              // undefined
 */
export function blockedAddressReason(address: string, policy: AddressPolicy = {}): string | undefined {
  const text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  if (!ipaddr.isValid(text)) return 'not an IP address'
  const range = rangeOf(ipaddr.parse(text))
  if (range === 'unicast') return undefined
  if (policy.allowPrivate && !ALWAYS_REFUSED.has(range)) return undefined
  if (range === 'unspecified' && text === '::') return 'unspecified'
  return RANGE_WORDS[range] ?? range
}

function rangeOf(ip: ipaddr.IPv4 | ipaddr.IPv6): string {
  if (ip.kind() === 'ipv4') return ip.range()
  const v6 = ip as ipaddr.IPv6
  const range = v6.range()
  const parts = v6.parts
  if (EMBEDDED_IPV4.has(range) || (range === 'unicast' && parts.slice(0, 6).every((p) => p === 0))) {
    // 6to4 carries its IPv4 address in bits 16-48; the others in the last 32 bits.
    const [hi, lo] = range === '6to4' ? [parts[1]!, parts[2]!] : [parts[6]!, parts[7]!]
    return rangeOf(ipaddr.fromByteArray([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]))
  }
  return range
}
