import type { Document, QualityNote, RemovalReason } from '../../document/index.js'
import { spanLength, textOf } from '../../document/index.js'
import { TIME_UNITS } from '../claims/vocabulary.js'
import { noteHeadlineMismatch } from './headline.js'
import { loadGazetteer, type Gazetteer, type Office } from '../entities/gazetteer/index.js'

/** Share of the page's characters that are furniture at or above which it is noted. */
export const BOILERPLATE_NOTE_SHARE = 0.3
/** Removals that are metadata or spacing, not furniture: they do not count toward the boilerplate share. */
const NOT_FURNITURE: ReadonlySet<RemovalReason> = new Set(['title', 'byline', 'dateline-meta', 'whitespace', 'repeated'])

// "then-U.S. President Donald Trump", "then-Foreign Minister X": the office words after "then-",
// with any one capitalised qualifier before them (a country's adjective or initials).
const THEN_TITLE = /\bthen[-‐–\s]+(?:\p{Lu}[\p{L}.]*\s+)?(President|Prime Minister|Foreign Minister|Secretary of State|Chancellor)\s+((?:\p{Lu}[\p{L}'’.-]+\s+){0,3}\p{Lu}[\p{L}'’-]+)/gu
const OFFICE_OF_TITLE: Readonly<Record<string, readonly Office[]>> = {
  'President': ['head-of-state', 'head-of-government'],
  'Prime Minister': ['head-of-government'],
  'Chancellor': ['head-of-government'],
  'Foreign Minister': ['foreign-minister'],
  'Secretary of State': ['foreign-minister'],
}

/**
 * Notes on one annotated article: boilerplate share, repeated body, machine filler, figures with no
 * source, slips against the gazetteer, and a headline the body's statements do not support.
 *
 * @example
 * assessSourceQuality(doc) // [{ kind: 'factual-slip', note: '"then-U.S. President Donald Trump": …', span }]
 */
export function assessSourceQuality(doc: Document, gazetteer: Gazetteer = loadGazetteer()): QualityNote[] {
  return [
    ...noteBoilerplate(doc),
    ...noteRepeats(doc),
    ...noteFiller(doc),
    ...noteUnattributedFigures(doc),
    ...noteThenSlips(doc, gazetteer),
    ...noteHeadlineMismatch(doc),
    ...(doc.layers.clean?.flags ?? []).filter((f) => f.kind === 'headline-mismatch').map((f): QualityNote => ({ kind: 'headline-mismatch', span: f.span, note: f.note })),
  ]
}

function noteBoilerplate(doc: Document): QualityNote[] {
  const removed = doc.layers.clean?.removed ?? []
  const furniture = removed.filter((r) => !NOT_FURNITURE.has(r.reason))
  const chars = furniture.reduce((n, r) => n + spanLength(r.span), 0)
  const share = doc.source.length === 0 ? 0 : chars / doc.source.length
  if (share < BOILERPLATE_NOTE_SHARE) return []
  const reasons = [...new Set(furniture.map((r) => r.reason))].join(', ')
  return [{ kind: 'boilerplate-share', value: share, note: `${Math.round(share * 100)}% of the page is not the article (${reasons})` }]
}

function noteRepeats(doc: Document): QualityNote[] {
  const repeats = (doc.layers.clean?.removed ?? []).filter((r) => r.reason === 'repeated')
  if (repeats.length === 0) return []
  const chars = repeats.reduce((n, r) => n + spanLength(r.span), 0)
  return [{ kind: 'repeated-content', value: chars, span: repeats[0]!.span, note: `${chars} characters repeat text printed earlier on the page` }]
}

function noteFiller(doc: Document): QualityNote[] {
  return (doc.layers.clean?.flags ?? [])
    .filter((f) => f.kind === 'machine-filler' || f.kind === 'generation-prompt')
    .map((f) => ({ kind: 'machine-filler', span: f.span, note: f.note }))
}

function noteUnattributedFigures(doc: Document): QualityNote[] {
  return (doc.layers.claims?.claims ?? [])
    .filter((c) => c.source === null && c.unit !== null && !TIME_UNITS.has(c.unit))
    .map((c) => ({ kind: 'unattributed-figure', span: c.span, note: `"${textOf(doc.source, c.span)}" is given without a source` }))
}

/** "then-President X" when X held that office throughout the article's publication period. */
function noteThenSlips(doc: Document, gazetteer: Gazetteer): QualityNote[] {
  const published = doc.layers.metadata?.published?.value
  if (published === undefined || published.precision === 'year') return []
  const [first, last] = daysOf(published.date)
  const notes: QualityNote[] = []
  for (const sentence of doc.layers.sentences?.sentences ?? []) {
    const text = doc.source.slice(sentence.span.start, sentence.span.end)
    for (const m of text.matchAll(THEN_TITLE)) {
      const person = gazetteer.findPerson(m[2]!.replace(/\s+/g, ' '))
      if (person === undefined) continue
      const offices = OFFICE_OF_TITLE[m[1]!] ?? []
      const holds = (day: string): boolean =>
        person.terms.some((t) => offices.includes(t.office) && t.start <= day && (t.end === null || day < t.end) && t.title.toLowerCase().includes(m[1]!.toLowerCase()))
      if (!holds(first) || !holds(last)) continue
      const start = sentence.span.start + m.index
      notes.push({
        kind: 'factual-slip',
        span: { start, end: start + m[0].length },
        note: `"${m[0].replace(/\s+/g, ' ')}": ${person.name} held that office throughout ${published.date} (gazetteer), so "then-" is wrong`,
      })
    }
  }
  return notes
}

/** First and last day of a `YYYY-MM-DD` or `YYYY-MM` date. */
function daysOf(date: string): [string, string] {
  if (date.length === 10) return [date, date]
  const [y, m] = date.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
  return [`${date}-01`, last]
}
