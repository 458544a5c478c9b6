import { isIP } from 'node:net'

/** An IP range that must not be fetched: CIDR text, so the table reads like the RFCs it comes from. */
interface BlockedRange { readonly cidr: string; readonly why: string }

// Addresses a public news page never lives at. Fetching them would let an input reach the
// machine itself or the network behind it (server-side request forgery).
const BLOCKED_RANGES: readonly BlockedRange[] = [
  { cidr: '0.0.0.0/8', why: '"this network"' },
  { cidr: '10.0.0.0/8', why: 'private' },
  { cidr: '100.64.0.0/10', why: 'carrier-grade NAT' },
  { cidr: '127.0.0.0/8', why: 'loopback' },
  { cidr: '169.254.0.0/16', why: 'link-local' },
  { cidr: '172.16.0.0/12', why: 'private' },
  { cidr: '192.0.0.0/24', why: 'IETF protocol assignments' },
  { cidr: '192.0.2.0/24', why: 'documentation' },
  { cidr: '192.168.0.0/16', why: 'private' },
  { cidr: '198.18.0.0/15', why: 'benchmarking' },
  { cidr: '198.51.100.0/24', why: 'documentation' },
  { cidr: '203.0.113.0/24', why: 'documentation' },
  { cidr: '224.0.0.0/4', why: 'multicast' },
  { cidr: '240.0.0.0/4', why: 'reserved' },
  { cidr: '::/128', why: 'unspecified' },
  { cidr: '::1/128', why: 'loopback' },
  { cidr: 'fc00::/7', why: 'unique local' },
  { cidr: 'fe80::/10', why: 'link-local' },
  { cidr: 'fec0::/10', why: 'site-local' },
  { cidr: 'ff00::/8', why: 'multicast' },
  { cidr: '2001:db8::/32', why: 'documentation' },
]

// IPv6 forms that carry an IPv4 address in their last 32 bits: the IPv4 address decides.
const EMBEDDED_IPV4_PREFIXES: readonly string[] = ['::ffff:0:0/96', '64:ff9b::/96', '::/96']

/**
 * Why an address must not be fetched ("loopback", "private", …), or undefined for a public one.
 * Accepts IPv4 and IPv6 text, with or without IPv6 brackets.
 *
 * @example
 * blockedAddressReason('127.0.0.1')         // 'loopback'
 * blockedAddressReason('::ffff:10.0.0.1')   // 'private'
 * blockedAddressReason('93.184.215.14')     // undefined
 */
export function blockedAddressReason(address: string): string | undefined {
  const bytes = parseAddress(address.replace(/^\[|\]$/g, ''))
  if (!bytes) return 'not an IP address'
  if (bytes.length === 16) {
    for (const prefix of EMBEDDED_IPV4_PREFIXES) {
      if (inRange(bytes, prefix) && !inRange(bytes, '::/127')) return blockedAddressReason(bytes.slice(12).join('.'))
    }
  }
  return BLOCKED_RANGES.find((range) => inRange(bytes, range.cidr))?.why
}

function inRange(bytes: number[], cidr: string): boolean {
  const [base, bitsText] = cidr.split('/') as [string, string]
  const baseBytes = parseAddress(base)
  if (!baseBytes || baseBytes.length !== bytes.length) return false
  const bits = Number(bitsText)
  for (let i = 0; i < bits; i++) {
    const mask = 0x80 >> i % 8
    if ((bytes[i >> 3]! & mask) !== (baseBytes[i >> 3]! & mask)) return false
  }
  return true
}

/** The address as bytes: 4 for IPv4, 16 for IPv6; undefined if it is not an IP address. */
function parseAddress(address: string): number[] | undefined {
  const zoneless = address.replace(/%.*$/, '')
  const family = isIP(zoneless)
  if (family === 4) return zoneless.split('.').map(Number)
  if (family !== 6) return undefined
  let text = zoneless
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number]
    text = text.slice(0, dotted.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.split('::') as [string, string | undefined]
  const groups = (part: string | undefined): string[] => (part ? part.split(':') : [])
  const left = groups(head)
  const right = groups(tail)
  const middle = tail === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0')
  return [...left, ...middle, ...right].flatMap((g) => {
    const n = parseInt(g, 16)
    return [n >> 8, n & 0xff]
  })
}
