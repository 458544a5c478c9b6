import { EXPORT_FORMATS, EXPORT_KINDS, type Format } from '../export/index.js'

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
  /** Command lines a reader can copy, each with what it does; `--help` and the README show them. */
  readonly examples: ReadonlyArray<readonly [command: string, what: string]>
}

/**
 * `--format`, from the one vocabulary (`FORMATS`): the same name means the same output on every
 * command, and a command lists only the ones it writes.
 */
function format(choices: readonly Format[], fallback: Format): OptionSpec {
  return { flags: '--format <format>', description: 'output format (`dossier --help` says what each is)', default: fallback, choices }
}

/** What every list command writes: a table to read, or data for a program or a spreadsheet. */
const LIST_FORMATS = ['table', 'json', 'jsonl', 'csv'] as const satisfies readonly Format[]

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
  format(LIST_FORMATS, 'table'),
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
    examples: [
      ['dossier ingest articles/ --db news.db', 'store every file under articles/, read recursively'],
      ['dossier ingest https://example.org/feed.xml --db news.db', 'fetch a feed and store its items'],
      ['cat dump.jsonl | dossier ingest - --db news.db', 'read JSON Lines from standard input'],
    ],
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
    examples: [
      ['dossier analyze articles/ --db news.db', 'read, annotate and cross-check; the briefs of the top 3 stories on stdout'],
      ['dossier analyze dump.jsonl --db news.db --briefs 0 2> counts.txt', 'no briefs; the counts (on stderr) to a file'],
      ['dossier analyze feeds/ --db postgres://dossier@db:5432/news --detach', 'enqueue the inputs for `dossier worker` processes and return'],
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
    examples: [
      ['dossier worker --db postgres://dossier@db:5432/news --concurrency 2', 'take inputs off the queue on this machine, two at a time'],
      ['dossier worker --db postgres://dossier@db:5432/news --broker amqp://guest:guest@mq:5672', 'the same, with RabbitMQ carrying the jobs'],
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
    examples: [
      ['dossier analyze articles/ --db news.db', 'read, annotate and cross-check; the briefs of the top 3 stories on stdout'],
      ['dossier analyze dump.jsonl --db news.db --briefs 0 2> counts.txt', 'no briefs; the counts (on stderr) to a file'],
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
      format(LIST_FORMATS, 'table'),
    ],
    examples: [
      ['dossier stories --db news.db --search "ferry strike" --order recent', 'the latest stories whose articles mention both words'],
      ['dossier stories --entity Russia --from 2023 --format csv > stories.csv', 'stories naming Russia since 2023, for a spreadsheet'],
    ],
  },
  brief: {
    name: 'brief',
    summary: 'the brief of a story: summary, quotes, facts with agreement and conflict, timeline, sources; every line cited',
    args: ['[query...]'],
    options: [
      DB,
      { flags: '--story <id>', description: 'the story (`dossier stories` lists ids); else the top story matching the query, else the top story' },
      format(['md', 'html', 'json'], 'md'),
    ],
    examples: [
      ['dossier brief --db news.db ferry strike', 'the brief of the top story whose articles mention ferry and strike'],
      ['dossier brief --story st-3f2a9c1b7d4e --format html > brief.html', 'one story\'s brief as a standalone page'],
    ],
  },
  threads: {
    name: 'threads',
    summary: 'threads: stories linked by shared actors and topic over time',
    args: [],
    options: [
      DB,
      { flags: '--limit <n>', description: 'threads at most', default: '50' },
      format(['table', 'json', 'jsonl'], 'table'),
    ],
    examples: [
      ['dossier threads --db news.db', 'each thread with its stories in date order'],
      ['dossier threads --format jsonl > threads.jsonl', 'one thread per line'],
    ],
  },
  timeline: {
    name: 'timeline',
    summary: "an actor's stated positions on a counterpart over time, shifts marked",
    args: ['<actor>', '<counterpart>'],
    options: [
      DB,
      { flags: '--topic <topic>', description: 'only statements on this topic (alliance, cooperation, sanctions, …)' },
      format(['table', 'json', 'csv'], 'table'),
    ],
    examples: [
      ['dossier timeline Russia China --topic alliance --db news.db', 'what Russia said about an alliance with China, shifts marked'],
      ['dossier timeline "Ada Brennan" "Port Alder council" --format csv', 'every statement, a row each'],
    ],
  },
  export: {
    name: 'export',
    summary: 'write stored records (articles, annotations, stories, checked facts, …), each naming its article and span',
    args: [],
    options: [
      DB,
      { flags: '--what <kind>', description: 'which records', default: 'articles', choices: EXPORT_KINDS },
      { flags: '--format <format>', description: 'output format (default: the first the kind takes; the README lists which fit which kind)', choices: EXPORT_FORMATS },
      { flags: '--story <id>', description: 'with --what graph: the graph of this story\'s articles only' },
      { flags: '--out <file>', description: 'write to this file instead of stdout' },
    ],
    examples: [
      ['dossier export --what quotes --format csv > quotes.csv', 'every quote with its speaker, a row each'],
      ['dossier export --what facts --format jsonld > reviews.jsonld', 'each checked fact as a schema.org ClaimReview'],
      ['dossier export --what graph --format gexf --out actors.gexf', 'the actor graph, for Gephi'],
    ],
  },
  quotes: {
    name: 'quotes', summary: 'who said what: stored quotes as a table', args: [], options: TABLE,
    examples: [['dossier quotes --entity Lavrov --db news.db', 'the quotes Lavrov is the speaker of'], ['dossier quotes --limit 1000 --format csv > quotes.csv', 'a thousand quotes for a spreadsheet']],
  },
  claims: {
    name: 'claims', summary: 'stored numeric claims with what they count and their sources', args: [], options: TABLE,
    examples: [['dossier claims --entity "port office" --db news.db', 'figures naming the port office'], ['dossier claims --format jsonl', 'one claim per line, with its spans']],
  },
  entities: {
    name: 'entities',
    summary: 'people, countries and organisations, most widely mentioned first',
    args: [],
    options: [...TABLE, { flags: '--type <type>', description: 'only entities of this type', choices: ['person', 'country', 'organization', 'treaty', 'event', 'place', 'group'] }],
    examples: [['dossier entities --type person --limit 20 --db news.db', 'the 20 people most widely mentioned'], ['dossier entities --format csv > entities.csv', 'the entity index for a spreadsheet']],
  },
  events: {
    name: 'events', summary: 'who did what to whom, with polarity, modality and date', args: [], options: TABLE,
    examples: [['dossier events --entity China --db news.db', 'events with China as a participant'], ['dossier events --format json', 'the events as one JSON array']],
  },
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
    examples: [
      ['dossier serve --db news.db', 'the app at http://127.0.0.1:8080/'],
      ['DOSSIER_TOKEN=$(openssl rand -hex 16) dossier serve --host 0.0.0.0 --allow-host news.example', 'on the network, every API request needing the token'],
    ],
  },
  extract: {
    name: 'extract',
    summary: 'extract without storing: one record per document on stdout',
    args: ['<input...>'],
    options: [format(['jsonl', 'json', 'md'], 'jsonl'), ...FETCH, WORKERS, ...BUDGET],
    examples: [
      ['dossier extract page.html', 'the clean text and metadata as one JSON line'],
      ['dossier extract https://example.org/article --format md', 'a fetched article as readable Markdown'],
    ],
  },
  list: {
    name: 'list',
    summary: 'list stored documents',
    args: [],
    options: [
      DB,
      { flags: '--limit <n>', description: 'rows at most', default: '50' },
      { flags: '--offset <n>', description: 'rows to skip', default: '0' },
      format(LIST_FORMATS, 'table'),
    ],
    examples: [['dossier list --db news.db --limit 20', 'the first 20 documents stored'], ['dossier list --limit 100000 --format csv > documents.csv', 'every document\'s id, input, title and date']],
  },
  show: {
    name: 'show',
    summary: 'show one stored document: metadata and clean text',
    args: ['<id>'],
    options: [
      DB,
      { flags: '--original', description: 'print the source text as read' },
      { flags: '--removed', description: 'list the removed ranges with their reasons' },
      format(['text', 'json'], 'text'),
    ],
    examples: [
      ['dossier show 9f2c0e1a7b3d4c5e6f708192 --db news.db', 'the clean text with title, date and outlet'],
      ['dossier show 9f2c0e1a7b3d4c5e6f708192 --removed', 'what cleaning removed, and why'],
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
    examples: [
      ['dossier migrate --from news.db --to postgres://dossier@db:5432/news', 'copy an embedded store into an empty PostgreSQL store'],
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
    examples: [
      ['dossier sources add https://example.org/feed.xml --db news.db', 'follow a feed'],
      ['dossier sources import subscriptions.opml --db news.db', 'follow every feed of an OPML list'],
      ['dossier sources list --format json --db news.db', "each source's status, last and next fetch, last error"],
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
    examples: [
      ['dossier watch --every 15m --contact https://example.org/contact --db news.db', 'poll every source every 15 minutes until stopped'],
      ['dossier watch --once --db news.db', 'one cycle, for cron'],
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
    examples: [
      ["dossier watches add --search 'Lavrov China' --db news.db", 'alert on new stories matching a search'],
      ['dossier watches add --actor Russia --counterpart China --topic alliance --db news.db', "alert when Russia's stated position on an alliance with China shifts"],
      ['dossier watches list --db news.db', 'the saved watches'],
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
    examples: [
      ['dossier alerts --follow --db news.db', 'print each alert as JSON Lines as it fires'],
      ['dossier alerts --watch 2 --after 40 --db news.db', "one watch's alerts after seq 40"],
    ],
  },
  check: {
    name: 'check',
    summary: "check the store: its integrity (SQLite's check; on PostgreSQL, search vectors) and every counter against its members; exit 3 on any problem",
    args: [],
    options: [DB, format(['text', 'json'], 'text')],
    examples: [['dossier check --db news.db', 'exit 0 when sound, else each problem and exit 3'], ['dossier check --format json', 'the findings as JSON']],
  },
} as const satisfies Record<string, CommandSpec>
