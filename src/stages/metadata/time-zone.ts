import type { DateValue } from '../../document/index.js'

/** A date-time as written: its calendar day, minutes after midnight, and its offset from UTC in minutes (0 for Z/UTC/GMT), or undefined when it states none. */
export interface WrittenTime {
  readonly day: string
  readonly minutes: number
  readonly offset?: number
  /** The clock reading as written, in milliseconds as if it were UTC: two readings of one instant differ by their offsets. */
  readonly clock: number
  readonly hasSeconds: boolean
}

/** The latest and earliest offsets in use (UTC−12:00 to UTC+14:00), in minutes. */
const MIN_OFFSET = -12 * 60
const MAX_OFFSET = 14 * 60
const ISO_TIME = /^\s*(\d{4})-(\d{2})-(\d{2})[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$/i
/** Offsets are whole quarter hours. */
const OFFSET_STEP_MS = 15 * 60 * 1000

/**
 * Reads an ISO 8601 date-time ("2022-03-15T02:40:10Z", "2021-06-05 00:20:00+0200",
 * "2022-03-14 18:40:10"). A value that is not one gives undefined.
 *
 * @example
 * readWrittenTime('2022-03-15T02:40:10Z') // { day: '2022-03-15', minutes: 160, offset: 0, clock: …, hasSeconds: true }
 */
export function readWrittenTime(value: string): WrittenTime | undefined {
  const m = ISO_TIME.exec(value)
  if (!m) return undefined
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number]
  const base = { day: `${m[1]}-${m[2]}-${m[3]}`, minutes: h * 60 + mi, clock: Date.UTC(y, mo - 1, d, h, mi, sec), hasSeconds: m[6] !== undefined }
  const zone = m[7]
  if (!zone) return base
  if (/^(?:z|utc|gmt)$/i.test(zone)) return { ...base, offset: 0 }
  const digits = zone.replace(':', '')
  const sign = digits.startsWith('-') ? -1 : 1
  return { ...base, offset: sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0)) }
}

/**
 * The page's own offset: the one its date-times state, other than UTC (a CMS writing
 * "+02:00" beside a "Z" stamp is telling where it is); else the difference between a UTC stamp
 * and a date-time with no offset that writes the same instant in local time, to the second
 * ("2022-03-15T02:40:10Z" beside "2022-03-14 18:40:10" is UTC−8). Undefined when neither is there.
 *
 * @example
 * pageOffset(['2022-03-15T02:40:10Z', '2022-03-14 18:40:10']) // -480
 */
export function pageOffset(values: readonly string[]): number | undefined {
  const times = values.map(readWrittenTime).filter((t): t is WrittenTime => t !== undefined)
  const stated = times.find((t) => t.offset !== undefined && t.offset !== 0)
  if (stated) return stated.offset
  for (const utc of times.filter((t) => t.offset === 0 && t.hasSeconds)) {
    for (const local of times.filter((t) => t.offset === undefined && t.hasSeconds)) {
      const diff = local.clock - utc.clock
      if (diff !== 0 && diff % OFFSET_STEP_MS === 0 && diff >= MIN_OFFSET * 60000 && diff <= MAX_OFFSET * 60000) return diff / 60000
    }
  }
  return undefined
}

/**
 * The day a UTC stamp falls on in the page's own zone. With the page's offset known, the stamp is
 * moved into it. Without it, a day the page writes in its own zone (`localDays`: a date in the
 * URL, the text, a date-time with no offset) that the stamp can fall on (the day before when its
 * time is before 12:00 UTC, the day after from 10:00 UTC) is taken when the stamp's own UTC day is
 * not among them. A stamp with a non-UTC offset already names its page's day and stays as written.
 *
 * @example
 * dayInPageZone(readWrittenTime('2022-03-15T02:40:10Z')!, undefined, ['2022-03-14']) // '2022-03-14'
 * dayInPageZone(readWrittenTime('2021-06-04T22:20:00Z')!, 120, [])                   // '2021-06-05'
 */
export function dayInPageZone(stamp: WrittenTime, offset: number | undefined, localDays: readonly string[]): string {
  if (stamp.offset !== 0) return stamp.day
  if (offset !== undefined) return shiftDay(stamp.day, Math.floor((stamp.minutes + offset) / (24 * 60)))
  if (localDays.includes(stamp.day)) return stamp.day
  const before = stamp.minutes + MIN_OFFSET < 0 ? shiftDay(stamp.day, -1) : undefined
  const after = stamp.minutes + MAX_OFFSET >= 24 * 60 ? shiftDay(stamp.day, 1) : undefined
  const near = [before, after].filter((d): d is string => d !== undefined && localDays.includes(d))
  return near.length === 1 ? near[0]! : stamp.day
}

/** A UTC stamp's day value as read by `dayInPageZone`, for a DateValue read from it. */
export function inPageZone(value: DateValue, raw: string, offset: number | undefined, localDays: readonly string[]): DateValue {
  const stamp = readWrittenTime(raw)
  if (!stamp || value.precision !== 'day' || stamp.day !== value.date) return value
  const day = dayInPageZone(stamp, offset, localDays)
  return day === value.date ? value : { date: day, precision: 'day' }
}

function shiftDay(day: string, by: number): string {
  if (by === 0) return day
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1, d + by))
  return `${t.getUTCFullYear()}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`
}
