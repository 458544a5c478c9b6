import type { ClaimRecord, EventRecord, QuoteRecord } from '../api/export.js'
import type { EntitySummary } from '../store/index.js'

/** The kinds `dossier quotes|claims|events` print from per-article records. */
export type TableKind = 'quotes' | 'claims' | 'events'

/** Columns of a readable table: headers, per-column widths, and a row from a record. */
export interface TableSpec<R> {
  readonly header: readonly string[]
  /** Characters per column before a cell is cut with …. */
  readonly widths: readonly number[]
  /** `article` is the article's title (or source) as the last column shows it. */
  row(record: R, article: string): string[]
  /** True when the record names the entity (an id, or part of a canonical name or of the words). */
  names(record: R, needle: string): boolean
}

interface Named { readonly entity: string | null; readonly name: string | null; readonly text?: string | null }

/** Whether a participant matches `--entity`: its id exactly, or part of its name (case-insensitive). */
export function namesEntity(ref: Named | null, needle: string): boolean {
  if (!ref) return false
  const n = needle.toLowerCase()
  return ref.entity?.toLowerCase() === n || Boolean(ref.name?.toLowerCase().includes(n)) || Boolean(ref.text?.toLowerCase().includes(n))
}

const who = (ref: Named | null): string => ref?.name ?? ref?.text ?? '-'

export const QUOTE_TABLE: TableSpec<QuoteRecord> = {
  header: ['SPEAKER', 'QUOTE', 'CUE', 'DIRECT', 'ARTICLE'],
  widths: [24, 70, 16, 7, 40],
  row: (q, article) => [
    q.speaker.resolution === 'unclear' ? '(unclear)' : who(q.speaker),
    q.text,
    q.cue?.text ?? '-',
    q.partial ? 'partial' : q.direct ? 'yes' : 'no',
    article,
  ],
  names: (q, needle) => namesEntity(q.speaker, needle),
}

export const CLAIM_TABLE: TableSpec<ClaimRecord> = {
  header: ['FIGURE', 'MEASURE', 'OF', 'WHEN', 'SOURCE', 'ARTICLE'],
  widths: [24, 28, 18, 10, 32, 40],
  row: (c, article) => [c.text, c.measure?.text ?? '-', who(c.subject), c.time?.value ?? '-', c.attribution ? who(c.attribution) : '-', article],
  names: (c, needle) => namesEntity(c.subject, needle) || namesEntity(c.attribution, needle),
}

export const EVENT_TABLE: TableSpec<EventRecord> = {
  header: ['ACTOR', 'ACTION', 'TARGET', 'AGAINST', 'MODALITY', 'DATE', 'SAID BY', 'ARTICLE'],
  widths: [22, 16, 22, 18, 10, 10, 20, 40],
  row: (e, article) => [
    who(e.actor),
    `${e.polarity === 'negative' ? 'not ' : ''}${e.action}`,
    who(e.target),
    e.against ? who(e.against) : '-',
    e.modality,
    e.date?.value ?? '-',
    e.speaker ? (e.speaker.name ?? e.speaker.entity) : '-',
    article,
  ],
  names: (e, needle) => [e.actor, e.target, e.against, e.speaker].some((r) => namesEntity(r, needle)),
}

export const TABLES: { readonly [K in TableKind]: TableSpec<{ quotes: QuoteRecord; claims: ClaimRecord; events: EventRecord }[K]> } = {
  quotes: QUOTE_TABLE,
  claims: CLAIM_TABLE,
  events: EVENT_TABLE,
}

export const ENTITY_TABLE = {
  header: ['NAME', 'TYPE', 'DOCUMENTS', 'MENTIONS', 'ID'],
  widths: [36, 12, 9, 8, 48],
  row: (e: EntitySummary): string[] => [e.name, e.type, String(e.documents), String(e.mentions), e.id],
} as const
