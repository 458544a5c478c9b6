import type {
  ActorEvent, Document, Entity, EntityId, EntityRole, EventRole, Mention, NumericClaim, Quote, Span, TimeExpression,
} from '../document/index.js'
import { textOf } from '../document/index.js'
import { UsageError } from '../errors.js'
import type { Store } from '../store/index.js'

/** What `exportRecords` can write, one record per item (per article for `articles`). */
export const RECORD_KINDS = ['articles', 'entities', 'quotes', 'claims', 'events', 'times'] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

/** Words of the article: where they are, and what they say (`source.slice(span.start, span.end)`). */
export interface Located {
  readonly span: Span
  readonly text: string
}

/**
 * Every record names its article: by where it came from, by document id, and by its place in the
 * user's own data (input, record, external id), so results join back to what was read.
 */
export interface ArticleRef {
  /** The article's URL when known, else the input as named (a path, `-`). */
  readonly source: string
  /** The document id (`dossier show <id>`). */
  readonly article: string
  /** The input as the user named it: a path, a URL, `-`. */
  readonly input: string
  /** The item within the input: a JSON Lines line number, a feed item's guid, a WARC record id; null for a single page. */
  readonly record: string | null
  /** The item's own id in the user's data (a JSON Lines record's `id`), or null. */
  readonly externalId: string | null
}

export interface ArticleRecord extends ArticleRef {
  readonly id: string
  /** The article's own URL, when known. */
  readonly url: string | null
  /** A JSON Lines record's `meta` object as given, or null. */
  readonly meta: { readonly [key: string]: unknown } | null
  readonly title: string | null
  readonly published: string | null
  readonly publisher: string | null
  readonly language: string | null
  /** Items per layer; 0 for a layer the document lacks. */
  readonly counts: {
    readonly sentences: number; readonly times: number; readonly entities: number; readonly mentions: number
    readonly quotes: number; readonly claims: number; readonly events: number
  }
}

/** A participant named in the text: the entity (null when none could be tied) and its canonical name. */
export interface EntityRef extends Located {
  readonly entity: EntityId | null
  readonly name: string | null
}

export interface EntityRecord extends ArticleRef {
  readonly id: EntityId
  /** The first mention (null for an entity the layer lists without one). */
  readonly span: Span | null
  readonly text: string | null
  readonly type: Entity['type']
  readonly name: string
  readonly aliases: readonly string[]
  readonly country: string | null
  readonly known: boolean
  readonly roles: ReadonlyArray<{ readonly title: string; readonly country: string | null; readonly organization: EntityId | null; readonly basis: EntityRole['basis']; readonly span: Span | null; readonly text: string | null }>
  readonly mentions: ReadonlyArray<Located & { readonly kind: Mention['kind']; readonly use: Mention['use'] | null; readonly sentence: number }>
}

export interface QuoteRecord extends ArticleRef, Located {
  readonly id: string
  readonly parts: readonly Located[]
  readonly direct: boolean
  readonly partial: boolean
  readonly speaker: { readonly entity: EntityId | null; readonly name: string | null; readonly span: Span | null; readonly text: string | null; readonly resolution: Quote['speaker']['resolution'] }
  readonly cue: Located | null
  readonly sentence: number
}

export interface ClaimRecord extends ArticleRef, Located {
  readonly id: string
  readonly value: number
  readonly unit: string | null
  readonly comparator: NumericClaim['comparator']
  readonly measure: Located | null
  readonly subject: EntityRef | null
  readonly time: { readonly id: string; readonly value: string | null; readonly span: Span | null; readonly text: string | null } | null
  /** Who the figure is attributed to (`NumericClaim.source`, renamed: `source` names the article). */
  readonly attribution: (EntityRef & { readonly cue: Located | null }) | null
  readonly sentence: number
}

export interface EventRecord extends ArticleRef, Located {
  readonly id: string
  readonly action: ActorEvent['action']
  readonly trigger: Located
  readonly actor: EntityRef | null
  readonly target: EntityRef | null
  readonly against: EntityRef | null
  readonly polarity: ActorEvent['polarity']
  readonly modality: ActorEvent['modality']
  readonly speaker: { readonly entity: EntityId; readonly name: string | null } | null
  readonly quote: string | null
  readonly date: { readonly value: string; readonly time: string | null } | null
  readonly sentence: number
}

export interface TimeRecord extends ArticleRef, Located {
  readonly id: string
  readonly value: string | null
  readonly precision: TimeExpression['precision']
  readonly modifier: NonNullable<TimeExpression['modifier']> | null
  readonly anchor: TimeExpression['anchor']
  readonly role: TimeExpression['role']
  readonly sentence: number
  /** True for the time the times layer names as the article's event date. */
  readonly eventDate: boolean
}

export interface RecordOf {
  articles: ArticleRecord
  entities: EntityRecord
  quotes: QuoteRecord
  claims: ClaimRecord
  events: EventRecord
  times: TimeRecord
}
export type ExportRecord = RecordOf[RecordKind]

/** Separates the parts of a quote split around its attribution in a record's `text`. */
export const QUOTE_PART_SEPARATOR = ' … '

/**
 * Every record of one kind across the store, in storage order, a document at a time.
 *
 * @example
 * for await (const quote of exportRecords(store, { what: 'quotes' })) console.log(quote.speaker.name, quote.text)
 */
export async function* exportRecords<K extends RecordKind>(store: Store, options: { readonly what: K }): AsyncGenerator<RecordOf[K]> {
  checkKind(options.what)
  for await (const doc of store.iterateDocuments()) yield* recordsOf(doc, options.what)
}

/** The records of one kind in one document. */
export function recordsOf<K extends RecordKind>(doc: Document, what: K): Array<RecordOf[K]> {
  checkKind(what)
  const reader = new RecordReader(doc)
  return BUILDERS[what](reader) as Array<RecordOf[K]>
}

function checkKind(what: string): void {
  if (!(RECORD_KINDS as readonly string[]).includes(what)) {
    throw new UsageError(`Cannot export "${what}"; choose one of ${RECORD_KINDS.join(', ')}.`)
  }
}

const BUILDERS: { readonly [K in RecordKind]: (r: RecordReader) => Array<RecordOf[K]> } = {
  articles: (r) => [r.article()],
  entities: (r) => (r.doc.layers.entities?.entities ?? []).map((e) => r.entity(e)),
  quotes: (r) => (r.doc.layers.quotes?.quotes ?? []).map((q) => r.quote(q)),
  claims: (r) => (r.doc.layers.claims?.claims ?? []).map((c) => r.claim(c)),
  events: (r) => (r.doc.layers.events?.events ?? []).map((e) => r.event(e)),
  times: (r) => (r.doc.layers.times?.times ?? []).map((t) => r.time(t)),
}

/** How a record names its article and the place in the user's data it came from. */
export function articleRefOf(doc: Pick<Document, 'id' | 'origin'>): ArticleRef {
  const { origin } = doc
  return { source: origin.url ?? origin.input, article: doc.id, input: origin.input, record: origin.record ?? null, externalId: origin.externalId ?? null }
}

/** Flattens one document's layer items into records, resolving entity ids to canonical names. */
class RecordReader {
  readonly ref: ArticleRef
  private readonly names = new Map<EntityId, string>()
  private readonly mentionsOf = new Map<EntityId, Mention[]>()
  private readonly timesById = new Map<string, TimeExpression>()

  constructor(readonly doc: Document) {
    this.ref = articleRefOf(doc)
    for (const e of doc.layers.entities?.entities ?? []) this.names.set(e.id, e.name)
    for (const m of doc.layers.entities?.mentions ?? []) {
      const list = this.mentionsOf.get(m.entity)
      if (list) list.push(m)
      else this.mentionsOf.set(m.entity, [m])
    }
    for (const t of doc.layers.times?.times ?? []) this.timesById.set(t.id, t)
  }

  at(span: Span): Located {
    return { span, text: textOf(this.doc.source, span) }
  }

  nameOf(entity: EntityId | null): string | null {
    return entity === null ? null : (this.names.get(entity) ?? null)
  }

  named(entity: EntityId | null, span: Span): EntityRef {
    return { entity, name: this.nameOf(entity), ...this.at(span) }
  }

  role(role: EventRole | null): EntityRef | null {
    return role ? this.named(role.entity, role.span) : null
  }

  article(): ArticleRecord {
    const { layers } = this.doc
    const meta = layers.metadata
    return {
      ...this.ref,
      id: this.doc.id,
      url: this.doc.origin.url ?? this.doc.hints.url ?? null,
      meta: this.doc.origin.meta ?? null,
      title: meta?.title?.value ?? this.doc.hints.title ?? null,
      published: meta?.published?.value.date ?? null,
      publisher: meta?.publisher?.value ?? null,
      language: meta?.language?.value ?? null,
      counts: {
        sentences: layers.sentences?.sentences.length ?? 0,
        times: layers.times?.times.length ?? 0,
        entities: layers.entities?.entities.length ?? 0,
        mentions: layers.entities?.mentions.length ?? 0,
        quotes: layers.quotes?.quotes.length ?? 0,
        claims: layers.claims?.claims.length ?? 0,
        events: layers.events?.events.length ?? 0,
      },
    }
  }

  entity(e: Entity): EntityRecord {
    const mentions = this.mentionsOf.get(e.id) ?? []
    const first = mentions[0]
    return {
      ...this.ref,
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      country: e.country ?? null,
      known: e.known,
      roles: e.roles.map((r) => ({
        title: r.title,
        country: r.country ?? null,
        organization: r.organization ?? null,
        basis: r.basis,
        span: r.span ?? null,
        text: r.span ? this.at(r.span).text : null,
      })),
      mentions: mentions.map((m) => ({ ...this.at(m.span), kind: m.kind, use: m.use ?? null, sentence: m.sentence })),
      span: first?.span ?? null,
      text: first ? this.at(first.span).text : null,
    }
  }

  quote(q: Quote): QuoteRecord {
    const parts = q.parts.map((p) => this.at(p))
    const text = parts.length > 1 ? parts.map((p) => p.text).join(QUOTE_PART_SEPARATOR) : this.at(q.span).text
    const { speaker } = q
    return {
      ...this.ref,
      id: q.id,
      span: q.span,
      text,
      parts,
      direct: q.direct,
      partial: q.partial,
      speaker: {
        entity: speaker.entity,
        name: this.nameOf(speaker.entity),
        span: speaker.span,
        text: speaker.span ? this.at(speaker.span).text : null,
        resolution: speaker.resolution,
      },
      cue: q.cue ? this.at(q.cue) : null,
      sentence: q.sentence,
    }
  }

  claim(c: NumericClaim): ClaimRecord {
    const time = c.time ? this.timesById.get(c.time.id) : undefined
    return {
      ...this.ref,
      id: c.id,
      ...this.at(c.span),
      value: c.value,
      unit: c.unit,
      comparator: c.comparator,
      measure: c.measure ? this.at(c.measure.span) : null,
      subject: c.subject ? this.named(c.subject.entity, c.subject.span) : null,
      time: c.time ? { id: c.time.id, value: c.time.value, span: time?.span ?? null, text: time ? this.at(time.span).text : null } : null,
      attribution: c.source ? { ...this.named(c.source.entity, c.source.span), cue: c.source.cue ? this.at(c.source.cue) : null } : null,
      sentence: c.sentence,
    }
  }

  event(e: ActorEvent): EventRecord {
    return {
      ...this.ref,
      id: e.id,
      ...this.at(e.span),
      action: e.action,
      trigger: this.at(e.trigger),
      actor: this.role(e.actor),
      target: this.role(e.target),
      against: this.role(e.against),
      polarity: e.polarity,
      modality: e.modality,
      speaker: e.speaker === null ? null : { entity: e.speaker, name: this.nameOf(e.speaker) },
      quote: e.quote,
      date: e.date,
      sentence: e.sentence,
    }
  }

  time(t: TimeExpression): TimeRecord {
    return {
      ...this.ref,
      id: t.id,
      ...this.at(t.span),
      value: t.value,
      precision: t.precision,
      modifier: t.modifier ?? null,
      anchor: t.anchor,
      role: t.role,
      sentence: t.sentence,
      eventDate: this.doc.layers.times?.eventDate?.time === t.id,
    }
  }
}
