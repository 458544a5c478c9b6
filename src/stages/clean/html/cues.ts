import type { RemovalReason } from '../../../document/index.js'

/**
 * Short blocks inside the article area that are page furniture, recognised by their words. Each
 * pattern is tested against a whole block's text; only blocks under `MAX_CUE_BLOCK_CHARS` are tested,
 * so a paragraph that merely starts with "Related" survives.
 */
export const MAX_CUE_BLOCK_CHARS = 160

export const BLOCK_CUES: readonly (readonly [RegExp, RemovalReason])[] = [
  // Names, then optionally a separator and an outlet or role. Word separators need spaces around them:
  // without, "By Wednesday the…" read as the name "Wednesda" joined by "y" to a tail.
  [/^(?:[Bb]y|BY|[Pp]or|[Vv]on|[Oo]leh|[Dd]i|[Pp]ar|[Dd]oor|[Aa]v|[Pp]rzez)\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,4}((\s*[,|–-]\s*|\s+(and|&|y|e|und)\s+).*)?$/u, 'byline'],
  [/^(posted|published|updated|last updated|publicado|publicada|atualizado|veröffentlicht|aktualisiert|diterbitkan|pubblicato)\b.{0,80}$/iu, 'dateline-meta'],
  [/^(share|share this|share on|share it|like this story|tweet|follow us|follow @|compartilhe|teilen|bagikan|condividi)\b/iu, 'share-prompt'],
  [/^(read more|see more|see also|related|also read|don'?t miss|recommended|more:|watch:|read next|leia também|veja também|lesen sie auch|mehr zum thema|baca juga|leggi anche|more from|trending|most popular|you may also like|you might also like)\b/iu, 'related-list'],
  [/^(advert|advertisement|sponsored|anzeige|publicidade|werbung|iklan|pubblicità|continue reading below|story continues below)$/iu, 'ad-notice'],
  [/^(leave a (comment|reply)|\d+\s+comments?|comments?|add a comment|join the conversation|show comments)$/iu, 'comment-prompt'],
]

/**
 * Cues match a block's first words; a label ("Share", "Related: …", "Updated 3 May") is short or does
 * not end like a sentence, while "Share prices fell sharply on Monday." is news. Blocks longer than
 * this that end with sentence punctuation are never furniture by cue.
 */
export const MAX_LABEL_SENTENCE_CHARS = 40
const SENTENCE_END = /[.!?]["”’)]?$/u

/** True when a block could be a label rather than a sentence of the article. */
export function looksLikeLabel(text: string): boolean {
  return text.length <= MAX_LABEL_SENTENCE_CHARS || !endsLikeSentence(text)
}

/** A date line never ends with a full stop; "It opened on May 3, 2024." is a sentence, however short. */
export function endsLikeSentence(text: string): boolean {
  return SENTENCE_END.test(text)
}

/** A date standing on its own line: "Tue 19 Nov 2019 05:44", "19.11.2019", "2019-11-19 10:00 GMT". */
export const DATE_ONLY_LINE = /^[\p{L}\s,.:|/-]{0,40}(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(st|nd|rd|th)?\s+\p{L}{3,}\.?,?\s+\d{4}|\p{L}{3,}\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4})[\p{L}\d\s,.:|/()+-]{0,30}$/u

/** Share of a block's letters that are capitals, above which a link-only block is a promo headline. */
export const SHOUTED_LETTER_SHARE = 0.8
/** Share of a block's text inside links above which the block is a link, not prose. */
export const LINK_BLOCK_DENSITY = 0.9
