/**
 * Words that change what a count covers: two figures whose clauses differ in one of them count
 * different things ("a stockpile of 4,477" and "an arsenal of 5,459"; "deployed" and "retired";
 * "gross" and "net"). Words that only stress the whole ("total", "overall", "all") are left out:
 * an unqualified count is normally the total already.
 */
export const SCOPE_WORDS: ReadonlySet<string> = new Set([
  // holdings and their states
  'stockpile', 'arsenal', 'inventory', 'reserve', 'reserves', 'active', 'inactive', 'deployed', 'non-deployed', 'undeployed',
  'operational', 'retired', 'dismantled', 'stored', 'strategic', 'tactical', 'nonstrategic', 'non-strategic',
  // money and economic measures
  'gross', 'net', 'nominal', 'real', 'adjusted', 'annual', 'annualised', 'annualized', 'monthly', 'quarterly', 'weekly', 'daily',
  'cumulative', 'average', 'median', 'peak', 'per', 'capita',
  'domestic', 'foreign', 'imports', 'exports', 'imported', 'exported', 'direct', 'indirect',
  // counts of people and cases
  'confirmed', 'suspected', 'probable', 'registered', 'recorded', 'official', 'unofficial',
  'military', 'civilian', 'civilians', 'combatants', 'full-time', 'part-time', 'permanent', 'temporary',
])

/**
 * Nouns a number labels rather than counts: "season 1 episode 7", "article 5", "phase 2",
 * "flight 370". A figure right after one of them names an item and measures nothing.
 */
export const NUMBERING_NOUNS: ReadonlySet<string> = new Set([
  'season', 'episode', 'chapter', 'article', 'section', 'page', 'phase', 'stage', 'round', 'game', 'match', 'level', 'grade',
  'route', 'flight', 'line', 'gate', 'platform', 'lane', 'room', 'floor', 'channel', 'volume', 'issue', 'part', 'act', 'scene',
  'clause', 'paragraph', 'item', 'step', 'tier', 'category', 'class', 'number', 'no', 'version', 'model', 'type', 'district',
  'ward', 'zone', 'block', 'track', 'row', 'seat', 'pier', 'terminal', 'highway', 'interstate', 'resolution', 'amendment', 'figure', 'table',
])
