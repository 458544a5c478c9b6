import type { ArticleRecord, ClaimRecord, EntityRecord, EventRecord, QuoteRecord, TimeRecord } from '../api/export.js'
import type { ConflictRecord, FactRecord } from '../api/export-corpus.js'
import type { Citation, StanceStatement, Story, Timeline } from '../document/index.js'
import type { CsvColumn } from '../http/csv.js'
import { column, columns, listColumn, type CsvTable } from './csv.js'

/** The columns every per-article record starts with: which article, and where in the user's data it came from. */
const REF = ['article', 'input', 'record', 'externalId', 'source'] as const
const SPAN = ['span.start', 'span.end', 'text'] as const

const distinct = <T>(items: readonly T[]): T[] => [...new Set(items)]
const sourcesOf = (citations: readonly Citation[]): string[] => distinct(citations.map((c) => c.source))
const articlesOf = (citations: readonly Citation[]): string[] => distinct(citations.map((c) => c.article))

/** A statement of a timeline, with the timeline it belongs to: one CSV row. */
export interface TimelineRow extends StanceStatement {
  readonly counterpart: Timeline['counterpart']
  readonly topic: string | null
}

const ARTICLES: CsvTable<ArticleRecord> = {
  columns: [
    ...columns<ArticleRecord>(...REF, 'url', 'title', 'published', 'publisher', 'language'),
    ...columns<ArticleRecord>('counts.sentences', 'counts.entities', 'counts.mentions', 'counts.quotes', 'counts.claims', 'counts.events', 'counts.times'),
    column<ArticleRecord>('meta'),
  ],
}

const ENTITIES: CsvTable<EntityRecord> = {
  columns: [
    ...columns<EntityRecord>(...REF, 'id', 'type', 'name', 'country', 'known'),
    listColumn<EntityRecord>('aliases', (e) => e.aliases),
    { header: 'mentions', value: (e) => e.mentions.length },
    listColumn<EntityRecord>('roles', (e) => e.roles.map((r) => r.title)),
    ...columns<EntityRecord>(...SPAN),
  ],
}

const QUOTES: CsvTable<QuoteRecord> = {
  columns: columns<QuoteRecord>(
    ...REF, 'id', ...SPAN, 'direct', 'partial',
    'speaker.entity', 'speaker.name', 'speaker.text', 'speaker.resolution', 'cue.text', 'sentence',
  ),
}

const CLAIMS: CsvTable<ClaimRecord> = {
  columns: columns<ClaimRecord>(
    ...REF, 'id', ...SPAN, 'value', 'unit', 'comparator', 'measure.text', 'subject.entity', 'subject.name',
    'time.value', 'attribution.entity', 'attribution.name', 'attribution.text', 'sentence',
  ),
}

const EVENTS: CsvTable<EventRecord> = {
  columns: columns<EventRecord>(
    ...REF, 'id', ...SPAN, 'action', 'trigger.text', 'actor.entity', 'actor.name', 'actor.text',
    'target.entity', 'target.name', 'target.text', 'against.entity', 'against.name',
    'polarity', 'modality', 'speaker.name', 'date.value', 'sentence',
  ),
}

const TIMES: CsvTable<TimeRecord> = {
  columns: columns<TimeRecord>(...REF, 'id', ...SPAN, 'value', 'precision', 'modifier', 'anchor', 'role', 'eventDate', 'sentence'),
}

const STORIES: CsvTable<Story> = {
  columns: [
    ...columns<Story>('id', 'title', 'eventDate', 'eventDateBasis', 'first', 'last', 'outlets'),
    { header: 'articles', value: (s) => s.articles.length },
    listColumn<Story>('sources', (s) => distinct(s.articles.map((a) => a.source))),
    listColumn<Story>('actors', (s) => s.actors.map((a) => a.name)),
    ...columns<Story>('thread', 'updatedAt'),
    listColumn<Story>('articleIds', (s) => s.articles.map((a) => a.id)),
  ],
}

const FACTS: CsvTable<FactRecord> = {
  columns: [
    ...columns<FactRecord>('story', 'storyTitle', 'id', 'kind', 'statement', 'status', 'outlets', 'who.id', 'who.name', 'who.role', 'conflict', 'unattributed'),
    listColumn<FactRecord>('attributions', (f) => f.attributions),
    listColumn<FactRecord>('sources', (f) => sourcesOf(f.citations)),
    listColumn<FactRecord>('articles', (f) => articlesOf(f.citations)),
  ],
}

const CONFLICTS: CsvTable<ConflictRecord> = {
  columns: [
    ...columns<ConflictRecord>('story', 'storyTitle', 'id', 'kind', 'measure', 'subject.id', 'subject.name', 'reason'),
    listColumn<ConflictRecord>('values', (c) => c.values.map(describeValue)),
    listColumn<ConflictRecord>('sources', (c) => sourcesOf(c.values.flatMap((v) => v.citations))),
    listColumn<ConflictRecord>('articles', (c) => articlesOf(c.values.flatMap((v) => v.citations))),
  ],
}

/** One side of a conflict in one cell: `5,459 warheads (as of 2025; Federation of American Scientists)`. */
function describeValue(value: ConflictRecord['values'][number]): string {
  const about = [value.asOf === null ? null : `as of ${value.asOf}`, value.attribution, value.definition === null ? null : `"${value.definition}"`].filter((p) => p !== null)
  return about.length === 0 ? value.text : `${value.text} (${about.join('; ')})`
}

const TIMELINES: CsvTable<Timeline, TimelineRow> = {
  rows: (t) => t.statements.map((s) => ({ ...s, counterpart: t.counterpart, topic: t.topic })),
  columns: [
    ...columns<TimelineRow>(
      'actor.id', 'actor.name', 'counterpart.id', 'counterpart.name', 'topic', 'date', 'dateBasis', 'speaker.name', 'speaker.role',
      'action', 'polarity', 'modality', 'position', 'shift.from', 'counterpartRole', 'quote.text', 'quote.article',
    ),
    listColumn<TimelineRow>('sources', (s) => sourcesOf(s.citations)),
    listColumn<TimelineRow>('articles', (s) => articlesOf(s.citations)),
  ] satisfies CsvColumn<TimelineRow>[],
}

/** The CSV table of every tabular record kind. */
export const CSV_TABLES = {
  articles: ARTICLES,
  entities: ENTITIES,
  quotes: QUOTES,
  claims: CLAIMS,
  events: EVENTS,
  times: TIMES,
  stories: STORIES,
  facts: FACTS,
  conflicts: CONFLICTS,
  timelines: TIMELINES,
} as const
