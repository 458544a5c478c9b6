import { Hono } from 'hono'
import type { Document, EntityId, EntityType, StorySummary } from '../../document/index.js'
import { recordsOf, type QuoteRecord } from '../../api/export.js'
import type { EntityDocument, EntitySummary, Store } from '../../store/index.js'
import { fieldColumns } from '../csv.js'
import { notFound } from '../errors.js'
import { streamCsv, wantsFullExport } from '../export.js'
import { sendJson } from '../json.js'
import { sendList } from '../list.js'
import { choiceParam, pageParams, textParam } from '../params.js'

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'country', 'organization', 'treaty', 'event', 'place', 'group']

/** Documents an entity page counts mentions over, at most (storage order): bounds one request's work. */
export const MAX_ENTITY_DOCUMENTS = 5000
/** Documents an entity page reads in full for the entity's quotes, at most. */
export const MAX_QUOTE_DOCUMENTS = 200
/** Stories listed on an entity page, at most. */
export const MAX_ENTITY_STORIES = 50

/** Mentions of an entity in one month of publication (`YYYY-MM`). */
export interface MonthMentions {
  readonly month: string
  readonly mentions: number
  readonly documents: number
}

export interface EntityDetail {
  readonly entity: EntitySummary
  readonly mentionsByMonth: readonly MonthMentions[]
  readonly quotes: readonly QuoteRecord[]
  readonly stories: readonly StorySummary[]
}

const ENTITY_COLUMNS = fieldColumns<EntitySummary>(['id', 'type', 'name', 'documents', 'mentions'])

/** `/api/entities`: entities across the store, filtered by type and name, and one with its mentions, quotes and stories. */
export function entityRoutes(store: Store): Hono {
  const routes = new Hono()
  routes.get('/', async (c) => {
    const page = pageParams(c)
    const type = choiceParam(c, 'type', ENTITY_TYPES)
    const q = textParam(c, 'q')?.toLowerCase()
    // The store has neither a name filter nor an entity count: one listing (one GROUP BY) gives
    // the page and the total, filtered here by name when asked.
    const all = await store.listEntities({ type })
    const matching = q === undefined ? all : all.filter((e) => e.name.toLowerCase().includes(q) || e.id.toLowerCase().includes(q))
    if (wantsFullExport(c)) return streamCsv(c, 'entities', ENTITY_COLUMNS, async (p) => matching.slice(p.offset, p.offset + p.limit), page.offset)
    return sendList(c, 'entities', page, matching.slice(page.offset, page.offset + page.limit), { count: matching.length }, ENTITY_COLUMNS)
  })
  routes.get('/:id', async (c) => {
    const id = c.req.param('id')
    const mentioning = await store.documentsMentioning(id, { limit: MAX_ENTITY_DOCUMENTS })
    if (mentioning.length === 0) throw notFound('entity', id)
    const docs: Document[] = []
    for (const summary of mentioning.slice(0, MAX_QUOTE_DOCUMENTS)) {
      const doc = await store.getDocument(summary.id)
      if (doc !== undefined) docs.push(doc)
    }
    const detail: EntityDetail = {
      entity: summarizeEntity(id, mentioning, docs),
      mentionsByMonth: mentionsByMonth(mentioning),
      quotes: docs.flatMap((doc) => recordsOf(doc, 'quotes').filter((q) => q.speaker.entity === id)),
      stories: await store.listStories({ entity: id, limit: MAX_ENTITY_STORIES }),
    }
    return sendJson(c, detail)
  })
  return routes
}

/** The entity's row as the list gives it, from the documents that mention it: the fullest name any of them gives. */
export function summarizeEntity(id: EntityId, mentioning: readonly EntityDocument[], docs: readonly Document[]): EntitySummary {
  let found: { type: EntityType; name: string } | undefined
  for (const doc of docs) {
    const entity = doc.layers.entities?.entities.find((e) => e.id === id)
    if (entity !== undefined && (found === undefined || entity.name.length > found.name.length)) found = { type: entity.type, name: entity.name }
  }
  return {
    id,
    type: found?.type ?? typeOfId(id),
    name: found?.name ?? id,
    documents: mentioning.length,
    mentions: mentioning.reduce((n, d) => n + d.mentions, 0),
  }
}

const ID_PREFIX_TYPES: Readonly<Record<string, EntityType>> = { org: 'organization' }

function typeOfId(id: EntityId): EntityType {
  const prefix = id.slice(0, Math.max(0, id.indexOf(':')))
  return ID_PREFIX_TYPES[prefix] ?? (ENTITY_TYPES.includes(prefix as EntityType) ? (prefix as EntityType) : 'group')
}

/**
 * Mentions per month of publication, earliest first. Articles without a publication month (no
 * date, or a year only) have no bar; the entity's own totals still count them.
 */
export function mentionsByMonth(mentioning: readonly EntityDocument[]): MonthMentions[] {
  const months = new Map<string, { mentions: number; documents: number }>()
  for (const doc of mentioning) {
    if (doc.published === undefined || doc.published.length < 7) continue
    const month = doc.published.slice(0, 7)
    const row = months.get(month) ?? { mentions: 0, documents: 0 }
    row.mentions += doc.mentions
    row.documents++
    months.set(month, row)
  }
  return [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, row]) => ({ month, ...row }))
}
