import type { Span } from '../../src/document/index.js'

/** One attribution relation of a brat `.ann` file: its spans, each possibly discontinuous. */
export interface BratAttribution {
  readonly content: readonly Span[]
  readonly source: readonly Span[]
  readonly cue: readonly Span[]
}

/**
 * Reads the attribution relations of a brat stand-off file (`T` text-bound lines, `E` lines tying
 * Content, Source and Cue). Offsets are characters of the annotated `.txt`, end exclusive.
 *
 * @example
 * readBratAttributions('T1\tSource 0 3\tHe\nT2\tCue 4 8\tsaid\nT3\tContent 9 20\tit rains\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1')
 */
export function readBratAttributions(ann: string): BratAttribution[] {
  const spans = new Map<string, Span[]>()
  const events: string[] = []
  for (const line of ann.split('\n')) {
    if (line.startsWith('T')) {
      const [id, head] = line.split('\t')
      if (id === undefined || head === undefined) continue
      const ranges = head.slice(head.indexOf(' ') + 1)
      spans.set(id, ranges.split(';').map((r) => {
        const [a, b] = r.trim().split(' ').map(Number)
        return { start: a!, end: b! }
      }))
    } else if (line.startsWith('E')) {
      events.push(line.split('\t')[1] ?? '')
    }
  }
  const out: BratAttribution[] = []
  for (const e of events) {
    const roles = new Map<string, string>()
    for (const pair of e.split(' ')) {
      const [role, id] = pair.split(':')
      if (role !== undefined && id !== undefined) roles.set(role.replace(/\d+$/, ''), id)
    }
    const get = (role: string): Span[] => spans.get(roles.get(role) ?? '') ?? []
    const content = get('Content')
    if (content.length > 0) out.push({ content, source: get('Source'), cue: get('Cue') })
  }
  return out
}
