import type { RemovalReason } from '../../../document/index.js'

/**
 * A kind of page furniture recognised on one line. Written from the *kinds* of leftovers a
 * scraper leaves around an article, never from one page's strings.
 */
export interface LineRule {
  readonly reason: RemovalReason
  /** Names the rule in `Removal.note`. */
  readonly note: string
  /** Tested on the trimmed line. */
  readonly pattern: RegExp
  /**
   * 'line' (default): the whole line goes when it matches. 'prefix': only the match at the start
   * goes, the rest of the line stays (an agency credit before the first sentence).
   */
  readonly part?: 'line' | 'prefix'
  /** Longer lines are never furniture for this rule: a real sentence may use the same words. */
  readonly maxChars: number
  /** The line heads a list of links (related stories): the items under it go too. */
  readonly opensList?: boolean
  /** The line opens a legal disclaimer: the rest of its paragraph goes too, however it is wrapped. */
  readonly opensDisclaimer?: boolean
}

// Short lines only: furniture is a label or a one-line prompt, article sentences run longer.
const LABEL_CHARS = 80
const PROMPT_CHARS = 250
// A breadcrumb trail can end in the full page title, and machine leftovers may follow it.
const BREADCRUMB_CHARS = 600
/** Section and account items of news-site menus. */
const MENU_WORDS = [
  'home', 'news', 'world', 'politics', 'business', 'economy', 'markets', 'tech', 'technology', 'science', 'health',
  'sport', 'sports', 'culture', 'arts', 'opinion', 'lifestyle', 'travel', 'entertainment', 'video', 'videos',
  'podcasts', 'europe', 'asia', 'africa', 'americas', 'middle east', 'local', 'weather', 'menu', 'search',
  'sign in', 'log in', 'login', 'subscribe', 'newsletters', 'contact', 'about us',
].join('|')

export const LINE_RULES: readonly LineRule[] = [
  // Breadcrumbs: "Home » world » …", "Home > News", and crumbs glued by a scraper: "HomeNewsPutin…".
  { reason: 'navigation', note: 'breadcrumb starting at Home', pattern: /^home\s*[»›>|/]/i, maxChars: BREADCRUMB_CHARS },
  { reason: 'navigation', note: 'breadcrumb glued to Home', pattern: /^Home(?=\p{Lu}\p{Ll})/u, maxChars: BREADCRUMB_CHARS },
  { reason: 'navigation', note: 'breadcrumb trail', pattern: /^(?:[^»›\n]{1,40}[»›]\s*){2,}/, maxChars: BREADCRUMB_CHARS },
  // Spaced ">", "/" or "|" between short crumbs; spaces are required so "and/or" or "24/7" never match.
  { reason: 'navigation', note: 'breadcrumb trail', pattern: /^(?:[^»›>|/\n.!?]{1,40}\s[>|/]\s+){2,}[^»›>|/\n.!?]{1,40}$/, maxChars: BREADCRUMB_CHARS },
  // Two crumbs only: "Politics » Security". No « on the line, so a quotation in «» style is never a crumb.
  { reason: 'navigation', note: 'breadcrumb pair', pattern: /^[^»›«‹\n.!?]{1,40}\s[»›]\s[^»›«‹\n.!?]{1,40}$/, maxChars: LABEL_CHARS },
  { reason: 'navigation', note: 'location trail', pattern: /^you are here\s*:/i, maxChars: BREADCRUMB_CHARS },
  // A menu bar scraped to one line: short items split by wide gaps, at least two of them section names.
  // The section-name test keeps a scraped table's header row ("Country  Capital  Population") out.
  { reason: 'navigation', note: 'menu bar', pattern: new RegExp(`^(?=(?:.*?(?:^|\\s{2})(?:${MENU_WORDS})(?=\\s{2}|$)){2})[\\p{L}&'’. -]+$`, 'iu'), maxChars: LABEL_CHARS },
  {
    reason: 'navigation',
    note: 'menu label',
    pattern: /^(?:skip to (?:main )?content|main menu|menu|search|sign in|log in|subscribe|toggle navigation)$/i,
    maxChars: LABEL_CHARS,
  },
  // Weather bars: a temperature alone, maybe after a city name ("8.4 C", "London 12°C").
  { reason: 'date-bar', note: 'temperature', pattern: /^(?:[\p{L} .'-]{1,30}\s)?-?\d{1,2}(?:[.,]\d)?\s*°?\s*[CF]$/u, maxChars: 40 },
  // Error pages the scraper fetched instead of, or before, the article.
  { reason: 'error-page', note: 'HTTP status code', pattern: /^(?:error\s*)?[45]\d\d(?:\s*[-–:]?\s*(?:error|forbidden|not found|page not found|access denied))?[!.]*$/i, maxChars: LABEL_CHARS },
  { reason: 'error-page', note: 'apology', pattern: /^(?:sorry|oops|whoops)[!.,]*$/i, maxChars: LABEL_CHARS },
  { reason: 'error-page', note: 'error label', pattern: /^(?:page not found|not found|access denied|forbidden)[!.]*$/i, maxChars: LABEL_CHARS },
  {
    reason: 'error-page',
    note: 'missing-page message',
    pattern: /^(?:(?:error|oops|sorry)!?[\s,]*)*(?:we[’']re sorry,?\s*(?:but\s*)?)?(?:the|this) (?:page|content|article|post)\b.{0,60}(?:doesn[’']?t|does not|no longer|could not be|cannot be|can[’']?t be)\s+(?:exists?|found|available|be found)/i,
    maxChars: PROMPT_CHARS,
  },
  // Ad-blocker walls and their follow-up plea.
  // The notice's own shapes, not any mention of ad blockers: "Use of ad blockers rose" is news.
  {
    reason: 'ad-notice',
    note: 'ad-blocker notice',
    pattern: /^ad\s?-?block(?:er)?s?\s+(?:detected|enabled)|^(?:please|kindly)\b.{0,80}\b(?:disabl\w*|turn\w* off|switch\w* off|whitelist\w*|paus\w*)\b.{0,60}\bad\s?-?block|^(?:we|it looks like)\b.{0,40}\byou(?:'re|’re| are) using an? ad\s?-?block/i,
    maxChars: PROMPT_CHARS,
  },
  { reason: 'ad-notice', note: 'advertisement label', pattern: /^(?:advertisement|sponsored(?: content)?|ad)$/i, maxChars: LABEL_CHARS },
  // Comment sections and prompts to write in them.
  { reason: 'comment-prompt', note: 'comment form heading', pattern: /^(?:leave a (?:comment|reply)|add a comment|post a comment|join the (?:conversation|discussion)|be the first to comment)[.!:]*$/i, maxChars: LABEL_CHARS },
  { reason: 'comment-prompt', note: 'comment count', pattern: /^(?:comments?(?:\s*\(\d+\))?|no comments?(?: yet)?|\d+ comments?)[.:!]*$/i, maxChars: LABEL_CHARS },
  // An invitation addresses the reader ("Share your view…", "…in the comments below"); a report that
  // someone spoke "in the comments" is news.
  { reason: 'comment-prompt', note: 'invitation to comment', pattern: /^(?:share|tell|let us know|leave|post|write|drop|join|give us)\b.{0,160}\bin the comments?(?: section)?(?: below)?[.!]*$|\bin the comments? (?:section )?below[.!]*$/i, maxChars: PROMPT_CHARS },
  {
    reason: 'comment-prompt',
    note: 'question to readers',
    // The question comes quickly: a long question starting this way is reported speech.
    pattern: /^(?:what are your thoughts|what do you think|let us know|tell us what you think)\b[^?]{0,90}\?(?:.*[?!])?$/i,
    maxChars: PROMPT_CHARS,
  },
  { reason: 'comment-prompt', note: 'comment-form fine print', pattern: /akismet|your comment data is processed|must be logged in to post a comment/i, maxChars: PROMPT_CHARS },
  // Share and follow buttons rendered as text.
  {
    reason: 'share-prompt',
    note: 'share or follow button',
    pattern: /^(?:share(?: this)?(?: article| story| post)?|share on \w+|tweet|email|print|follow us(?: on [\w ,&]+)?|like us on facebook|subscribe to our newsletter)[:!.]?$/i,
    maxChars: LABEL_CHARS,
  },
  // Lists of other stories: the heading, whose items go with it, and one-line "Related article: …".
  {
    reason: 'related-list',
    note: 'related-stories heading',
    pattern: /^(?:you (?:may|might) (?:also )?like|most (?:popular|read|viewed)(?: stories| articles| news| posts)?|latest (?:stories|news|articles|posts)|related (?:stories|articles|posts|news|coverage|content)|recommended(?: for you| stories| articles)?|more (?:stories|news|from [\w .'-]{1,40})|trending(?: now| stories| news)?|popular (?:posts|stories|articles)|top stories|editor[’']?s picks)\s*:?$/i,
    maxChars: LABEL_CHARS,
    opensList: true,
  },
  { reason: 'related-list', note: 'link to another story', pattern: /^(?:related(?: article| story| reading| posts?| news)?|read (?:more|also|next)|see also|also read)\s*:\s*\S/i, maxChars: PROMPT_CHARS },
  // Legal disclaimers: the label or opening phrase; the paragraph after it goes as well.
  { reason: 'disclaimer', note: 'disclaimer', pattern: /^(?:legal )?disclaimer\b/i, maxChars: PROMPT_CHARS, opensDisclaimer: true },
  // "The views expressed … are (solely) those of the author / do not necessarily reflect …", not "The views expressed by the minister were criticised".
  { reason: 'disclaimer', note: 'views-expressed disclaimer', pattern: /^the (?:views|opinions) expressed\b.{0,100}\b(?:are|do not|does not)\b.{0,40}\b(?:those of|the author|necessarily|own)\b/i, maxChars: PROMPT_CHARS, opensDisclaimer: true },
  // Republication notes and author blurbs: about the page, not the story.
  {
    reason: 'republication',
    note: 'first-published note',
    pattern: /^(?:(?:this|the) (?:article|story|post|piece|report) (?:was|is|has been) (?:first |originally )?(?:published|posted|republished|reprinted)|(?:originally|first) published (?:by|in|on|at)|republished (?:with permission )?(?:from|by))\b/i,
    maxChars: PROMPT_CHARS,
  },
  {
    reason: 'republication',
    note: 'author blurb',
    // "The author/team of|at <site> is|are <self-description> … (to) bring/keep/deliver you …": the
    // shape of a site's blurb about itself, whatever adjective it uses.
    pattern: /^(?:the )?(?:author|writer|team|editorial team|editors|staff) (?:of|at|behind) \S.{0,60}?\b(?:is|are)\b.{0,80}\b(?:bring(?:ing)?|keep(?:ing)?|deliver(?:ing)?|provid(?:e|ing)|giv(?:e|ing)) (?:you|our readers|readers)\b/i,
    maxChars: PROMPT_CHARS,
  },
  {
    reason: 'republication',
    note: 'agency credit before the first sentence',
    // "(XYZ) Text…" with at least two capitals inside: an outlet or wire credit, not "(a)" or "(see below)".
    pattern: /^\((?=[^)]*\p{Lu}[^)]*\p{Lu})[\p{L}&. ]{2,20}\)\s*(?:[-–—]\s*)?(?=\S)/u,
    part: 'prefix',
    maxChars: Number.POSITIVE_INFINITY,
  },
  // Reference lists: lines of bare URLs.
  { reason: 'url-list', note: 'bare URL line', pattern: /^(?:[-*•]\s*)?(?:\[\d+\]\s*)?(?:(?:https?:\/\/|www\.)\S+\s*)+$/i, maxChars: 4000 },
]

/**
 * Words that keep a disclaimer going past a sentence end: a wrapped disclaimer's later lines
 * still talk about liability, warranty and the like, the article after it does not.
 */
export const DISCLAIMER_VOCABULARY =
  /warrant|liabilit|responsib|accuracy|completeness|copyright|complaint|not (?:intended|constitute)|financial advice|investment advice|\bas is\b|endorse|provider/i
