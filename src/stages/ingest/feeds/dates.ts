import { MONTHS } from '../../metadata/months.js'

/** RFC 822 zone names and the US ones feeds use, in minutes east of UTC. */
const ZONES: Readonly<Record<string, number>> = {
  ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  a: -60, m: -720, n: 60, y: 720, cet: 60, cest: 120, bst: 60, ist: 330, jst: 540, aest: 600, aedt: 660,
}

/**
 * A feed date as an ISO 8601 UTC instant, or undefined when it cannot be read. Reads RFC 822 dates
 * (RSS: day name optional, two-digit years, seconds optional, zone as a name or offset, missing
 * zone as UTC) and W3C/ISO 8601 dates (Atom, dc:date: partial dates, a space for the T, offsets
 * with or without a colon), as feedparser does.
 *
 * @example
 * parseFeedDate('Tue, 21 Mar 2023 09:00:00 EST')   // '2023-03-21T14:00:00.000Z'
 * parseFeedDate('2023-03-21')                      // '2023-03-21T00:00:00.000Z'
 */
export function parseFeedDate(value: string | undefined): string | undefined {
  const text = value?.trim()
  if (!text) return undefined
  return parseIso(text) ?? parseRfc822(text) ?? parseLoose(text)
}

const ISO = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i

function parseIso(text: string): string | undefined {
  const m = ISO.exec(text)
  if (!m) return undefined
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', frac, zone] = m
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0
  return build(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), ms, zoneMinutes(zone))
}

const RFC822 = /^(?:[a-z]+,?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([a-z]+|[+-]\d{2}:?\d{2})?/i

function parseRfc822(text: string): string | undefined {
  const m = RFC822.exec(text)
  if (!m) return undefined
  const [, d, mon, y, h = '0', mi = '0', s = '0', zone] = m
  const month = MONTHS.get(mon!.toLowerCase())
  if (!month) return undefined
  let year = Number(y)
  if (y!.length === 2) year += year < 50 ? 2000 : 1900
  return build(year, month, Number(d), Number(h), Number(mi), Number(s), 0, zoneMinutes(zone))
}

/** Last resort: what the JavaScript engine reads ("March 21, 2023 9:00 AM"), taken as UTC when it has no zone. */
function parseLoose(text: string): string | undefined {
  if (!/[a-z]{3}/i.test(text) || !/\d{4}/.test(text)) return undefined
  const hasZone = /(?:gmt|utc|z|[+-]\d{2}:?\d{2})\s*$/i.test(text)
  const ms = Date.parse(hasZone ? text : `${text} UTC`)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

function zoneMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0
  const offset = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)
  if (offset) return (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3] ?? 0))
  return ZONES[zone.toLowerCase()]
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, zone: number | undefined): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined
  const utc = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - (zone ?? 0) * 60_000
  const date = new Date(utc)
  if (Number.isNaN(date.getTime()) || new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined
  return date.toISOString()
}
