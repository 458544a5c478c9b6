import { languageName, tellsLanguages, type Brief, type Conflict, type ConflictValue, type Fact, type QualityNote, type StanceStatement, type Story, type Timeline } from '../../document/index.js'
import { describeStatementDate } from '../analysis/stance-dates.js'
import { numberSources, oneLine, type NumberedSources } from './citations.js'

/**
 * The brief as a renderer-neutral outline: Markdown and HTML write the same blocks, so both say
 * the same things with the same citation marks.
 */
export type Inline =
  | { readonly text: string }
  | { readonly strong: string }
  /** Words from a source: shown verbatim (on one line), always escaped; `lang` when they are in another language than the brief's. */
  | { readonly quoted: string; readonly lang?: string }
  | { readonly marks: readonly number[] }

export type Line = readonly Inline[]

export type BriefBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly line: Line }
  | { readonly kind: 'list'; readonly items: readonly Line[] }
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly rows: ReadonlyArray<readonly Line[]> }
  | { readonly kind: 'sources'; readonly items: ReadonlyArray<{ readonly n: number; readonly line: Line; readonly notes: readonly Line[]; readonly href: string | null }> }

/** Marks of the facts table: what a reader sees before reading the row. */
export const STATUS_MARK = { agreed: '✓', conflict: '⚠', 'single-source': '①', unattributed: '∅' } as const

/**
 * Lays a brief out as blocks: title, date and outlets; summary; key quotes; facts; conflicts;
 * timelines; sources. Every line that says something about the world ends with its marks.
 *
 * @example
 * layoutBrief(brief)[0] // { kind: 'heading', level: 1, text: 'Minister rules out …' }
 */
export function layoutBrief(brief: Brief): BriefBlock[] {
  const sources = numberSources(brief)
  return [
    { kind: 'heading', level: 1, text: oneLine(brief.story.title) },
    ...layoutHeader(brief.story, sources),
    ...section('Summary', brief.summary.length === 0 ? [] : [{ kind: 'list', items: brief.summary.map((s) => [{ quoted: s.text }, { text: ' ' }, { marks: sources.marksOf(s.citations) }]) }]),
    ...section('Key quotes', brief.quotes.length === 0 ? [] : [{ kind: 'list', items: brief.quotes.flatMap((f) => quoteLines(f, sources)) }]),
    ...section(`Facts (${STATUS_MARK.agreed} agreed · ${STATUS_MARK.conflict} conflict · ${STATUS_MARK['single-source']} single source · ${STATUS_MARK.unattributed} no attribution)`,
      factsBlocks(brief.facts, sources)),
    ...section('Conflicts', brief.conflicts.flatMap((c) => conflictBlocks(c, sources))),
    ...brief.timelines.flatMap((t) => section(timelineHeading(t), t.statements.length === 0 ? [] : [timelineTable(t, sources)])),
    ...section('Sources', [sourcesBlock(sources)]),
  ]
}

function section(title: string, blocks: readonly BriefBlock[]): BriefBlock[] {
  return blocks.length === 0 ? [] : [{ kind: 'heading', level: 2, text: title }, ...blocks]
}

function layoutHeader(story: Story, sources: NumberedSources): BriefBlock[] {
  const members = sources.list.filter((s) => story.articles.some((a) => a.id === s.article))
  const dated = story.articles.filter((a) => (story.eventDateBasis === 'reported-event' ? a.eventDate : a.published) === story.eventDate)
  const basis = story.eventDateBasis === 'reported-event' ? 'the reported event' : 'publication'
  const blocks: BriefBlock[] = []
  if (story.eventDate !== null) {
    const cited = dated.length > 0 ? dated : story.articles
    blocks.push({ kind: 'paragraph', line: [{ strong: 'Event date:' }, { text: ` ${story.eventDate} (${basis}) ` }, { marks: sources.marksOfArticles(cited.map((a) => a.id)) }] })
  }
  const outlets = [...new Set(members.map((s) => s.source))]
  blocks.push({ kind: 'paragraph', line: [
    { strong: 'Outlets:' },
    { text: ` ${outlets.length} (${story.articles.length} articles): ` },
    { quoted: outlets.join(', ') },
    { text: ' ' },
    { marks: sources.marksOfArticles(story.articles.map((a) => a.id)) },
  ] })
  if (tellsLanguages(story)) {
    const written = story.languages!.map((code) => {
      const articles = story.articles.filter((a) => a.language === code)
      return { code, articles }
    })
    blocks.push({ kind: 'paragraph', line: [
      { strong: 'Languages:' },
      ...written.flatMap(({ code, articles }, i) => [
        { text: `${i === 0 ? ' ' : ', '}${languageName(code)} (${articles.length}) ` },
        { marks: sources.marksOfArticles(articles.map((a) => a.id)) },
      ]),
    ] })
  }
  return blocks
}

function whoOf(fact: Fact): string {
  if (fact.who === null) return ''
  return fact.who.role === null ? fact.who.name : `${fact.who.name} (${fact.who.role})`
}

function quoteLines(fact: Fact, sources: NumberedSources): Line[] {
  const reference = fact.citations[0]
  if (reference === undefined) return []
  const lines: Line[] = [[{ strong: whoOf(fact) }, { text: ': “' }, { quoted: reference.text }, { text: '” ' }, { marks: sources.marksOf(fact.citations) }]]
  for (const v of fact.variants) {
    if (v.language !== undefined) {
      lines.push([{ text: `↳ the same statement, in ${languageName(v.language)}: “` }, { quoted: v.citation.text, lang: v.language }, { text: '” ' }, { marks: sources.marksOf([v.citation]) }])
      continue
    }
    const changes = [
      v.added.length > 0 ? `adds “${v.added.join(' ')}”` : '',
      v.missing.length > 0 ? `lacks “${v.missing.join(' ')}”` : '',
    ].filter((s) => s !== '').join(', ')
    lines.push([{ text: `↳ another wording (${changes}): “` }, { quoted: v.citation.text }, { text: '” ' }, { marks: sources.marksOf([v.citation]) }])
  }
  return lines
}

function statusMarks(fact: Fact): string {
  const marks: string[] = [STATUS_MARK[fact.status]]
  if (fact.kind === 'figure' && fact.unattributed) marks.push(STATUS_MARK.unattributed)
  return marks.join(' ')
}

/**
 * The facts table as a reader gets it: every quote and figure, and the events two or more outlets
 * report or that conflict. Events one outlet alone reports are many and mostly minor (a machine-
 * written page yields dozens); they are counted here and listed in the JSON brief.
 */
function factsBlocks(facts: readonly Fact[], sources: NumberedSources): BriefBlock[] {
  const shown = facts.filter((f) => f.kind !== 'event' || f.status !== 'single-source')
  const hidden = facts.filter((f) => !shown.includes(f))
  const blocks: BriefBlock[] = shown.length === 0 ? [] : [factsTable(shown, sources)]
  if (hidden.length > 0) {
    const n = hidden.length
    blocks.push({ kind: 'paragraph', line: [
      { text: `${n} more event${n === 1 ? '' : 's'}, each reported by one outlet only, ${n === 1 ? 'is' : 'are'} in the JSON brief (--format json) ` },
      { marks: sources.marksOf(hidden.flatMap((f) => f.citations)) },
    ] })
  }
  return blocks
}

function factsTable(facts: readonly Fact[], sources: NumberedSources): BriefBlock {
  return {
    kind: 'table',
    header: ['', 'Fact', 'Status', 'Attributed to', 'Cited'],
    rows: facts.map((f) => [
      [{ text: statusMarks(f) }],
      [{ quoted: f.statement }],
      [{ text: `${f.status}, ${f.outlets} outlet${f.outlets === 1 ? '' : 's'}` }],
      f.kind === 'figure' ? [{ quoted: f.attributions.length > 0 ? f.attributions.join('; ') : 'none' }] : [{ text: '' }],
      [{ marks: sources.marksOf(f.citations) }],
    ]),
  }
}

function conflictBlocks(conflict: Conflict, sources: NumberedSources): BriefBlock[] {
  const all = conflict.values.flatMap((v) => v.citations)
  return [
    // Only a contradiction is a conflict proper; the other kinds explain a difference.
    { kind: 'heading', level: 3, text: `${conflict.kind === 'contradiction' ? `${STATUS_MARK.conflict} ` : ''}${oneLine(conflict.measure)}` },
    { kind: 'list', items: [
      // The type and why in one line, first: whether the values contradict or only differ.
      [{ quoted: oneLine(conflict.reason) }, { text: ' ' }, { marks: sources.marksOf(all) }],
      ...conflict.values.map((v) => valueLine(v, sources)),
      ...conflict.notes.map((note): Line => [{ text: 'Note: ' }, { quoted: note }, { text: ' ' }, { marks: sources.marksOf(all) }]),
    ] },
  ]
}

function valueLine(value: ConflictValue, sources: NumberedSources): Line {
  const details = [
    value.asOf !== null ? `as of ${value.asOf}` : 'date not stated',
    value.attribution !== null ? `per ${value.attribution}` : 'no source named',
    value.definition !== null ? `counting “${value.definition}”` : '',
  ].filter((s) => s !== '').join('; ')
  return [{ strong: oneLine(value.text) }, { text: ' — ' }, { quoted: details }, { text: ' ' }, { marks: sources.marksOf(value.citations) }]
}

function timelineHeading(t: Timeline): string {
  return `Timeline: ${t.actor.name} on ${t.counterpart.name}${t.topic === null ? '' : ` (${t.topic})`}`
}

function timelineTable(t: Timeline, sources: NumberedSources): BriefBlock {
  return {
    kind: 'table',
    header: ['Date', 'Speaker', 'Position', 'Quote', 'Shift'],
    rows: t.statements.map((s) => [
      [{ text: describeStatementDate(s) }],
      [{ quoted: speakerOf(s) }],
      [{ text: s.position }],
      [{ text: '“' }, { quoted: s.quote.text }, { text: '” ' }, { marks: sources.marksOf([s.quote, ...s.citations]) }],
      [{ text: s.shift === null ? '' : `⇄ was ${s.shift.from}` }],
    ]),
  }
}

function speakerOf(s: StanceStatement): string {
  if (s.speaker === null) return s.actor.name
  return s.speaker.role === null ? s.speaker.name : `${s.speaker.name} (${s.speaker.role})`
}

function sourcesBlock(sources: NumberedSources): BriefBlock {
  return {
    kind: 'sources',
    items: sources.list.map((s, i) => {
      const n = i + 1
      const location = s.location ?? null
      const line: Line = [
        { marks: [n] },
        { text: ' ' },
        { strong: s.source },
        ...(s.title !== null ? [{ text: ' — ' }, { quoted: s.title }] : []),
        ...(location !== null ? [{ text: ' — ' }, { quoted: location }] : []),
        { text: ` — document ${s.article}` },
      ]
      return { n, line, notes: s.notes.map((note) => noteLine(note, n)), href: location !== null && /^https?:\/\//i.test(location) ? location : null }
    }),
  }
}

function noteLine(note: QualityNote, n: number): Line {
  return [{ text: `${note.kind}: ` }, { quoted: note.note }, { text: ' ' }, { marks: [n] }]
}
