/** One option of a command, declared as data; commander builds parsing and help from it. */
export interface OptionSpec {
  readonly flags: string
  readonly description: string
  readonly default?: string | boolean
  readonly choices?: readonly string[]
  /** An environment variable that sets the option when the command line does not. */
  readonly env?: string
}

export interface CommandSpec {
  readonly name: string
  readonly summary: string
  readonly args: readonly string[]
  readonly options: readonly OptionSpec[]
}

const DB: OptionSpec = { flags: '--db <file|url>', description: 'the store: a SQLite file, or a postgres:// URL', default: 'dossier.db', env: 'DOSSIER_DB' }
const FETCH: readonly OptionSpec[] = [
  { flags: '--allow-private', description: 'allow fetching URLs on loopback and private addresses (never link-local)' },
  { flags: '--max-bytes <n>', description: 'size cap per input in bytes, after decompression', default: String(50 * 1024 * 1024) },
  { flags: '--timeout <ms>', description: 'URL fetch timeout in milliseconds', default: '20000' },
]

const WORKERS: OptionSpec = { flags: '--workers <n>', description: 'extraction threads, or "auto"', default: 'auto' }
/** One writer at a time: how long a write command waits for the one before it (WRITER_WAIT_MS). */
const WAIT: OptionSpec = { flags: '--wait <seconds>', description: 'wait this long for another writer of the store, then fail (exit 3)', default: '60' }
/** Per-document budgets on worker threads (DEFAULT_BUDGET in src/pipeline/pool.ts). */
const BUDGET: readonly OptionSpec[] = [
  { flags: '--budget-ms <ms>', description: 'time one document may take on a worker before its input fails', default: '30000' },
  { flags: '--budget-mb <mb>', description: 'heap a worker may use before the input it holds fails', default: '2048' },
]

/** Where the queue keeps its state (and pg-boss its jobs), and which broker delivers them (src/queue). */
const QUEUE: readonly OptionSpec[] = [
  { flags: '--queue-db <url>', description: 'PostgreSQL database of the job queue (default: --db when it is postgres://…)' },
  { flags: '--broker <broker>', description: 'pg-boss (jobs in the queue database) or an amqp:// URL (RabbitMQ)', default: 'pg-boss' },
]

/** Options of the readable tables of annotations (quotes, claims, entities, events). */
const TABLE: readonly OptionSpec[] = [
  DB,
  { flags: '--format <format>', description: 'output format', default: 'table', choices: ['table', 'json'] },
  { flags: '--limit <n>', description: 'rows at most', default: '50' },
  { flags: '--entity <name>', description: 'only rows naming this entity (part of its name, or its id)' },
]

/** Every command of `dossier`, in the order `--help` lists them. */
export const COMMANDS = {
  ingest: {
    name: 'ingest',
    summary: 'read files, directories, - (stdin) or URLs; extract and store every document',
    args: ['<input...>'],
    options: [DB, ...FETCH, WORKERS, WAIT, ...BUDGET],
  },
  analyze: {
    name: 'analyze',
    summary: 'ingest, then find entities, quotes, claims, times and events; inputs stored before get what they lack',
    args: ['<input...>'],
    options: [
      DB, ...FETCH, WORKERS, WAIT, ...BUDGET,
      { flags: '--reanalyze', description: 'run every stage again on documents analysed before' },
      { flags: '--briefs <n>', description: 'then print the briefs of this many top stories (0: none)', default: '3' },
      ...QUEUE,
      { flags: '--detach', description: 'with a queue: enqueue the inputs and return; `dossier status` follows them' },
    ],
  },
  worker: {
    name: 'worker',
    summary: 'take inputs off the queue, read, annotate and store them, and place stories; run any number, on any machine',
    args: [],
    options: [
      { flags: '--db <store>', description: 'the store: postgres://… (shared), or a SQLite file on this machine', default: 'dossier.db' },
      ...QUEUE,
      { flags: '--concurrency <n>', description: 'inputs worked on at once, each on a thread', default: '1' },
      { flags: '--lease-ms <ms>', description: 'how long an input stays with a worker that stopped answering', default: '15000' },
      { flags: '--max-attempts <n>', description: 'tries an input gets when its worker dies on it, before it fails', default: '3' },
      { flags: '--page-size <n>', description: 'documents per story placement step (every worker of a store alike; as `analyze` when 200)', default: '200' },
      ...BUDGET,
    ],
  },
  status: {
    name: 'status',
    summary: "a queued run's inputs: queued, running, done and failed, with the reason of each failure",
    args: [],
    options: [
      { flags: '--db <store>', description: 'the store, when it is postgres://… (its database holds the queue)', default: 'dossier.db' },
      QUEUE[0]!,
      { flags: '--run <n>', description: 'the run (default: the newest)' },
      { flags: '--state <state>', description: 'only inputs in this state', choices: ['queued', 'running', 'done', 'failed'] },
      { flags: '--format <format>', description: 'output format', default: 'table', choices: ['table', 'json'] },
    ],
  },
  stories: {
    name: 'stories',
    summary: 'stories: the articles that report one event, most outlets first',
    args: [],
    options: [
      DB,
      { flags: '--search <query>', description: 'only stories whose articles contain these words ("quoted" text as a phrase)' },
      { flags: '--advanced', description: 'read --search with operators: AND, OR, NOT, ( ), prefix*, NEAR(a b, N)' },
      { flags: '--entity <name>', description: 'only stories naming this entity (a name or an id)' },
      { flags: '--outlet <name>', description: 'only stories with an article from this outlet' },
      { flags: '--from <date>', description: 'only stories whose event is on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)' },
      { flags: '--to <date>', description: 'only stories whose event is on or before this date' },
      { flags: '--order <order>', description: 'top: most outlets first; recent: latest event first', default: 'top', choices: ['top', 'recent'] },
      { flags: '--limit <n>', description: 'rows at most', default: '50' },
      { flags: '--offset <n>', description: 'rows to skip', default: '0' },
      { flags: '--format <format>', description: 'output format', default: 'table', choices: ['table', 'json'] },
    ],
  },
  brief: {
    name: 'brief',
    summary: 'the brief of a story: summary, quotes, facts with agreement and conflict, timeline, sources; every line cited',
    args: ['[query...]'],
    options: [
      DB,
      { flags: '--story <id>', description: 'the story (`dossier stories` lists ids); else the top story matching the query, else the top story' },
      { flags: '--format <format>', description: 'output format', default: 'md', choices: ['md', 'html', 'json'] },
    ],
  },
  threads: {
    name: 'threads',
    summary: 'threads: stories linked by shared actors and topic over time',
    args: [],
    options: [
      DB,
      { flags: '--limit <n>', description: 'threads at most', default: '50' },
      { flags: '--format <format>', description: 'output format', default: 'table', choices: ['table', 'json'] },
    ],
  },
  timeline: {
    name: 'timeline',
    summary: "an actor's stated positions on a counterpart over time, shifts marked",
    args: ['<actor>', '<counterpart>'],
    options: [
      DB,
      { flags: '--topic <topic>', description: 'only statements on this topic (alliance, cooperation, sanctions, …)' },
      { flags: '--format <format>', description: 'output format', default: 'table', choices: ['table', 'json'] },
    ],
  },
  export: {
    name: 'export',
    summary: 'write stored annotations as JSON records, each naming its article and span',
    args: [],
    options: [
      DB,
      { flags: '--format <format>', description: 'json: one array; jsonl: one record per line', default: 'jsonl', choices: ['json', 'jsonl'] },
      { flags: '--what <kind>', description: 'which records', default: 'articles', choices: ['articles', 'entities', 'quotes', 'claims', 'events', 'times', 'stories', 'conflicts', 'timelines'] },
      { flags: '--out <file>', description: 'write to this file instead of stdout' },
    ],
  },
  quotes: { name: 'quotes', summary: 'who said what: stored quotes as a table', args: [], options: TABLE },
  claims: { name: 'claims', summary: 'stored numeric claims with what they count and their sources', args: [], options: TABLE },
  entities: {
    name: 'entities',
    summary: 'people, countries and organisations, most widely mentioned first',
    args: [],
    options: [...TABLE, { flags: '--type <type>', description: 'only entities of this type', choices: ['person', 'country', 'organization', 'treaty', 'event', 'place', 'group'] }],
  },
  events: { name: 'events', summary: 'who did what to whom, with polarity, modality and date', args: [], options: TABLE },
  serve: {
    name: 'serve',
    summary: 'serve the web app and the JSON API on the store',
    args: [],
    options: [
      DB,
      { flags: '--port <n>', description: 'TCP port (0: any free port)', default: '8080' },
      { flags: '--host <host>', description: 'address to bind; anything but loopback needs a token', default: '127.0.0.1' },
      { flags: '--token <token>', description: 'require this bearer token on every API request (default: $DOSSIER_TOKEN)' },
      { flags: '--allow-host <name...>', description: 'also answer to this Host name (name or name:port; repeatable; default: $DOSSIER_ALLOW_HOSTS, comma-separated)' },
    ],
  },
  extract: {
    name: 'extract',
    summary: 'extract without storing: one record per document on stdout',
    args: ['<input...>'],
    options: [{ flags: '--format <format>', description: 'output format', default: 'jsonl', choices: ['jsonl', 'json', 'md'] }, ...FETCH, WORKERS, ...BUDGET],
  },
  list: {
    name: 'list',
    summary: 'list stored documents',
    args: [],
    options: [
      DB,
      { flags: '--limit <n>', description: 'rows at most', default: '50' },
      { flags: '--offset <n>', description: 'rows to skip', default: '0' },
      { flags: '--format <format>', description: 'output format', default: 'table', choices: ['table', 'json', 'jsonl'] },
    ],
  },
  show: {
    name: 'show',
    summary: 'show one stored document: metadata and clean text',
    args: ['<id>'],
    options: [
      DB,
      { flags: '--original', description: 'print the source text as read' },
      { flags: '--removed', description: 'list the removed ranges with their reasons' },
      { flags: '--format <format>', description: 'output format', default: 'text', choices: ['text', 'json'] },
    ],
  },
  migrate: {
    name: 'migrate',
    summary: 'copy a SQLite store into an empty PostgreSQL store, all of it or nothing',
    args: [],
    options: [
      { flags: '--from <file>', description: 'the SQLite store to copy' },
      { flags: '--to <url>', description: 'the PostgreSQL store: postgres://user:password@host:5432/database (created if missing)' },
      WAIT,
    ],
  },
  sources: {
    name: 'sources',
    summary: 'the sources `watch` follows: add <url...> | list | remove <id|url...> | import <opml>',
    args: ['<action>', '[args...]'],
    options: [
      DB,
      { flags: '--kind <kind>', description: 'with add: what the URL is (default: sitemap by its name, else feed)', choices: ['feed', 'sitemap', 'page'] },
      { flags: '--title <title>', description: 'with add: a name for the source' },
      { flags: '--format <format>', description: 'with list: output format', default: 'table', choices: ['table', 'json'] },
    ],
  },
  watch: {
    name: 'watch',
    summary: 'poll the sources, fetch new articles politely, and analyse them into stories; until stopped, or --once',
    args: [],
    options: [
      DB,
      { flags: '--every <duration>', description: 'how often each source is polled (90s, 15m, 2h)', default: '15m' },
      { flags: '--once', description: 'one cycle, then exit (for cron)' },
      { flags: '--contact <url>', description: 'a URL or address sites can reach you at, sent in the User-Agent (default: $DOSSIER_CONTACT)' },
      { flags: '--host-delay <ms>', description: 'least time between two requests to one host', default: '1000' },
      { flags: '--concurrency <n>', description: 'requests in flight at once across hosts (one per host)', default: '8' },
      { flags: '--format <format>', description: 'a line per cycle as text or JSON Lines', default: 'text', choices: ['text', 'jsonl'] },
      ...FETCH, WORKERS, WAIT, ...BUDGET,
    ],
  },
  watches: {
    name: 'watches',
    summary: 'saved watches: list, add, edit <id>, remove <id> (a search, an entity, or an actor pair with a topic)',
    args: ['[action]', '[id...]'],
    options: [
      DB,
      { flags: '--search <query>', description: 'add/edit: follow stories whose articles match this search' },
      { flags: '--advanced', description: 'read --search with operators: AND, OR, NOT, ( ), prefix*, NEAR(a b, N)' },
      { flags: '--entity <name>', description: 'add/edit: follow stories naming this entity (a name or an id such as country:RU)' },
      { flags: '--actor <name>', description: 'add/edit: follow this actor\'s stance on --counterpart (with --topic)' },
      { flags: '--counterpart <name>', description: 'the other side of an --actor watch' },
      { flags: '--topic <topic>', description: 'the topic of an --actor watch (alliance, cooperation, sanctions, …)' },
      { flags: '--name <name>', description: 'a name for the watch (default: what it follows)' },
      { flags: '--outlets <n>', description: 'alert when a watched story reaches this many outlets (default 3)' },
      { flags: '--webhook <url>', description: 'POST each alert as JSON to this URL' },
      { flags: '--no-webhook', description: 'edit: stop POSTing alerts' },
      { flags: '--secret <secret>', description: 'sign webhook bodies with HMAC-SHA256 of this secret (default: $DOSSIER_WEBHOOK_SECRET)' },
      { flags: '--format <format>', description: 'output format', default: 'table', choices: ['table', 'json'] },
    ],
  },
  alerts: {
    name: 'alerts',
    summary: 'alerts the watches fired, as JSON Lines, oldest first; --follow prints new ones as they fire',
    args: [],
    options: [
      DB,
      { flags: '--watch <id>', description: 'only the alerts of this watch' },
      { flags: '--after <seq>', description: 'only alerts after this seq (each alert carries its seq)', default: '0' },
      { flags: '--limit <n>', description: 'alerts at most before following', default: '1000' },
      { flags: '--follow', description: 'keep running and print each new alert as it fires' },
      { flags: '--interval <seconds>', description: 'with --follow: how often to look for new alerts', default: '2' },
    ],
  },
  check: {
    name: 'check',
    summary: "check the store: SQLite's integrity check and every counter against its members; exit 3 on any problem",
    args: [],
    options: [DB, { flags: '--format <format>', description: 'output format', default: 'text', choices: ['text', 'json'] }],
  },
} as const satisfies Record<string, CommandSpec>
