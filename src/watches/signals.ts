import { createHash } from 'node:crypto'
import type { Citation, Conflict, ConflictKind, Document, DocumentId, Story, StoryCheck } from '../document/index.js'
import { citationOf, outletKey } from '../document/index.js'
import { timelineOf } from '../api/timeline.js'
import { summarise } from '../stages/brief/summary.js'
import type { Store } from '../store/index.js'
import type { AlertDraft, Watch } from './types.js'

/**
 * Conflicts worth an alert: values that cannot all hold as stated, or that look alike but count
 * different things or owners. A series over time (`different-periods`) and bounds that all hold
 * (`consistent-bounds`) are no news of disagreement.
 */
export const ALERT_CONFLICT_KINDS: ReadonlySet<ConflictKind> = new Set(['contradiction', 'different-definitions', 'different-subjects'])

/** Articles of a story read to cite a new story's lead sentence: its first members carry it. */
export const LEAD_ARTICLES = 12

/**
 * Something a watch may alert on, by key; the draft is built only when the watch has not seen
 * the key (building it reads articles).
 */
export interface Signal {
  readonly key: string
  readonly draft: () => Promise<AlertDraft>
}

/** Documents read once per evaluation, however many watches cite them. */
export class DocumentCache {
  private readonly docs = new Map<DocumentId, Promise<Document | undefined>>()
  constructor(private readonly store: Store) {}
  get(id: DocumentId): Promise<Document | undefined> {
    let doc = this.docs.get(id)
    if (doc === undefined) this.docs.set(id, (doc = this.store.getDocument(id)))
    return doc
  }
}

/**
 * What a watched story can alert on: that it matches (`new-story`), its outlets at the watch's
 * threshold (`outlets`), each conflict of {@link ALERT_CONFLICT_KINDS} (`conflict`), and each
 * headline its check notes as saying more than its body (`headline`).
 *
 * @example
 * storySignals(watch, story, check, docs).map((s) => s.key) // ['story:st-…', 'outlets:st-…:3', 'conflict:st-…:9f…']
 */
export function storySignals(watch: Watch, story: Story, check: StoryCheck | undefined, docs: DocumentCache): Signal[] {
  const about = { id: story.id, title: story.title }
  const signals: Signal[] = [{
    key: `story:${story.id}`,
    draft: async () => ({
      watch: watch.id, kind: 'new-story', key: `story:${story.id}`, story: about,
      title: `New story: ${story.title} (${plural(story.articles.length, 'article')}, ${plural(story.outlets, 'outlet')})`,
      citations: await leadCitations(story, check, docs),
    }),
  }]
  if (story.outlets >= watch.outlets) {
    const key = `outlets:${story.id}:${watch.outlets}`
    signals.push({
      key,
      draft: async () => ({
        watch: watch.id, kind: 'outlets', key, story: about,
        title: `Now ${plural(story.outlets, 'outlet')}: ${story.title} (${outletNames(story).join(', ')})`,
        citations: await headlineCitations(story, docs),
      }),
    })
  }
  for (const conflict of check?.conflicts ?? []) {
    if (!ALERT_CONFLICT_KINDS.has(conflict.kind)) continue
    const key = `conflict:${story.id}:${conflictKey(conflict)}`
    signals.push({
      key,
      draft: async () => ({
        watch: watch.id, kind: 'conflict', key, story: about,
        title: `Conflict in ${story.title}: ${conflict.reason}`,
        citations: conflict.values.flatMap((v) => v.citations),
      }),
    })
  }
  for (const article of check?.quality ?? []) {
    for (const note of article.notes) {
      if (note.kind !== 'headline-mismatch' || note.span === undefined) continue
      const { span, compared } = note
      const key = `headline:${article.article}:${span.start}-${span.end}`
      signals.push({
        key,
        draft: async () => {
          const doc = await docs.get(article.article)
          const citations = doc === undefined ? [] : [span, ...(compared === undefined ? [] : [compared])].map((s) => citationOf(doc, s, article.source))
          return { watch: watch.id, kind: 'headline', key, story: about, title: `Headline misstates its story (${article.source}): ${note.note}`, citations }
        },
      })
    }
  }
  return signals
}

/**
 * Each shift in a pair watch's stance timeline: a statement whose position differs from the one
 * before it. Keyed by the statement's quote, so the same shift is one alert however many outlets
 * later report it.
 *
 * @example
 * (await stanceSignals(store, pairWatch)).map((s) => s.key) // ['shift:doc-…:120-188:open>against']
 */
export async function stanceSignals(store: Store, watch: Watch): Promise<Signal[]> {
  const { target } = watch
  if (target.kind !== 'pair') return []
  const timeline = await timelineOf(store, { actor: target.actor, counterpart: target.counterpart, topic: target.topic })
  return timeline.statements.flatMap((statement): Signal[] => {
    if (statement.shift === null) return []
    const { quote } = statement
    const key = `shift:${quote.article}:${quote.span.start}-${quote.span.end}:${statement.shift.from}>${statement.position}`
    const who = statement.speaker === null ? statement.actor.name : `${statement.speaker.name} (${statement.actor.name})`
    return [{
      key,
      draft: async () => {
        const storyId = await store.storyOf(quote.article)
        const story = storyId === undefined ? undefined : await store.getStory(storyId)
        return {
          watch: watch.id, kind: 'stance-shift', key,
          story: story === undefined ? null : { id: story.id, title: story.title },
          title: `Stance shift: ${who} on ${target.counterpart.name}${target.topic === null ? '' : ` (${target.topic})`}: ` +
            `${statement.shift!.from} → ${statement.position}${statement.date === null ? '' : `, ${statement.date}`}`,
          citations: statement.citations,
        }
      },
    }]
  })
}

/** A conflict's identity across checks: what is measured, of whom, and how values differ (a value joining it later is the same conflict). */
function conflictKey(conflict: Conflict): string {
  return createHash('sha256').update(`${conflict.kind}\n${conflict.measure}\n${conflict.subject?.id ?? ''}`).digest('hex').slice(0, 16)
}

/** The story's lead sentence as the brief would pick it, cited to every article that prints it. */
async function leadCitations(story: Story, check: StoryCheck | undefined, docs: DocumentCache): Promise<Citation[]> {
  const members = await loadMembers(story.articles.slice(0, LEAD_ARTICLES).map((a) => a.id), docs)
  const [lead] = summarise(members, check ?? { story: story.id, facts: [], conflicts: [], quality: [] }, 1)
  return lead?.citations.slice() ?? []
}

/** Each outlet's first article, cited by its headline when the headline has a span, else by its first sentence. */
async function headlineCitations(story: Story, docs: DocumentCache): Promise<Citation[]> {
  const firsts = new Map<string, DocumentId>()
  for (const a of story.articles) if (a.duplicateOf === null && !firsts.has(outletKey(a.source, a.id))) firsts.set(outletKey(a.source, a.id), a.id)
  const citations: Citation[] = []
  for (const doc of await loadMembers([...firsts.values()], docs)) {
    const source = story.articles.find((a) => a.id === doc.id)!.source
    const span = doc.layers.metadata?.title?.span ?? doc.layers.sentences?.sentences[0]?.span
    if (span !== undefined) citations.push(citationOf(doc, span, source))
  }
  return citations
}

async function loadMembers(ids: readonly DocumentId[], docs: DocumentCache): Promise<Document[]> {
  return (await Promise.all(ids.map((id) => docs.get(id)))).filter((d): d is Document => d !== undefined)
}

function outletNames(story: Story): string[] {
  return [...new Set(story.articles.filter((a) => a.duplicateOf === null).map((a) => a.source))]
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
