import type { Block, Flag, FlagKind, Span } from '../../../document/index.js'
import { countWords } from './lines.js'
import { renderBlock, splitSentences } from './sentences.js'

interface FillerPattern {
  readonly kind: FlagKind
  readonly note: string
  readonly pattern: RegExp
  /** 'block': flag the whole block the pattern opens. 'sentence': flag the sentences it touches. 'rest': from the match to the block's end. */
  readonly extent: 'block' | 'sentence' | 'rest'
}

/**
 * Text a generator wrote about its own output: a note on the title it chose, a chatbot's
 * preamble. Exported so the headline rule can cut such a note off a title line.
 */
export const GENERATION_LEFTOVERS: readonly RegExp[] = [
  /\bThis (?:title|headline|heading)\s+(?:\w+\s+){0,2}(?:conveys|captures|reflects|summari[sz]es|highlights|communicates|encapsulates)\b/i,
  /\b(?:here(?:'s|’s| is) (?:a |the )?(?:rewritten|revised|reworded|new|unique|seo)[\w -]{0,30}(?:article|version|text))\b/i,
  /\bas an ai(?: language)? model\b/i,
]

/** Machine filler that stays in the text but is marked for the reader. */
const FILLER_PATTERNS: readonly FillerPattern[] = [
  { kind: 'machine-filler', note: 'tip box', pattern: /^(?:pro tip|quick tip|expert tip|tip)\s*:/i, extent: 'block' },
  { kind: 'machine-filler', note: 'trivia box', pattern: /^(?:did you know|fun fact)\s*[?:!]/i, extent: 'block' },
  { kind: 'machine-filler', note: 'keyword stuffing', pattern: /\b(?:key|related|relevant) (?:terms|keywords|phrases|topics) (?:related to|for|about|associated with) (?:this|the topic|this topic|this article)\b/i, extent: 'sentence' },
  ...GENERATION_LEFTOVERS.map((pattern): FillerPattern => ({ kind: 'generation-prompt', note: 'generator note about its output', pattern, extent: 'rest' })),
]

/**
 * A question standing alone as a paragraph, longer than any sub-heading: a prompt a generator
 * was given, left before the article it wrote. Shorter questions are usually sub-headings.
 */
const MIN_PROMPT_QUESTION_WORDS = 12

/**
 * Flags machine-written filler and leftover generation prompts in the kept blocks, without
 * removing them.
 *
 * @example
 * findFiller(source, blocks) // [{ kind: 'machine-filler', note: 'tip box', span }]
 */
export function findFiller(source: string, blocks: readonly Block[]): Flag[] {
  const flags: Flag[] = []
  for (const block of blocks) {
    const rendered = renderBlock(source, block.spans)
    for (const p of FILLER_PATTERNS) {
      const m = p.pattern.exec(rendered.text)
      if (!m) continue
      for (const span of extentOf(rendered, m.index, m.index + m[0].length, p.extent)) {
        flags.push({ span, kind: p.kind, note: p.note })
      }
    }
    const prompt = standaloneQuestion(rendered.text)
    if (prompt) for (const span of rendered.toSource(0, rendered.text.length)) flags.push({ span, kind: 'generation-prompt', note: 'question standing alone: likely a leftover prompt' })
  }
  return flags
}

function extentOf(rendered: ReturnType<typeof renderBlock>, from: number, to: number, extent: FillerPattern['extent']): Span[] {
  if (extent === 'block') return rendered.toSource(0, rendered.text.length)
  if (extent === 'rest') return rendered.toSource(from, rendered.text.length)
  const sentences = splitSentences(rendered.text).filter((s) => s.start < to && from < s.end)
  const start = sentences[0]?.start ?? from
  const end = sentences[sentences.length - 1]?.end ?? to
  return rendered.toSource(start, end)
}

function standaloneQuestion(text: string): boolean {
  if (!/\?["”’]?$/.test(text)) return false
  return splitSentences(text).length === 1 && countWords(text) >= MIN_PROMPT_QUESTION_WORDS
}
