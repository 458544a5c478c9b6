/*
 * Speech cues and quote marks, as data. A cue is the word that says someone spoke: "said",
 * "stressed", "according to". Every list here is lower-case; lookups lower-case the word.
 */

/** Verbs that both attribute a quote and take a reported clause ("X said …", "…, X said"): every inflection. */
const REPORTING_VERBS: readonly string[] = [
  'announce', 'announces', 'announced',
  'declare', 'declares', 'declared',
  'acknowledge', 'acknowledges', 'acknowledged',
  'admit', 'admits', 'admitted',
  'suggest', 'suggests', 'suggested',
  'recall', 'recalls', 'recalled',
  'concede', 'concedes', 'conceded',
  'contend', 'contends', 'contended',
  'maintain', 'maintains', 'maintained',
  'assert', 'asserts', 'asserted',
  'tweet', 'tweets', 'tweeted',
  'testify', 'testifies', 'testified',
  'predict', 'predicts', 'predicted',
  'promise', 'promises', 'promised',
  'vow', 'vows', 'vowed',
  'complain', 'complains', 'complained',
  'report', 'reports', 'reported',
  'confirm', 'confirms', 'confirmed',
  'believe', 'believes', 'believed',
  'think', 'thinks', 'thought',
  'charge', 'charges', 'charged',
]

/**
 * Reporting verbs in every form a news sentence uses them. All of them attribute a direct quote
 * ("…,” he added). Those also in `CLAUSE_CUES` introduce reported speech ("X stressed that …").
 */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  ...REPORTING_VERBS,
  'say', 'says', 'said', 'saying',
  'tell', 'tells', 'told', 'telling',
  'stress', 'stresses', 'stressed', 'stressing',
  'add', 'adds', 'added', 'adding',
  'respond', 'responds', 'responded', 'responding',
  'reply', 'replies', 'replied', 'replying',
  'note', 'notes', 'noted', 'noting',
  'state', 'states', 'stated', 'stating',
  'emphasise', 'emphasises', 'emphasised', 'emphasising',
  'emphasize', 'emphasizes', 'emphasized', 'emphasizing',
  'insist', 'insists', 'insisted', 'insisting',
  'warn', 'warns', 'warned', 'warning',
  'explain', 'explains', 'explained', 'explaining',
  'argue', 'argues', 'argued', 'arguing',
  'claim', 'claims', 'claimed', 'claiming',
  'write', 'writes', 'wrote', 'writing',
  'ask', 'asks', 'asked',
  'continue', 'continues', 'continued',
  'observe', 'observes', 'observed',
  'remark', 'remarks', 'remarked',
  'joke', 'jokes', 'joked',
  'quip', 'quips', 'quipped',
  'consider', 'considers', 'considered',
  'accuse', 'accuses', 'accused',
  'urge', 'urges', 'urged',
  'call', 'calls', 'called', 'calling',
  'describe', 'describes', 'described', 'describing',
  'dub', 'dubs', 'dubbed',
  'label', 'labels', 'labelled', 'labeled',
  'brand', 'brands', 'branded',
  'term', 'terms', 'termed',
  'reiterate', 'reiterates', 'reiterated', 'reiterating',
  'deny', 'denies', 'denied', 'denying',
  'indicate', 'indicates', 'indicated', 'indicating',
  'articulate', 'articulates', 'articulated', 'articulating',
  // Past tense only: "at one point", "no comment", "an express train" are nouns and adjectives.
  'commented', 'pointed', 'expressed',
  // A text's words: "…,” the letter reads. Not "read": a past or an infinitive ("read into the record").
  'reads',
])

/**
 * The speech verbs as they follow their subject in running text ("Okonkwo added", "she says"):
 * every form but the bare infinitive and the -ing form. Derived from `SPEECH_VERBS`: a word is an
 * infinitive when the list also holds its -s form ("say"/"says", "reply"/"replies").
 */
export const FINITE_SPEECH_VERBS: ReadonlySet<string> = new Set([...SPEECH_VERBS].filter((w) => !w.endsWith('ing') && !hasThirdPerson(w)))

function hasThirdPerson(w: string): boolean {
  return SPEECH_VERBS.has(`${w}s`) || SPEECH_VERBS.has(`${w}es`) || (w.endsWith('y') && SPEECH_VERBS.has(`${w.slice(0, -1)}ies`))
}

/**
 * Verbs that take a reported clause ("X said Moscow will …", "X noted that …"). Naming verbs
 * (called, dubbed) and belief verbs without "that" are left out: "called for talks" reports no
 * statement. "asked" is left out: it introduces a question, not a claim.
 */
export const CLAUSE_CUES: ReadonlySet<string> = new Set([
  ...REPORTING_VERBS,
  'say', 'says', 'said',
  'tell', 'tells', 'told',
  'stress', 'stresses', 'stressed',
  'add', 'adds', 'added',
  'respond', 'responds', 'responded',
  'reply', 'replies', 'replied',
  'note', 'notes', 'noted',
  'state', 'states', 'stated',
  'emphasise', 'emphasises', 'emphasised', 'emphasize', 'emphasizes', 'emphasized',
  'insist', 'insists', 'insisted',
  'warn', 'warns', 'warned',
  'explain', 'explains', 'explained',
  'argue', 'argues', 'argued',
  'claim', 'claims', 'claimed',
  'write', 'writes', 'wrote',
])

/**
 * Verbs that name what something is rather than report a statement: the words in marks after
 * them are a fragment of the speaker's ("called the proposal “a good idea”"), so a partial quote.
 */
export const NAMING_CUES: ReadonlySet<string> = new Set([
  'call', 'calls', 'called', 'calling', 'describe', 'describes', 'described', 'describing',
  'dub', 'dubs', 'dubbed', 'label', 'labels', 'labelled', 'labeled', 'brand', 'brands', 'branded',
  'term', 'terms', 'termed', 'consider', 'considers', 'considered',
])

/**
 * Clause cues that also take a clause without "that" ("Lavrov said Moscow will …"). The others
 * take objects as often ("announced a partnership", "stressed the importance"), so they report
 * speech only with "that".
 */
export const BARE_CLAUSE_CUES: ReadonlySet<string> = new Set([
  'say', 'says', 'said', 'add', 'adds', 'added', 'claim', 'claims', 'claimed', 'argue', 'argues', 'argued',
  'insist', 'insists', 'insisted', 'believe', 'believes', 'believed', 'think', 'thinks', 'thought',
  'write', 'writes', 'wrote', 'warn', 'warns', 'warned', 'tweet', 'tweets', 'tweeted',
  'contend', 'contends', 'contended', 'assert', 'asserts', 'asserted',
])

/** Verbs whose object, not a clause, follows: "told reporters that …", "told Kommersant: “…”". */
export const OBJECT_CUES: ReadonlySet<string> = new Set(['tell', 'tells', 'told', 'telling', 'warn', 'warned', 'warns', 'assure', 'assured', 'remind', 'reminded'])

/**
 * Words that, right before a short capitalised phrase in quote marks, make it a name or title, not
 * speech: the channel “Russia-24”, a group dubbed “The Squad”, the so-called “Gang of Eight”.
 */
export const TITLE_INTRODUCERS: ReadonlySet<string> = new Set([
  'channel', 'newspaper', 'magazine', 'network', 'station', 'show', 'programme', 'program', 'series',
  'film', 'movie', 'book', 'song', 'album', 'play', 'novel', 'column', 'podcast', 'hashtag', 'slogan',
  'operation', 'campaign', 'project', 'group', 'party', 'movement', 'term', 'word', 'phrase', 'headline',
  'nickname', 'called', 'dubbed', 'named', 'titled', 'entitled', 'nicknamed', 'so-called', 'daily', 'weekly', 'tv', 'radio', 'outlet', 'agency', 'website', 'blog',
])

/** Quote-mark pairs, opening → closing. Straight `"` closes itself; which it is depends on its neighbours. */
export const QUOTE_PAIRS: ReadonlyMap<string, string> = new Map([
  ['“', '”'],
  ['"', '"'],
  ['«', '»'],
  ['„', '“'],
  ['‘', '’'],
])

/** Every character that may open or close a quote. */
export const QUOTE_MARK_CHARS = '“”"«»„‘’'

/** Pronouns that name a speaker only through what they refer to. */
export const SPEAKER_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you'])

/** "according to X": the cue precedes its source. */
export const ACCORDING_TO = /\baccording to\b/gi

/**
 * Upper-case labels that open a paragraph with a colon but name no speaker: "UPDATE: …",
 * "WATCH: …", a letter's "DEAR ABBY: …" (the label or its first word). A paragraph with one of
 * them is no transcript line.
 */
export const TRANSCRIPT_NON_SPEAKERS: ReadonlySet<string> = new Set([
  'update', 'updated', 'updates', 'breaking', 'watch', 'read', 'related', 'note', "editor's note", 'editor’s note',
  'correction', 'clarification', 'photos', 'photo', 'video', 'source', 'sources', 'warning', 'spoiler', 'exclusive',
  'opinion', 'analysis', 'live', 'listen', 'see also', 'more', 'also', 'disclosure', 'ps', 'p.s.', 'tl;dr', 'faq', 'dear',
])
