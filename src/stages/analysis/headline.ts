import type { ActorEvent, Document, EntityId, EventAction, Mention, QualityNote, Sentence, Span } from '../../document/index.js'
import { contains, overlaps, textOf } from '../../document/index.js'
import { entityById, findEntities, mentionsIn } from '../entities/index.js'
import { readEvents } from '../events/index.js'

/** Actions with two sides of equal standing: in "Russia and China ally" either may be the partner. */
const SYMMETRIC: ReadonlySet<EventAction> = new Set(['ally', 'cooperate'])
/** "against China or US", "with Japan and Korea": a further participant joined to the first. */
const COORDINATION = /^\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or|nor)\s+)/
/** Statements that say something happens or will: a headline stating it needs one of these in the body, not only a "may". */
const FIRM: ReadonlySet<ActorEvent['modality']> = new Set(['asserted', 'future'])

type Role = 'target' | 'against'
const ROLE_WORDS: Readonly<Record<Role, (trigger: string) => string>> = {
  target: (trigger) => `as the partner in "${trigger}"`,
  against: (trigger) => `as the side "${trigger}" is against`,
}

interface Reading {
  readonly event: ActorEvent
  readonly doc: Document
  readonly mentions: readonly Mention[]
}

/**
 * Notes a headline that says more than, or other than, the body: the headline is read for events
 * like a sentence, and each is compared with the body's events of the same action. A participant
 * the headline adds (a partner, or a side the action is against) that no body event of that
 * action has, a polarity no body event has, or a firm statement where the body only has a
 * possibility, is a note on the headline's span with the body sentence it was compared with.
 * Headlines: the metadata title and the title lines cleaning removed (a generator's note about
 * its headline excepted), and a heading that opens the clean text.
 *
 * @example
 * // headline "Ministry Rejects Pact Against Chile or Peru"; body: the minister rules out a pact against Chile
 * noteHeadlineMismatch(doc) // [{ kind: 'headline-mismatch', note: '… Peru as the side it is against …', span, compared }]
 */
export function noteHeadlineMismatch(doc: Document): QualityNote[] {
  const notes: QualityNote[] = []
  const headlines = findHeadlines(doc)
  const inHeadline = (e: ActorEvent): boolean => headlines.some((h) => contains(h, e.span))
  const body: Reading[] = (doc.layers.events?.events ?? [])
    .filter((e) => !inHeadline(e) && e.modality !== 'question')
    .map((event) => ({ event, doc, mentions: mentionsOf(doc, event.span) }))
  for (const headline of headlines) {
    for (const reading of readHeadline(doc, headline)) {
      const note = compareWithBody(doc, headline, reading, body.filter((b) => b.event.action === reading.event.action))
      if (note !== null) notes.push(note)
    }
  }
  return notes
}

/** The headline spans of a document, each once, in source order. */
export function findHeadlines(doc: Document): Span[] {
  const clean = doc.layers.clean
  const prompts = (clean?.flags ?? []).filter((f) => f.kind === 'generation-prompt').map((f) => f.span)
  const titles = (clean?.removed ?? [])
    .filter((r) => r.reason === 'title' && !prompts.some((p) => overlaps(p, r.span)))
    .map((r) => r.span)
    .sort((a, b) => a.start - b.start)
  const found: Span[] = []
  for (const t of titles) {
    const last = found[found.length - 1]
    // A headline wrapped over two lines is two removals with only space between.
    if (last !== undefined && doc.source.slice(last.end, t.start).trim() === '') found[found.length - 1] = { start: last.start, end: t.end }
    else found.push(t)
  }
  const title = doc.layers.metadata?.title?.span
  if (title !== undefined) found.push(title)
  const first = clean?.blocks[0]
  if (first?.kind === 'heading' && first.spans.length > 0) found.push({ start: first.spans[0]!.start, end: first.spans[first.spans.length - 1]!.end })
  const unique: Span[] = []
  for (const s of found.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!unique.some((u) => contains(u, s))) unique.push(s)
  }
  return unique
}

/** The headline's events: those of its sentence when the body has it as one, else read afresh with its own entities. */
function readHeadline(doc: Document, headline: Span): Reading[] {
  const own = (doc.layers.events?.events ?? []).filter((e) => e.span.start === headline.start && e.span.end === headline.end)
  if (own.length > 0) return own.map((event) => ({ event, doc, mentions: mentionsOf(doc, headline) }))
  const sentence: Sentence = { span: headline, block: 0, kind: 'heading' }
  const alone: Document = { ...doc, layers: { ...doc.layers, sentences: { sentences: [sentence] }, quotes: { quotes: [] }, times: { times: [] } } }
  const entities = findEntities(alone)
  const read: Document = { ...alone, layers: { ...alone.layers, entities } }
  return readEvents(read).events.map((event) => ({ event, doc: read, mentions: entities.mentions }))
}

function mentionsOf(doc: Document, span: Span): Mention[] {
  return doc.layers.entities === undefined ? [] : mentionsIn(doc.layers.entities, span)
}

/** The entities in a role: the role's own and any joined to it ("against China or the US"). */
function participants(r: Reading, role: Role | 'actor'): EntityId[] {
  const first = r.event[role]
  if (first === null) return []
  const ids = first.entity === null ? [] : [first.entity]
  let end = first.span.end
  for (;;) {
    const joint = COORDINATION.exec(r.doc.source.slice(end, end + 12))
    if (joint === null) break
    const next = r.mentions.find((m) => m.span.start === end + joint[0].length)
    if (next === undefined) break
    ids.push(next.entity)
    end = next.span.end
  }
  return ids
}

/** The entities an event holds in a role, with the two sides of a symmetric action taken together. */
function sideOf(r: Reading, role: Role): EntityId[] {
  if (role === 'target' && SYMMETRIC.has(r.event.action)) return [...participants(r, 'actor'), ...participants(r, 'target')]
  return participants(r, role)
}

function compareWithBody(doc: Document, headline: Span, h: Reading, body: readonly Reading[]): QualityNote | null {
  if (body.length === 0) return null
  const named = (['actor', 'target', 'against'] as const).flatMap((role) => participants(h, role))
  const sharing = body.filter((b) => (['actor', 'target', 'against'] as const).some((role) => participants(b, role).some((id) => named.includes(id))))
  const compared = bestMatch(sharing.length > 0 ? sharing : body, named)
  const say = (what: string): QualityNote => ({
    kind: 'headline-mismatch',
    span: headline,
    compared: compared.event.span,
    note: `the headline "${oneLine(textOf(doc.source, headline))}" ${what} (compared with: "${oneLine(textOf(doc.source, compared.event.span))}")`,
  })
  for (const role of ['against', 'target'] as const) {
    const added = participants(h, role).filter((id) => !body.some((b) => sideOf(b, role).includes(id)))
    if (added.length > 0) {
      return say(`names ${added.map((id) => nameOf(h.doc, id)).join(' and ')} ${ROLE_WORDS[role](oneLine(textOf(h.doc.source, h.event.trigger)))}; no statement of that action in the body does`)
    }
  }
  const pool = sharing.length > 0 ? sharing : body
  if (!pool.some((b) => b.event.polarity === h.event.polarity)) {
    return say(`says "${oneLine(textOf(h.doc.source, h.event.trigger))}" is ${h.event.polarity === 'negative' ? 'not ' : ''}so; the body says the opposite`)
  }
  if (FIRM.has(h.event.modality) && !pool.some((b) => b.event.polarity === h.event.polarity && FIRM.has(b.event.modality))) {
    return say(`states "${oneLine(textOf(h.doc.source, h.event.trigger))}" as settled; the body only has it as possible`)
  }
  return null
}

/** The body event closest to the headline's: most shared participants, a speaker's own words first, earliest. */
function bestMatch(pool: readonly Reading[], named: readonly EntityId[]): Reading {
  const score = (r: Reading): number =>
    (['actor', 'target', 'against'] as const).flatMap((role) => participants(r, role)).filter((id) => named.includes(id)).length * 2 + (r.event.speaker === null ? 0 : 1)
  return pool.reduce((best, r) => (score(r) > score(best) ? r : best))
}

function nameOf(doc: Document, id: EntityId): string {
  return (doc.layers.entities === undefined ? undefined : entityById(doc.layers.entities, id))?.name ?? id
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
