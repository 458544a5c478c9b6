import type { Calendar } from './calendar.js'
import type { FoundTime, Modifier, TimeMeaning, Unit } from './meaning.js'
import {
  COUNT_ALTERNATION, COUNT_NOUNS_WITHOUT_S, COUNT_WORDS, FULL_MONTH_ALTERNATION, MONTH_ALTERNATION, MONTH_NUMBERS,
  SEASON_WORDS, VAGUE_COUNT, VAGUE_COUNT_WORDS, YEAR_NOUN_PLURALS,
} from './vocabulary.js'

/*
 * Our own rules for what chrono misses or misreads: bare years, decades, seasons, months without a
 * day, "early/mid/late X", "last/this/next year", and phrases relative to a dated event. Each rule is
 * a regex over one sentence with a function that reads its groups; overlaps are settled by the caller.
 */

/** Years we read as years when written alone; other four-digit numbers are counts or codes. */
const MIN_YEAR = 1800
const MAX_YEAR = 2099

const YEAR = '(?:1[89]|20)\\d{2}'
/** Not part of a longer number, an amount, a code ("S-400", "Su-35", "Russia-24"), a path or a decimal. */
const NUMBER_BEFORE = '(?<![\\w$€£¥#/.,-]|\\d[.,])'
const NUMBER_AFTER = '(?![\\w%/-]|[.,]\\d|\\s*(?:percent|per\\s+cent)\\b)'
/** "early", "mid-", "late", "the end of", "the beginning of", "the middle of". */
const MODIFIER = '(?:(?<mod>[Ee]arly|[Mm]id|[Ll]ate)(?:\\s*-\\s*|\\s+)|(?:[Tt]he\\s+)?(?<modOf>[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle)\\s+of\\s+(?:the\\s+)?)'
const SEASON = '(?<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)'
/** Prepositions that make a bare month a time ("in May"); without one, "May" may be the verb. */
const MONTH_CUE = '[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Tt]o|[Dd]uring|[Tt]hrough|[Oo]f|[Bb]efore|[Aa]fter|[Ee]arlier\\s+in|[Ll]ater\\s+in'
/** Counted words before a number that make it a count, not a year ("more than 2000"). */
const COUNT_CUE_BEFORE = /\b(?:than|nearly|almost|roughly|approximately|some|least|total|of\s+about|up\s+to)\s+$/i
const WORD_AFTER = /^\s+([A-Za-z]+)/

const DECADE_RE = new RegExp(`${NUMBER_BEFORE}${MODIFIER}?(?<decade>(?:1[89]|20)\\d0)['’]?s\\b`, 'g')
const SEASON_YEAR_RE = new RegExp(`\\b${MODIFIER}?${SEASON}(?:\\s+of)?,?\\s+(?<year>${YEAR})${NUMBER_AFTER}`, 'g')
const MONTH_YEAR_RE = new RegExp(`\\b${MODIFIER}?(?<month>${MONTH_ALTERNATION})\\.?(?:\\s+of)?,?\\s+(?<year>${YEAR})${NUMBER_AFTER}`, 'g')
const MODIFIED_YEAR_RE = new RegExp(`\\b${MODIFIER}(?<year>${YEAR})${NUMBER_AFTER}`, 'g')
const RELATIVE_PERIOD_RE = /(?<!\b[Tt]he\s+)\b(?<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+(?<unit>year|month|week)\b(?!\s*-?\s*(?:long|old)\b)/g
const RELATIVE_NAMED_RE = new RegExp(`(?<!\\b[Tt]he\\s+)\\b(?<rel>[Ll]ast|[Tt]his|[Nn]ext)\\s+(?:(?<month>${FULL_MONTH_ALTERNATION})|${SEASON})\\b(?!\\.?\\s*\\d)`, 'g')
const BARE_SEASON_RE = new RegExp(`(?<=\\b(?:[Ii]n|[Dd]uring|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]hrough)\\s+(?:the\\s+)?)${MODIFIER}?${SEASON}\\b(?!\\s+of\\b|,?\\s+\\d)`, 'g')
const BARE_MONTH_RE = new RegExp(`\\b(?:(?<cue>${MONTH_CUE})\\s+(?:the\\s+)?)?${MODIFIER}?(?<month>${FULL_MONTH_ALTERNATION})\\b(?!\\.?\\s*\\d|,?\\s+${YEAR})`, 'g')
const YEAR_RANGE_RE = new RegExp(`${NUMBER_BEFORE}(?<y1>${YEAR})\\s*[–—-]\\s*(?<y2>${YEAR}|\\d{2})${NUMBER_AFTER}`, 'g')
const BARE_YEAR_RE = new RegExp(`${NUMBER_BEFORE}(?<year>${YEAR})${NUMBER_AFTER}`, 'g')

const EVENT_RELATION: Readonly<Record<string, 'before' | 'after' | 'during'>> = {
  before: 'before', 'ahead of': 'before', 'prior to': 'before', until: 'before', 'in the run-up to': 'before', 'on the eve of': 'before',
  after: 'after', following: 'after', since: 'after', during: 'during',
}
const eventRegexes = new WeakMap<Calendar, RegExp>()
const eventGates = new WeakMap<Calendar, RegExp>()

/*
 * Cheap tests that gate the costlier rules: most sentences that pass the stage's pre-filter hold
 * a year or a "last", not a season, a decade or an event noun.
 */
const HAS_YEAR = /\d{4}/
const HAS_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/
const HAS_SEASON = /[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter/
const HAS_DECADE = /\d0['’]?s\b/
const HAS_SHIFT_WORD = /\b(?:[Ll]ast|[Tt]his|[Nn]ext)\s/

/** The calendar's event noun heads ("election", "vote", "midterm"), as a gate. */
function eventGate(calendar: Calendar): RegExp {
  let re = eventGates.get(calendar)
  if (!re) {
    re = new RegExp(calendar.nounHeads.join('|'), 'i')
    eventGates.set(calendar, re)
  }
  return re
}

function eventRegex(calendar: Calendar): RegExp {
  let re = eventRegexes.get(calendar)
  if (!re) {
    const relations = Object.keys(EVENT_RELATION).sort((a, b) => b.length - a.length).map((r) => `[${r[0]!.toUpperCase()}${r[0]}]${r.slice(1).replace(/ /g, '\\s+')}`).join('|')
    re = new RegExp(`\\b(?:(?:(?<count>${COUNT_ALTERNATION}|\\d+)\\s+)?(?<unit>days?|weeks?|months?|years?)\\s+)?(?<rel>${relations})\\s+(?<event>${calendar.phrasePattern})\\b`, 'g')
    eventRegexes.set(calendar, re)
  }
  return re
}

/**
 * Every time expression our rules find in one sentence, overlapping ones included (the caller
 * keeps the longest). Offsets are relative to `text`.
 *
 * @example
 * findRuleTimes('Trade grew in late September and in the mid-2030s.', calendar)
 * // [{ meaning: { kind: 'month', month: 9 }, modifier: 'late', … }, { meaning: { kind: 'decade', decade: 2030 }, modifier: 'mid', … }]
 */
export function findRuleTimes(text: string, calendar: Calendar): FoundTime[] {
  const out: FoundTime[] = []
  const hasYear = HAS_YEAR.test(text)
  const hasMonth = HAS_MONTH.test(text)
  const hasSeason = HAS_SEASON.test(text)
  if (eventGate(calendar).test(text)) for (const m of text.matchAll(eventRegex(calendar))) pushEvent(out, m, calendar)
  if (hasYear) {
    if (HAS_DECADE.test(text)) for (const m of text.matchAll(DECADE_RE)) push(out, m, 'decade', { kind: 'decade', decade: Number(m.groups!.decade) })
    if (hasSeason) for (const m of text.matchAll(SEASON_YEAR_RE)) push(out, m, 'season', { kind: 'season', season: SEASON_WORDS.get(m.groups!.season!.toLowerCase())!, year: Number(m.groups!.year) })
    if (hasMonth) for (const m of text.matchAll(MONTH_YEAR_RE)) push(out, m, 'month', { kind: 'month', month: MONTH_NUMBERS.get(m.groups!.month!)!, year: Number(m.groups!.year) })
    for (const m of text.matchAll(MODIFIED_YEAR_RE)) push(out, m, 'year', { kind: 'year', year: Number(m.groups!.year) })
    for (const m of text.matchAll(YEAR_RANGE_RE)) pushRange(out, m)
    for (const m of text.matchAll(BARE_YEAR_RE)) {
      if (isYearCount(text, m.index, m.index + m[0].length)) continue
      out.push({ start: m.index, end: m.index + m[0].length, meaning: { kind: 'year', year: Number(m.groups!.year) } })
    }
  }
  if (HAS_SHIFT_WORD.test(text)) {
    for (const m of text.matchAll(RELATIVE_PERIOD_RE)) {
      out.push({ start: m.index, end: m.index + m[0].length, meaning: { kind: 'relative', unit: m.groups!.unit as Unit, amount: shiftOf(m.groups!.rel!) } })
    }
    if (hasMonth || hasSeason) {
      for (const m of text.matchAll(RELATIVE_NAMED_RE)) {
        const g = m.groups!
        const shift = shiftOf(g.rel!)
        const meaning: TimeMeaning = g.month ? { kind: 'month', month: MONTH_NUMBERS.get(g.month)!, shift } : { kind: 'season', season: SEASON_WORDS.get(g.season!.toLowerCase())!, shift }
        out.push({ start: m.index, end: m.index + m[0].length, meaning })
      }
    }
  }
  if (hasSeason) for (const m of text.matchAll(BARE_SEASON_RE)) push(out, m, 'season', { kind: 'season', season: SEASON_WORDS.get(m.groups!.season!.toLowerCase())! })
  if (hasMonth) {
    for (const m of text.matchAll(BARE_MONTH_RE)) {
      if (m.groups!.cue === undefined && modifierOf(m) === undefined) continue
      push(out, m, 'month', { kind: 'month', month: MONTH_NUMBERS.get(m.groups!.month!)! })
    }
  }
  return out
}

function push(out: FoundTime[], m: RegExpMatchArray, main: string, meaning: TimeMeaning): void {
  const modifier = modifierOf(m)
  const g = m.groups!
  // The first of these words in the match is the group itself: no cue contains a modifier word, a month name or digits.
  const start = m.index! + m[0].indexOf((g.mod ?? g.modOf ?? g[main])!)
  out.push({ start, end: m.index! + m[0].length, meaning, ...(modifier ? { modifier } : {}) })
}

function modifierOf(m: RegExpMatchArray): Modifier | undefined {
  const word = (m.groups?.mod ?? m.groups?.modOf)?.toLowerCase()
  if (word === undefined) return undefined
  if (word === 'early' || word === 'beginning' || word === 'start') return 'early'
  if (word === 'mid' || word === 'middle') return 'mid'
  return 'late'
}

function shiftOf(word: string): -1 | 0 | 1 {
  const w = word.toLowerCase()
  return w === 'last' ? -1 : w === 'next' ? 1 : 0
}

function pushRange(out: FoundTime[], m: RegExpMatchArray): void {
  const g = m.groups!
  const y1 = Number(g.y1)
  const y2 = g.y2!.length === 2 ? Math.floor(y1 / 100) * 100 + Number(g.y2) : Number(g.y2)
  if (y2 <= y1) return
  const start2 = m.index! + m[0].lastIndexOf(g.y2!)
  out.push({ start: m.index!, end: m.index! + g.y1!.length, meaning: { kind: 'year', year: y1 } })
  out.push({ start: start2, end: start2 + g.y2!.length, meaning: { kind: 'year', year: y2 } })
}

function pushEvent(out: FoundTime[], m: RegExpMatchArray, calendar: Calendar): void {
  const g = m.groups!
  const series = calendar.seriesOf(g.event!)
  if (!series) return
  const year = /\b(?:19|20)\d{2}\b/.exec(g.event!)?.[0]
  const relation = EVENT_RELATION[g.rel!.toLowerCase().replace(/\s+/g, ' ')] ?? 'during'
  let offset: { amount: number; unit: Unit; vague: boolean } | undefined
  if (g.unit) {
    const count = g.count?.toLowerCase().replace(/\s+/g, ' ')
    const exact = count === undefined ? undefined : COUNT_WORDS.get(count) ?? (/^\d+$/.test(count) ? Number(count) : undefined)
    const vague = exact === undefined
    if (count !== undefined && vague && !VAGUE_COUNT_WORDS.has(count)) return
    offset = { amount: exact ?? VAGUE_COUNT, unit: g.unit.replace(/s$/, '') as Unit, vague }
  }
  out.push({
    start: m.index!,
    end: m.index! + m[0].length,
    meaning: { kind: 'event', series, relation, ...(year ? { year: Number(year) } : {}), ...(offset ? { offset } : {}) },
    ...(relation !== 'during' ? { modifier: relation } : {}),
  })
}

/** A four-digit number that counts things: "2000 troops", "more than 1900". */
function isYearCount(text: string, start: number, end: number): boolean {
  const year = Number(text.slice(start, end))
  if (year < MIN_YEAR || year > MAX_YEAR) return true
  if (COUNT_CUE_BEFORE.test(text.slice(Math.max(0, start - 20), start))) return true
  const next = WORD_AFTER.exec(text.slice(end, end + 30))?.[1]
  if (next === undefined || next !== next.toLowerCase()) return false
  if (COUNT_NOUNS_WITHOUT_S.has(next)) return true
  return next.length > 3 && next.endsWith('s') && !next.endsWith('ss') && !YEAR_NOUN_PLURALS.has(next)
}
