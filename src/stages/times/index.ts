import { languageOf, type Document, type Span, type TimeExpression, type TimesLayer } from '../../document/index.js'
import type { Stage, StageConfig } from '../../pipeline/stage.js'
import { loadCalendar, type Calendar } from './calendar.js'
import { CHRONO_CUE, findChronoTimes } from './chrono.js'
import type { FoundTime, TimeMeaning } from './meaning.js'
import { lexiconFor, type Lexicon } from '../../language/index.js'
import { findLexiconTimes } from './lexicon-times.js'
import { sentenceLanguages } from '../metadata/block-language.js'
import { findRuleTimes } from './patterns.js'
import { resolveTime, type Reference, type Resolved } from './resolve.js'
import { classifyRole, isFutureClause } from './role.js'

export { loadCalendar, type Calendar, type EventSeries } from './calendar.js'
export { resolveTime, type Reference } from './resolve.js'

/**
 * One cheap test per sentence before any rule runs: a month or weekday name, four digits, a numeric
 * date, a casual day word, "last/this/next" before a period, a season, or a calendar event's noun.
 * No alternative starts with `\b`: a literal or a class first lets the regex engine skip ahead.
 */
function timeCue(calendar: Calendar): RegExp {
  return new RegExp(
    'J(?:an|u[nl])|Feb|Ma[ry]|A(?:pr|ug)|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|\\d{4}|\\d/\\d' +
      '|ago\\b|[Yy]esterday|[Tt]o(?:day|morrow|night)|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter' +
      '|(?:[Ll]ast|[Tt]his|[Nn]ext)\\s+(?:year|month|week)' +
      `|${calendar.nounHeads.join('|')}`,
  )
}
const timeCues = new WeakMap<Calendar, RegExp>()

/**
 * Finds every time expression in the document's sentences and normalises it against the
 * publication date (metadata), or `config.referenceDate` when the document has no date. With
 * `byParagraph` (the default), a paragraph in another language is read with that language's words.
 *
 * @example
 * const layer = findTimes(doc)
 * layer.times[0] // { id: 't0', span, value: '2025-10-15', precision: 'day', anchor: 'publication', role: 'reported-event', sentence: 3 }
 * layer.eventDate // { value: '2025-10-15', precision: 'day', time: 't0' }
 */
export function findTimes(doc: Document, config: Readonly<StageConfig> = {}, calendar: Calendar = loadCalendar(), byParagraph = true): TimesLayer {
  let cue = timeCues.get(calendar)
  if (!cue) timeCues.set(calendar, (cue = timeCue(calendar)))
  const reference = referenceOf(doc, config)
  // Only a date the text states counts as a date line; an inferred date's span is the evidence it was inferred from.
  const published = doc.layers.metadata?.published
  const datelineSpan = published?.basis.startsWith('text:') ? published.span : undefined
  const times: TimeExpression[] = []
  const sentences = doc.layers.sentences?.sentences ?? []
  const own = foreignLexicon(doc)
  // A paragraph in another language than the document's is read with that language's words.
  const languages = byParagraph ? sentenceLanguages(doc) : []
  const docLanguage = languageOf(doc)
  let context: { block: number; year: number } | undefined
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!.span
    const block = sentences[i]!.block
    const text = doc.source.slice(s.start, s.end)
    const lexicon = !byParagraph || languages[i] === docLanguage ? own : foreignLexiconOf(languages[i])
    const speech = lexicon === undefined ? undefined : speechCue(lexicon)
    const foreign = lexicon === undefined ? [] : findLexiconTimes(text, lexicon)
    if (foreign.length === 0 && !cue.test(text)) continue
    const found = [...foreign, ...findRuleTimes(text, calendar)]
    if (CHRONO_CUE.test(text)) found.push(...findChronoTimes(text))
    for (const f of keepLongest(found)) {
      const span: Span = { start: s.start + f.start, end: s.start + f.end }
      const future = isFutureClause(text, f.start, f.end)
      const contextYear = context?.block === block ? context.year : undefined
      const resolved = lexicon !== undefined && !future && isYearless(f.meaning)
        ? nearestOf(resolveInContext(f.meaning, reference, false, contextYear), resolveInContext(f.meaning, reference, true, contextYear), reference)
        : resolveInContext(f.meaning, reference, future, contextYear)
      if (resolved.anchor === 'absolute' && resolved.precision !== 'decade') context = { block, year: Number(resolved.value!.slice(0, 4)) }
      const dateline = datelineSpan !== undefined && datelineSpan.start < span.end && span.start < datelineSpan.end
      const role = classifyRole({ sentence: text, start: f.start, end: f.end, meaning: f.meaning, resolved, reference, future, dateline, ...(speech ? { speech } : {}) })
      const modifier = f.modifier ?? resolved.modifier
      times.push({
        id: `t${times.length}`,
        span,
        value: resolved.value,
        precision: resolved.precision,
        ...(modifier ? { modifier } : {}),
        anchor: resolved.anchor,
        role,
        sentence: i,
      })
    }
  }
  const lead = times.find((t) => t.role === 'reported-event' && t.value !== null)
  return { times, ...(lead ? { eventDate: { value: lead.value!, precision: lead.precision, time: lead.id } } : {}) }
}

/** The times stage: every temporal expression with its normalised value, precision, anchor and role. */
export const times: Stage = {
  name: 'times',
  requires: ['sentences', 'metadata'],
  produces: ['times'],
  run: (doc, config) => ({ times: findTimes(doc, config) }),
}

/** A day or a month without a year and without a shift word ("10. November", "в октябре", not "letzten Oktober"). */
function isYearless(meaning: TimeMeaning): boolean {
  return (meaning.kind === 'date' || (meaning.kind === 'month' && meaning.shift === undefined)) && meaning.year === undefined
}

/**
 * Of a yearless day's past and future readings, the one nearer the publication date. English
 * tells them by the tense of its clause (`isFutureClause`); the other languages have no rule for
 * tense yet, and a news report's "10. November" or "к 1 октября" is the one within half a year of
 * its date, before or after it.
 */
function nearestOf(past: Resolved, future: Resolved, reference: Reference | undefined): Resolved {
  if (reference === undefined || past.value === null || future.value === null || past.value === future.value) return past
  const at = Date.parse(reference.date)
  const distance = (r: Resolved): number => Math.abs(Date.parse(r.value!) - at)
  return distance(future) < distance(past) ? future : past
}

/**
 * A month, season or day without a year that the publication date cannot place ("in September"
 * in an article dated only to a year) takes the year of the last absolute time earlier in the
 * same paragraph ("In 2019 … In September …"), anchored `context`.
 */
function resolveInContext(meaning: TimeMeaning, reference: Reference | undefined, future: boolean, contextYear: number | undefined): Resolved {
  const resolved = resolveTime(meaning, reference, future)
  if (resolved.value !== null || contextYear === undefined) return resolved
  if ((meaning.kind !== 'month' && meaning.kind !== 'season' && meaning.kind !== 'date') || meaning.year !== undefined || ('shift' in meaning && meaning.shift !== undefined)) return resolved
  return { ...resolveTime({ ...meaning, year: contextYear }, undefined, future), anchor: 'context' }
}

/** The lexicon of a document written in another language than English, when Dossier has one. */
function foreignLexicon(doc: Document): Lexicon | undefined {
  return foreignLexiconOf(doc.layers.metadata?.language?.value)
}

/** The lexicon of a language other than English, when Dossier has one (English has its own rules). */
function foreignLexiconOf(language: string | undefined): Lexicon | undefined {
  const lexicon = lexiconFor(language)
  return lexicon?.code === 'en' ? undefined : lexicon
}

const speechCues = new WeakMap<Lexicon, RegExp>()

/** The lexicon's speech verbs as one test: a sentence that reports a statement. */
function speechCue(lexicon: Lexicon): RegExp {
  let cue = speechCues.get(lexicon)
  if (!cue) {
    const words = [...lexicon.speechVerbs].sort((a, b) => b.length - a.length).join('|')
    cue = lexicon.unspaced ? new RegExp(`(?:${words})`, 'u') : new RegExp(`(?<![\\p{L}])(?:${words})(?![\\p{L}])`, 'iu')
    speechCues.set(lexicon, cue)
  }
  return cue
}

const REFERENCE_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/

/** The publication date, else the configured reference date (its day part), else none. */
function referenceOf(doc: Document, config: Readonly<StageConfig>): Reference | undefined {
  const published = doc.layers.metadata?.published?.value
  if (published) return { date: published.date, precision: published.precision }
  const m = config.referenceDate ? REFERENCE_DATE.exec(config.referenceDate) : null
  if (!m) return undefined
  return { date: m[0], precision: m[3] ? 'day' : m[2] ? 'month' : 'year' }
}

/** Of overlapping expressions, the longest wins ("late September" over "September"); then source order. */
function keepLongest(found: readonly FoundTime[]): FoundTime[] {
  const kept: FoundTime[] = []
  for (const f of [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f)
  }
  return kept.sort((a, b) => a.start - b.start)
}
