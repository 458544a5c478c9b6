import type { Attested, DateValue, Document, Removal, Span } from '../../document/index.js'
import { findDates, readDate, weighPageDate, type DateEvidence } from './dates.js'
import { isFutureFramed } from './infer-date.js'
import { inPageZone, pageOffset, readWrittenTime } from './time-zone.js'

/** How far into the clean text a date still counts as the article's header date, in characters. */
const HEADER_CHARS = 300
/** How far before the article's first kept block a page's date line may stand (title, byline, share bar), in characters. */
const NEAR_ARTICLE_BEFORE_CHARS = 1500
/** …and how far into it. */
const NEAR_ARTICLE_AFTER_CHARS = 300
/** Lines at the top of a text page where a weather/today bar can stand. */
const TODAY_BAR_LINES = 6

/** "Published: …", "date 2025-10-16", "Posted on …", "Stand: …", "Publié le …" followed by a date. */
const DATE_LINE_LABEL = /(?:^|\n|\s)(published|posted|updated|last updated|modified|date|dated|datum|stand|veröffentlicht|aktualisiert|erstellt|publié|mis à jour|publicado|actualizado|pubblicato|gepubliceerd|diterbitkan)(?:\s+(?:on|am|le|el|il|op))?\s*[:|-]?\s*/gi
/** A temperature reading, the mark of a weather bar: "8.4 C", "21°C", "70 °F". */
const TEMPERATURE = /^\s*-?\d{1,3}(?:[.,]\d)?\s*°?\s*[CF]\s*$/m

/**
 * Every piece of evidence for the publication date: page candidates (meta, JSON-LD, `<time>`,
 * URL), the container's hint, date lines the cleaner set apart, labelled date lines and the first
 * date of the clean text. Dates inside a today bar (or `capturedSpan`) are left out: they are the capture date.
 */
export function gatherDateEvidence(doc: Document, text: string, offsets: Int32Array, dayFirst: boolean, capturedSpan?: Span): DateEvidence[] {
  const out: DateEvidence[] = []
  const options = { dayFirst }
  /** Evidence read from a UTC stamp ("…T02:40:10Z"), whose day may not be the page's, and its raw value. */
  const stamps = new Map<DateEvidence, string>()
  const modified = new Set<DateEvidence>()
  for (const c of doc.layers.page?.candidates ?? []) {
    if (c.field !== 'published' && c.field !== 'modified') continue
    // A URL path gives "YYYY-MM-DD" or just "YYYY-MM" (/2011/12/), which readDate does not take alone.
    const value = c.basis === 'url:path-date' ? urlDateValue(c.value) : readDate(c.value, options)
    if (!value) continue
    const e: DateEvidence = { value, basis: c.basis, weight: weighPageDate(c) }
    out.push(e)
    if (readWrittenTime(c.value)?.offset === 0) stamps.set(e, c.value)
    if (c.field === 'modified') modified.add(e)
  }
  if (doc.hints.published) {
    const value = readDate(doc.hints.published, options)
    if (value) out.push({ value, basis: 'hint:published', weight: 0.9 })
  }
  const removals = doc.layers.clean?.removed ?? []
  const bars = [...removals.filter((r) => r.reason === 'date-bar').map((r) => r.span), ...(capturedSpan ? [capturedSpan] : [])]
  for (const r of removals) {
    if (r.reason !== 'dateline-meta') continue
    for (const d of findDates(doc.source.slice(r.span.start, r.span.end), options)) {
      out.push({ value: d.value, basis: 'text:dateline', weight: 0.85, span: shift(r.span.start, d) })
    }
  }
  for (const e of findLabelledDates(text, options)) pushText(out, e, offsets, bars)
  const near = findDateNearArticle(doc, options)
  if (near && !bars.some((b) => near.span.start < b.end && b.start < near.span.end)) out.push(near)
  // Also on pages that already have a day: as a weak vote it settles ties between stronger evidence
  // (measured: skipping it there costs 5 of 800 pubdate pages).
  const anywhere = doc.markup === undefined ? undefined : findFirstPastDay(doc.source, options, bars)
  if (anywhere) out.push(anywhere)
  const header = findDates(text.slice(0, HEADER_CHARS), options)[0]
  if (header) pushText(out, { value: header.value, basis: 'text:header-date', weight: 0.55, index: header.index, length: header.length }, offsets, bars)
  if (stamps.size === 0) return out
  // UTC stamps read in the page's own zone: its stated offset, else the days it writes locally.
  const offset = pageOffset((doc.layers.page?.candidates ?? []).filter((c) => c.field === 'published' || c.field === 'modified').map((c) => c.value))
  const localDays = out.filter((e) => !stamps.has(e) && !modified.has(e) && e.value.precision === 'day').map((e) => e.value.date)
  return out.map((e) => {
    const raw = stamps.get(e)
    if (raw === undefined) return e
    const value = inPageZone(e.value, raw, offset, localDays)
    return value === e.value ? e : { ...e, value, basis: `${e.basis}(in page zone)` }
  })
}

/**
 * The day written closest to where the article starts in `source`, within a short window: the
 * date line between headline and body that the cleaner dropped with the page furniture.
 */
export function findDateNearArticle(doc: Document, options: { dayFirst?: boolean }): (DateEvidence & { span: Span }) | undefined {
  const first = doc.layers.clean?.blocks[0]?.spans[0]
  if (!first) return undefined
  const from = Math.max(0, first.start - NEAR_ARTICLE_BEFORE_CHARS)
  const window = doc.source.slice(from, first.start + NEAR_ARTICLE_AFTER_CHARS)
  let best: (DateEvidence & { span: Span }) | undefined
  let bestDistance = Infinity
  for (const d of findDates(window, options)) {
    if (d.value.precision !== 'day') continue
    const start = from + d.index
    const distance = Math.abs(start - first.start)
    if (distance < bestDistance) {
      bestDistance = distance
      best = { value: d.value, basis: 'text:near-article-start', weight: 0.56, span: { start, end: start + d.length } }
    }
  }
  return best
}

/**
 * The first day written anywhere in a rendered HTML page, outside sentences about the future:
 * the last resort for a post whose date sits in a sidebar or footer ("Posted on …"). Not used on
 * text pages, where the dates of the body are the dates of events.
 */
export function findFirstPastDay(source: string, options: { dayFirst?: boolean }, exclude: readonly Span[]): DateEvidence | undefined {
  for (const d of findDates(source, options)) {
    if (d.value.precision !== 'day') continue
    const span = { start: d.index, end: d.index + d.length }
    if (exclude.some((b) => span.start < b.end && b.start < span.end)) continue
    const lineStart = source.lastIndexOf('\n', d.index) + 1
    const lineEnd = source.indexOf('\n', d.index)
    if (isFutureFramed(source.slice(lineStart, lineEnd < 0 ? undefined : lineEnd))) continue
    return { value: d.value, basis: 'text:first-day-in-page', weight: 0.3, span }
  }
  return undefined
}

interface TextDate {
  readonly value: DateValue
  readonly basis: string
  readonly weight: number
  readonly index: number
  readonly length: number
}

/** Dates that follow a label saying what they are: "Published: 3 May 2021", "date 2025-10-16". */
export function findLabelledDates(text: string, options: { dayFirst?: boolean } = {}): TextDate[] {
  const out: TextDate[] = []
  DATE_LINE_LABEL.lastIndex = 0
  for (let m = DATE_LINE_LABEL.exec(text); m; m = DATE_LINE_LABEL.exec(text)) {
    const after = m.index + m[0].length
    const d = findDates(text.slice(after, after + 40), options)[0]
    if (!d || d.index > 12) continue
    const modified = /updated|modified|aktualisiert|mis à jour|actualizado/i.test(m[1]!)
    out.push({ value: d.value, basis: modified ? 'text:updated-line' : 'text:date-line', weight: modified ? 0.35 : 0.85, index: after + d.index, length: d.length })
  }
  return out
}

/**
 * The capture date: the container's fetch time, else a today bar (the cleaner's 'date-bar'
 * removal, or a date line beside a temperature reading at the very top of a text page).
 */
export function findCapturedDate(doc: Document): Attested<DateValue> | undefined {
  if (doc.origin.capturedAt) {
    const value = readDate(doc.origin.capturedAt)
    if (value) return { value, basis: 'origin:capturedAt', confidence: 0.95 }
  }
  for (const bar of (doc.layers.clean?.removed ?? []).filter((r: Removal) => r.reason === 'date-bar')) {
    const barDate = findDates(doc.source.slice(bar.span.start, bar.span.end))[0]
    if (barDate) return { value: barDate.value, basis: 'text:date-bar', confidence: 0.8, span: shift(bar.span.start, barDate) }
  }
  return findTodayBar(doc.source)
}

/**
 * A today bar at the top of a scraped page: a temperature line and a date line within the first
 * few lines ("8.4 C" then "Saturday, May 27, 2023"). Sites print the day they are read there.
 *
 * @example
 * findTodayBar('21 C\nMonday, June 2, 2025\nHome')?.value // { date: '2025-06-02', precision: 'day' }
 */
export function findTodayBar(source: string): Attested<DateValue> | undefined {
  const lines = source.split('\n').slice(0, TODAY_BAR_LINES)
  const top = lines.join('\n')
  if (!TEMPERATURE.test(top)) return undefined
  let offset = 0
  for (const line of lines) {
    const d = findDates(line)[0]
    // The date must be the whole line, give or take a weekday: a sentence with a date is not a bar.
    if (d && line.trim().length <= d.length + 12) return { value: d.value, basis: 'text:today-bar', confidence: 0.75, span: { start: offset + d.index, end: offset + d.index + d.length } }
    offset += line.length + 1
  }
  return undefined
}

function pushText(out: DateEvidence[], d: TextDate, offsets: Int32Array, bars: readonly Span[]): void {
  const span = sourceSpan(offsets, d.index, d.length)
  if (span && bars.some((b) => span.start < b.end && b.start < span.end)) return
  out.push({ value: d.value, basis: d.basis, weight: d.weight, ...(span ? { span } : {}) })
}

/** The source span of `length` characters of the clean text at `index`, when both ends map back. */
export function sourceSpan(offsets: Int32Array, index: number, length: number): Span | undefined {
  const start = offsets[index]
  const last = offsets[index + length - 1]
  if (start === undefined || last === undefined || start < 0 || last < 0) return undefined
  return { start, end: last + 1 }
}

function shift(offset: number, d: { index: number; length: number }): Span {
  return { start: offset + d.index, end: offset + d.index + d.length }
}

function urlDateValue(value: string): DateValue | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { date: value, precision: 'day' }
  if (/^\d{4}-\d{2}$/.test(value)) return { date: value, precision: 'month' }
  return undefined
}
