import type { CleanLayer } from './clean.js'

/** The clean text and, for each of its characters, where it came from. */
export interface RenderedText {
  readonly text: string
  /** `offsets[i]` is the source offset of `text[i]`, or -1 for a joining space or newline. */
  readonly offsets: Int32Array
}

const BLOCK_SEPARATOR = '\n\n'

/**
 * Renders the clean text: blocks separated by a blank line, the spans of one block joined by a
 * single space. Nothing is rewritten, so `offsets` maps every kept character back to `source`.
 *
 * @example
 * const { text, offsets } = renderCleanText(doc.source, doc.layers.clean!)
 */
export function renderCleanText(source: string, clean: CleanLayer): RenderedText {
  const parts: string[] = []
  let length = 0
  clean.blocks.forEach((block, b) => {
    if (b > 0) length += BLOCK_SEPARATOR.length
    block.spans.forEach((s, i) => {
      if (i > 0) length += 1
      length += s.end - s.start
    })
  })
  const offsets = new Int32Array(length).fill(-1)
  let at = 0
  clean.blocks.forEach((block, b) => {
    if (b > 0) {
      parts.push(BLOCK_SEPARATOR)
      at += BLOCK_SEPARATOR.length
    }
    block.spans.forEach((s, i) => {
      if (i > 0) {
        parts.push(' ')
        at += 1
      }
      parts.push(source.slice(s.start, s.end))
      for (let k = s.start; k < s.end; k++) offsets[at++] = k
    })
  })
  return { text: parts.join(''), offsets }
}

/** Just the clean text. */
export function cleanTextOf(source: string, clean: CleanLayer): string {
  return renderCleanText(source, clean).text
}
