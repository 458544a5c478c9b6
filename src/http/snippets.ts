/*
 * Search snippets: the passage of an article where the searched words are, with each match as a
 * span of the source, so the app can highlight them and link to them. Hand-written over the
 * store's own word rules (`searchWords`): FTS5's snippet() would tie the route to one backend and
 * give offsets into its index text, not into `Document.source`.
 */
import type { Document, Span } from '../document/index.js'
import { parseSearchQuery, searchWords, type SearchExpr, type SearchQuery } from '../store/index.js'

/** Characters a snippet shows at most: two lines of a result list. */
export const SNIPPET_CHARS = 240
/** Characters of context kept before the first match, so the match is not the snippet's first word. */
const LEAD_CHARS = 60

/** A passage of the article's kept text; `highlights` are the matched words, as source spans. */
export interface Snippet {
  readonly span: Span
  readonly text: string
  readonly highlights: readonly Span[]
}

interface Word {
  readonly start: number
  readonly end: number
  readonly folded: string
}

/** As the index compares words: case and accents folded (the FTS5 tokenizer's `remove_diacritics 2`). */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The words of `source` inside `span`, with their offsets in the source. */
function wordsIn(source: string, span: Span): Word[] {
  const text = source.slice(span.start, span.end)
  const words: Word[] = []
  let at = 0
  for (const word of searchWords(text)) {
    const start = text.indexOf(word, at)
    if (start < 0) continue
    at = start + word.length
    words.push({ start: span.start + start, end: span.start + at, folded: fold(word) })
  }
  return words
}

/** The phrases a document must hold for the query to match (an excluded branch is left out). */
function wantedPhrases(expr: SearchExpr | undefined): Array<{ words: string[]; prefix: boolean }> {
  if (expr === undefined) return []
  switch (expr.kind) {
    case 'phrase': return [{ words: expr.words.map(fold), prefix: expr.prefix }]
    case 'near': return expr.phrases.flatMap(wantedPhrases)
    case 'and':
    case 'or': return expr.items.flatMap(wantedPhrases)
    case 'not': return wantedPhrases(expr.include)
  }
}

/** Where each phrase occurs among `words`, as source spans; `phrases` counts the distinct phrases found. */
function findMatches(words: readonly Word[], phrases: ReadonlyArray<{ words: string[]; prefix: boolean }>): { spans: Span[]; phrases: number } {
  const spans: Span[] = []
  let found = 0
  for (const phrase of phrases) {
    let any = false
    for (let i = 0; i + phrase.words.length <= words.length; i++) {
      const hit = phrase.words.every((w, k) => {
        const word = words[i + k]!.folded
        return k === phrase.words.length - 1 && phrase.prefix ? word.startsWith(w) : word === w
      })
      if (!hit) continue
      any = true
      spans.push({ start: words[i]!.start, end: words[i + phrase.words.length - 1]!.end })
    }
    if (any) found++
  }
  return { spans: mergeOverlaps(spans), phrases: found }
}

/** Spans in order, overlapping ones joined: two phrases sharing a word are one highlight. */
function mergeOverlaps(spans: readonly Span[]): Span[] {
  const merged: Span[] = []
  for (const span of [...spans].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = merged.at(-1)
    if (last !== undefined && span.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) }
    else merged.push(span)
  }
  return merged
}

/** A window of at most SNIPPET_CHARS inside `block` that starts a little before `at`, cut at spaces. */
function windowAround(source: string, block: Span, at: number): Span {
  let start = Math.max(block.start, at - LEAD_CHARS)
  let end = Math.min(block.end, start + SNIPPET_CHARS)
  start = Math.max(block.start, Math.min(start, end - SNIPPET_CHARS))
  if (start > block.start) {
    const space = source.indexOf(' ', start)
    if (space >= 0 && space < at) start = space + 1
  }
  if (end < block.end) {
    const space = source.lastIndexOf(' ', end)
    if (space > at) end = space
  }
  return { start, end }
}

/**
 * The snippet of a search hit: the kept passage holding the most of the query's phrases (the
 * first such), cut to SNIPPET_CHARS around its first match. When the words matched only the title,
 * the article's opening is given with no highlight, so the list never shows an empty result.
 * Null for an article with no kept text.
 *
 * @example
 * snippetOf(doc, 'central bank') // { span: { start: 812, end: 1040 }, text: '… the central bank said …', highlights: [{ start: 830, end: 842 }] }
 */
export function snippetOf(doc: Document, query: SearchQuery): Snippet | null {
  const blocks = (doc.layers.clean?.blocks ?? []).flatMap((b) => b.spans).filter((s) => s.end > s.start)
  if (blocks.length === 0) return null
  const phrases = wantedPhrases(parseSearchQuery(query))
  let best: { block: Span; spans: Span[]; phrases: number } | undefined
  for (const block of blocks) {
    const found = findMatches(wordsIn(doc.source, block), phrases)
    if (found.phrases > 0 && (best === undefined || found.phrases > best.phrases)) best = { block, ...found }
    if (best !== undefined && best.phrases === phrases.length) break
  }
  const block = best?.block ?? blocks[0]!
  const span = windowAround(doc.source, block, best?.spans[0]?.start ?? block.start)
  const highlights = (best?.spans ?? []).filter((s) => s.start >= span.start && s.end <= span.end)
  return { span, text: doc.source.slice(span.start, span.end), highlights }
}
