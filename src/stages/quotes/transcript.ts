import type { EntitiesLayer, Entity, Sentence, Span, Speaker } from '../../document/index.js'
import { TRANSCRIPT_NON_SPEAKERS } from './cues.js'
import { blockRanges } from './marks.js'

/** One line of a transcript: "WALLACE: Let's start with …", the label and the words spoken. */
export interface TranscriptLine {
  /** The speaker's label, without its colon. */
  readonly label: Span
  /** The colon after the label: the line's cue. */
  readonly colon: Span
  /** The words spoken, to the paragraph's end, without a closing mark. */
  readonly text: Span
}

/** A transcript has at least this many labelled paragraphs: one "UPDATE:" line is no dialogue. */
const MIN_TRANSCRIPT_LINES = 2
/**
 * A paragraph opening (after an optional quote mark) with one to three upper-case words and a
 * colon. Upper case is the transcript convention ("WALLACE:", "SEN. MORENO:"); a title-case
 * "Moreno:" opens headlines and lists as often as dialogue.
 */
const LABEL = /^(["“]?)(\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+){0,2}):[ \t]+(?=\S)/u
/** Characters read at a paragraph's start to find a label. */
const LABEL_WINDOW = 60

/**
 * The lines of a transcript in the text: paragraphs that open with an upper-case speaker label
 * and a colon, when there are at least two of them. Each line is a direct quote of its speaker.
 *
 * @example
 * findTranscriptLines(source, sentences) // [{ label: span of "WALLACE", colon, text: span of "Let's start …" }, …]
 */
export function findTranscriptLines(source: string, sentences: readonly Sentence[]): TranscriptLine[] {
  const lines: TranscriptLine[] = []
  for (const block of blockRanges(sentences)) {
    const m = LABEL.exec(source.slice(block.start, Math.min(block.end, block.start + LABEL_WINDOW)))
    if (m === null || isNonSpeaker(m[2]!)) continue
    const labelStart = block.start + m[1]!.length
    const labelEnd = labelStart + m[2]!.length
    let end = block.end
    while (end > block.start && /\s/.test(source[end - 1]!)) end--
    if (m[1] !== '' && /["”]/.test(source[end - 1] ?? '')) end--
    const start = block.start + m[0].length
    if (end > start) lines.push({ label: { start: labelStart, end: labelEnd }, colon: { start: labelEnd, end: labelEnd + 1 }, text: { start, end } })
  }
  return lines.length >= MIN_TRANSCRIPT_LINES ? lines : []
}

/** "UPDATE", "DEAR ABBY": labels that open a paragraph but name no one speaking. */
function isNonSpeaker(label: string): boolean {
  const lower = label.toLowerCase()
  return TRANSCRIPT_NON_SPEAKERS.has(lower) || TRANSCRIPT_NON_SPEAKERS.has(lower.split(/\s+/)[0]!)
}

/**
 * The speaker a transcript label names: an entity mentioned in the label, else the one person of
 * the document whose name ends with the label's last word ("WALLACE" → Chris Wallace); else the
 * label alone, unnamed.
 *
 * @example
 * labelSpeaker(source, entities, line.label) // { entity: 'person:~chris-wallace', span, resolution: 'named' }
 */
export function labelSpeaker(source: string, entities: EntitiesLayer | undefined, label: Span, resolved: Speaker): Speaker {
  if (resolved.entity !== null) return resolved
  const last = source.slice(label.start, label.end).split(/\s+/).pop()!.replace(/[.'’]+$/, '').toLowerCase()
  const people = (entities?.entities ?? []).filter((e: Entity) => e.type === 'person' && e.name.toLowerCase().split(/\s+/).pop() === last)
  if (people.length === 1) return { entity: people[0]!.id, span: label, resolution: 'named' }
  return { entity: null, span: label, resolution: 'unnamed' }
}
