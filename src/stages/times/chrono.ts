import { createRequire } from 'node:module'
import type * as chronoType from 'chrono-node'
import type { FoundTime, TimeMeaning } from './meaning.js'
import { WEEKDAYS } from './vocabulary.js'

/*
 * chrono-node for what it reads well: dates with a day ("February 5, 2026", "5 Feb 2026",
 * "2025-10-16", "10/15/2025"), weekdays, "yesterday"/"today"/"tomorrow" and "N days ago".
 * Only the parsers for those run: the full casual set costs about six times as much and adds
 * times of day ("from 10" in "from 10 percent") and month-only readings our own rules handle.
 */

/** Parser class names kept from chrono's English casual configuration. */
const KEPT_PARSERS: ReadonlySet<string> = new Set([
  'ENYearMonthDayParser', 'ISOFormatParser', 'SlashDateFormatParser', 'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser', 'ENWeekdayParser', 'ENTimeUnitAgoFormatParser', 'ENCasualDateParser',
])

// Made on the first parse, not on import: chrono-node takes ~250 ms to load, and most callers of
// the library (reading, storing, serving) never parse a date this way.
let parser: chronoType.Chrono | undefined
function chronoParser(): chronoType.Chrono {
  if (parser === undefined) {
    const chrono = createRequire(import.meta.url)('chrono-node') as typeof chronoType
    const c = chrono.casual.clone()
    c.parsers = c.parsers.filter((p) => KEPT_PARSERS.has(p.constructor.name))
    parser = c
  }
  return parser
}

/**
 * chrono resolves against this fixed instant, never the clock: we read only what the text states
 * (certain components) and differences from this instant ("3 days ago" → -3 days), so the answer
 * does not depend on it. Mid-month and midday keep month and day arithmetic away from edges.
 */
const CHRONO_REFERENCE = { instant: new Date(Date.UTC(2001, 0, 15, 12)), timezone: 0 }
const REFERENCE_DAY = Date.UTC(2001, 0, 15) / 86_400_000

/**
 * Where chrono is worth running: a month name before or after a number, a weekday, a numeric
 * date, or a casual day word. Case-sensitive on names ("may", "sun" are other words), and cheap.
 */
const CHRONO_CUE_SOURCE =
  '\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s*\\d|\\d\\s*(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)' +
  '|\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b|\\d{4}-\\d{2}-\\d{2}|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|ago)\\b'
export const CHRONO_CUE = new RegExp(CHRONO_CUE_SOURCE)
const CHRONO_CUES = new RegExp(CHRONO_CUE_SOURCE, 'g')

/**
 * chrono runs on a window around each cue, not the whole sentence: its month and weekday parsers
 * cost about 0.5 µs per character, and a time never reaches further from its cue than this
 * ("a couple of weeks ago", "Wednesday, October 15, 2025").
 */
const WINDOW_BEFORE_CHARS = 30
const WINDOW_AFTER_CHARS = 30

/** A leading word chrono includes that is not part of the time ("on Wednesday"). */
const LEADING_PREPOSITION = /^(?:on|at|by|since|until|in|from|of)\s+/i
const WEEKDAY_NAME = new RegExp(`\\b(?:${WEEKDAYS.join('|')})\\b`)
const TRAILING_PUNCTUATION = /[\s,;:]+$/
const SHIFT_WORD = /^(last|this|next)\s/i
const VAGUE_AGO = /^(?:a\s+few|few|several|some|many)\b/i

/**
 * Time expressions chrono finds in one sentence, as meanings; offsets relative to `text`.
 *
 * @example
 * findChronoTimes('Talks were held on Wednesday and end on February 5, 2026.')
 * // [{ meaning: { kind: 'weekday', weekday: 3 } …}, { meaning: { kind: 'date', year: 2026, month: 2, day: 5 } …}]
 */
export function findChronoTimes(text: string): FoundTime[] {
  const out: FoundTime[] = []
  for (const w of cueWindows(text)) {
    for (const r of chronoParser().parse(text.slice(w.start, w.end), CHRONO_REFERENCE)) {
      const index = w.start + r.index
      if (/[\w,.]/.test(text[index - 1] ?? ' ')) continue
      const lead = LEADING_PREPOSITION.exec(r.text)?.[0].length ?? 0
      const start = index + lead
      const words = r.text.slice(lead).replace(TRAILING_PUNCTUATION, '')
      const meaning = meaningOf(r, words)
      if (!meaning) continue
      const about = meaning.kind === 'relative' && VAGUE_AGO.test(words)
      out.push({ start, end: start + words.length, meaning, ...(about ? { modifier: 'about' as const } : {}) })
    }
  }
  return out
}

/** Windows around the cues, widened to whole words and merged where they overlap. */
function cueWindows(text: string): { start: number; end: number }[] {
  const windows: { start: number; end: number }[] = []
  for (const m of text.matchAll(CHRONO_CUES)) {
    let start = Math.max(0, m.index - WINDOW_BEFORE_CHARS)
    while (start > 0 && !/\s/.test(text[start - 1]!)) start--
    let end = Math.min(text.length, m.index + m[0].length + WINDOW_AFTER_CHARS)
    while (end < text.length && !/\s/.test(text[end]!)) end++
    const last = windows.at(-1)
    if (last && start <= last.end) last.end = Math.max(last.end, end)
    else windows.push({ start, end })
  }
  return windows
}

function meaningOf(r: chronoType.ParsedResult, words: string): TimeMeaning | undefined {
  const c = r.start
  const tags = r.tags()
  const relative = tags.has('result/relativeDate') || [...tags].some((t) => t.startsWith('casualReference/'))
  if (relative) {
    if (/^now$/i.test(words)) return undefined
    const d = c.date()
    if (c.isCertain('day')) return { kind: 'relative', unit: 'day', amount: Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 86_400_000 - REFERENCE_DAY) }
    if (c.isCertain('month')) return { kind: 'relative', unit: 'month', amount: (d.getUTCFullYear() - 2001) * 12 + d.getUTCMonth() }
    if (c.isCertain('year')) return { kind: 'relative', unit: 'year', amount: d.getUTCFullYear() - 2001 }
    return undefined
  }
  if (c.isCertain('day') && c.isCertain('month')) {
    const year = c.isCertain('year') ? c.get('year')! : undefined
    return { kind: 'date', month: c.get('month')!, day: c.get('day')!, ...(year !== undefined ? { year } : {}) }
  }
  if (c.isCertain('weekday') && WEEKDAY_NAME.test(words)) {
    const shift = SHIFT_WORD.exec(words)?.[1]?.toLowerCase()
    return { kind: 'weekday', weekday: c.get('weekday')!, ...(shift ? { shift: shift === 'last' ? -1 : shift === 'next' ? 1 : 0 } : {}) }
  }
  return undefined
}
