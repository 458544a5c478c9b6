import type { ActorEvent, Citation, Document, DocumentId, EventAction, EventRole, Fact } from '../../document/index.js'
import { citationOf, outletOf, textOf } from '../../document/index.js'
import { entityById } from '../entities/lookup.js'
import type { CheckArticle } from './check.js'

/** How a statement words each action: the verb's base and -s forms and the word before its partner. */
const WORDING: Readonly<Record<EventAction, { readonly base: string; readonly third: string; readonly partner: string }>> = {
  ally: { base: 'ally', third: 'allies', partner: 'with' },
  cooperate: { base: 'cooperate', third: 'cooperates', partner: 'with' },
  reject: { base: 'reject', third: 'rejects', partner: '' },
  propose: { base: 'make a proposal', third: 'makes a proposal', partner: 'to' },
  demand: { base: 'press', third: 'presses', partner: '' },
  threaten: { base: 'threaten', third: 'threatens', partner: '' },
  sanction: { base: 'sanction', third: 'sanctions', partner: '' },
  criticize: { base: 'criticize', third: 'criticizes', partner: '' },
  praise: { base: 'praise', third: 'praises', partner: '' },
  intend: { base: 'seek to act', third: 'seeks to act', partner: 'with' },
}

interface Reported {
  readonly article: CheckArticle
  readonly event: ActorEvent
  readonly citation: Citation
}

/**
 * The events of a story as facts: one per (action, polarity, actor, partner, "against" side),
 * whatever the wording, with the articles that report it. Only events with a known actor count,
 * and questions ("asked whether Russia would join…") are not claims.
 *
 * @example
 * checkEvents(articles, count)[0] // { statement: 'Russia will not ally with anyone against China', outlets: 2 }
 */
export function checkEvents(articles: readonly CheckArticle[], count: (ids: Iterable<DocumentId>) => number): Fact[] {
  const groups = new Map<string, Reported[]>()
  for (const article of articles) {
    const source = outletOf(article.doc)
    for (const event of article.doc.layers.events?.events ?? []) {
      if (event.actor?.entity == null || event.modality === 'question') continue
      const key = [event.action, event.polarity, event.actor.entity, event.target?.entity ?? '', event.against?.entity ?? ''].join('|')
      const group = groups.get(key) ?? []
      if (!group.some((r) => r.article.doc.id === article.doc.id)) {
        group.push({ article, event, citation: citationOf(article.doc, event.span, source) })
      }
      groups.set(key, group)
    }
  }
  return [...groups.values()].map((group, k) => toFact(`e${k + 1}`, group, count(group.map((r) => r.article.doc.id))))
}

function toFact(id: string, group: readonly Reported[], outlets: number): Fact {
  const { article, event } = group[0]!
  const actor = event.actor!
  return {
    id, kind: 'event',
    statement: eventStatement(article.doc, event),
    status: outlets >= 2 ? 'agreed' : 'single-source',
    citations: group.map((r) => r.citation),
    outlets,
    who: { id: actor.entity, name: roleName(article.doc, actor), role: roleTitle(article.doc, actor) },
    attributions: [],
    unattributed: false,
    variants: [],
    conflict: null,
  }
}

/**
 * "Russia will not ally with anyone against China": actor, the verb with its polarity and
 * modality, the partner, the side it is against.
 *
 * @example
 * eventStatement(doc, { action: 'propose', polarity: 'positive', modality: 'asserted', actor: Putin, target: Trump … })
 * // 'Vladimir Putin makes a proposal to Donald Trump'
 */
function eventStatement(doc: Document, e: ActorEvent): string {
  const w = WORDING[e.action]
  const not = e.polarity === 'negative'
  const verb = e.modality === 'future' ? `will ${not ? 'not ' : ''}${w.base}`
    : e.modality === 'possible' ? `may ${not ? 'not ' : ''}${w.base}`
      : not ? `does not ${w.base}` : w.third
  const parts = [e.actor === null ? 'someone' : roleName(doc, e.actor), verb]
  if (e.target !== null) parts.push(`${w.partner} ${roleName(doc, e.target)}`.trim())
  if (e.against !== null) parts.push(`against ${roleName(doc, e.against)}`)
  return parts.join(' ')
}

function roleName(doc: Document, role: EventRole): string {
  const entity = role.entity === null || doc.layers.entities === undefined ? undefined : entityById(doc.layers.entities, role.entity)
  return entity?.name ?? textOf(doc.source, role.span).replace(/\s+/g, ' ')
}

function roleTitle(doc: Document, role: EventRole): string | null {
  const entity = role.entity === null || doc.layers.entities === undefined ? undefined : entityById(doc.layers.entities, role.entity)
  return entity?.roles[0]?.title ?? null
}
