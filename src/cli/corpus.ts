import { findTimeline } from '../api/timeline.js'
import type { Timeline } from '../document/index.js'
import { openStore } from '../store/index.js'
import { formatTable, type Output } from './output.js'
import { optionalText, type Options } from './options.js'

/** `dossier timeline <actor> <counterpart> [--topic T]`: what the actor said about the counterpart, in order, shifts marked. */
export async function runTimeline(actor: string, counterpart: string, options: Options, out: Output): Promise<number> {
  const store = await openStore({ path: String(options.db) })
  try {
    const timeline = await findTimeline(store, { actor, counterpart, topic: optionalText(options.topic) })
    if (options.format === 'json') out.data(JSON.stringify(timeline, null, 2))
    else {
      out.data(formatTimeline(timeline))
      out.info(`${timeline.statements.length} statements of ${timeline.actor.name} on ${timeline.counterpart.name}${timeline.topic ? ` (${timeline.topic})` : ''}`)
    }
    return 0
  } finally {
    await store.close()
  }
}

/** A timeline as a table: a position that differs from the row before is marked `→`. */
export function formatTimeline(timeline: Timeline): string {
  const rows = timeline.statements.map((s) => [
    s.date ?? '-',
    s.speaker?.name ?? s.actor.name,
    `${s.shift ? `${s.shift.from} → ` : ''}${s.position}`,
    `${s.polarity === 'negative' ? 'not ' : ''}${s.action}${s.counterpartRole === 'against' ? ' against' : ''}`,
    s.quote.text,
    [...new Set(s.citations.map((c) => c.source))].join(', '),
  ])
  return formatTable(['DATE', 'WHO', 'POSITION', 'ACTION', 'STATEMENT', 'OUTLETS'], rows, [10, 22, 18, 18, 70, 40])
}
