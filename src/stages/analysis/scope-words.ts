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
