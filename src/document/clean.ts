import type { Span } from './span.js'

/** What a kept block is, so renderers and later stages can treat headings and tables apart. */
export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-row' | 'quote' | 'preformatted'

/**
 * One block of the clean text: the spans of `source` it is made of, joined by a single space
 * (a hard-wrapped paragraph is several line spans), in source order.
 */
export interface Block {
  readonly kind: BlockKind
  readonly spans: readonly Span[]
}

/** Why a range of the source is not part of the article. Stable codes: tests and the UI rely on them. */
export type RemovalReason =
  | 'navigation'        // breadcrumbs, menus, "Home » world »"
  | 'date-bar'          // weather and today's-date bars
  | 'error-page'        // "403", "page ... doesn't exist"
  | 'ad-notice'         // "Adblock Detected", ads
  | 'comment-prompt'    // "Leave a Comment", "Share your thoughts"
  | 'share-prompt'      // share buttons, "follow us"
  | 'related-list'      // "You may also like", "Most popular", "Related article"
  | 'disclaimer'        // legal disclaimers
  | 'republication'     // "first published by", "(MENAFN)" style credit notes kept as metadata
  | 'url-list'          // bare reference URL lists
  | 'repeated'          // a passage that repeats an earlier one in the same document
  | 'title'             // the headline: metadata, not body
  | 'byline'            // "by Jane Doe - Editor": metadata, not body
  | 'dateline-meta'     // a bare date line: metadata, not body
  | 'boilerplate'       // other page furniture (HTML: outside the main content)
  | 'whitespace'

export interface Removal {
  readonly span: Span
  readonly reason: RemovalReason
  /** A short human note: which rule, what it matched. */
  readonly note?: string
}

/** Kinds of passages that stay in the text but are marked for the reader. */
export type FlagKind = 'machine-filler' | 'generation-prompt' | 'headline-mismatch'

export interface Flag {
  readonly span: Span
  readonly kind: FlagKind
  readonly note: string
}

/**
 * The clean text as kept ranges of the source: nothing is rewritten. Every character of
 * `source` is either in a block or in a removal (whitespace between blocks excepted).
 */
export interface CleanLayer {
  readonly blocks: readonly Block[]
  readonly removed: readonly Removal[]
  readonly flags: readonly Flag[]
}
