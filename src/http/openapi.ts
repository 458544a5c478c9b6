/**
 * The API as OpenAPI 3.1, written by hand next to the routes; a test checks that every route the
 * app answers is here and every path here is answered.
 */
import { LIST_FORMATS } from './list.js'
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, MAX_PARAM_CHARS } from './params.js'
import { BRIEF_FORMATS } from './routes/brief.js'
import { ENTITY_TYPES } from './routes/entities.js'
import { STORY_ORDERS } from './routes/stories.js'
import { ARTICLE_SORTS, SORT_DIRECTIONS } from './article-order.js'
import { COVERAGE_BUCKETS } from './coverage.js'
import { SEARCH_MODES } from '../store/index.js'
import { WATCH_PATHS, WATCH_SCHEMAS } from './openapi-watches.js'

type Schema = { readonly [key: string]: unknown }

interface Parameter {
  readonly name: string
  readonly in: 'query' | 'path'
  readonly required?: boolean
  readonly description: string
  readonly schema: Schema
}

const SEARCH_MODE: Parameter = {
  name: 'mode',
  in: 'query',
  description: '`words` (default): `q` is a person\'s words, every one found, "quoted" text a phrase, other punctuation only separating words (`U.S.`, `2023-02-21`); no query is an error. `advanced`: `q` may use AND, OR, NOT, parentheses, "phrases", prefix* and NEAR(a b, N); a malformed query is a 400 `SEARCH_SYNTAX` saying what is wrong and where.',
  schema: { enum: SEARCH_MODES },
}

interface Operation {
  readonly summary: string
  readonly operationId: string
  readonly parameters?: readonly Parameter[]
  readonly requestBody?: { readonly required: boolean; readonly content: Readonly<Record<string, { readonly schema: Schema }>> }
  readonly responses: Readonly<Record<string, { readonly description: string; readonly content?: Readonly<Record<string, { readonly schema: Schema }>> }>>
}

export interface OpenApiDocument {
  readonly openapi: '3.1.0'
  readonly info: { readonly title: string; readonly version: string; readonly description: string }
  readonly security: ReadonlyArray<Readonly<Record<string, readonly string[]>>>
  readonly paths: Readonly<Record<string, Readonly<Partial<Record<'get' | 'post' | 'put' | 'delete', Operation>>>>>
  readonly components: { readonly schemas: Readonly<Record<string, Schema>>; readonly securitySchemes: Readonly<Record<string, Schema>> }
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: Schema) => ({ 'application/json': { schema } })
const nullable = (type: string): Schema => ({ type: [type, 'null'] })

const page: readonly Parameter[] = [
  { name: 'limit', in: 'query', description: `Items per page (default ${DEFAULT_PAGE_LIMIT}).`, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT } },
  { name: 'offset', in: 'query', description: 'Items to skip.', schema: { type: 'integer', minimum: 0 } },
  { name: 'format', in: 'query', description: '`csv` for a CSV download (RFC 4180; cells that start like a formula get a leading `\'`): with `limit`, that page; without, the whole list from `offset`, streamed.', schema: { enum: LIST_FORMATS } },
]
const idParam = (what: string): Parameter => ({ name: 'id', in: 'path', required: true, description: `The ${what}'s id.`, schema: { type: 'string' } })

const errors = {
  '400': { description: 'A bad parameter or search syntax.', content: json(ref('Error')) },
  '401': { description: 'The server has a token and the request lacks it.', content: json(ref('Error')) },
  '421': { description: 'The Host header names a host this server does not answer to (HOST_NOT_ALLOWED).', content: json(ref('Error')) },
}
const notFound = { '404': { description: 'No such id.', content: json(ref('Error')) } }

function list(summary: string, operationId: string, item: string, parameters: readonly Parameter[]): Operation {
  return {
    summary, operationId, parameters: [...parameters, ...page],
    responses: {
      '200': {
        description: `A page of ${item} items, or CSV with format=csv.`,
        content: { ...json(listOf(ref(item))), 'text/csv': { schema: { type: 'string' } } },
      },
      ...errors,
    },
  }
}

function one(summary: string, operationId: string, schema: Schema, what: string, extra: readonly Parameter[] = []): Operation {
  return { summary, operationId, parameters: [idParam(what), ...extra], responses: { '200': { description: summary, content: json(schema) }, ...errors, ...notFound } }
}

function listOf(item: Schema): Schema {
  return {
    type: 'object',
    required: ['items', 'total', 'limit', 'offset'],
    properties: {
      items: { type: 'array', items: item },
      total: { type: 'integer', description: 'Items in all; a lower bound when totalCapped is set.' },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
      totalCapped: { const: true, description: 'Counting stopped at a cap (searches count up to 1,000 hits).' },
    },
  }
}

const span: Schema = { type: 'object', required: ['start', 'end'], properties: { start: { type: 'integer' }, end: { type: 'integer' } }, description: 'Half-open range of the article source in UTF-16 code units.' }
const citation: Schema = {
  type: 'object', required: ['article', 'source', 'span', 'text'],
  properties: { article: { type: 'string' }, source: { type: 'string' }, span: ref('Span'), text: { type: 'string' } },
}
const open = (description: string, required: readonly string[] = []): Schema => ({ type: 'object', description, required, additionalProperties: true })

export const OPENAPI: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Dossier API',
    version: '0.1.0',
    description: 'Stories, articles, entities and stance timelines of a Dossier store. Every value cites the exact span of the article it comes from. Errors are `{ error: { code, message } }`. Any route answers 421 (HOST_NOT_ALLOWED) to a Host name the server does not answer to, and 405 (METHOD_NOT_ALLOWED, with `Allow`) to a method its path does not take; a POST is refused with 403 (CROSS_SITE_REQUEST) when a browser sends it from another origin.',
  },
  security: [{}, { bearer: [] }],
  paths: {
    '/api/health': { get: { summary: 'The server answers and the store reads.', operationId: 'health', responses: { '200': { description: 'Counts.', content: json(ref('Health')) }, '401': errors['401'] } } },
    '/api/ping': { get: { summary: 'The server answers (a constant body; the store is not read).', operationId: 'ping', responses: { '200': { description: 'Always `{ "ok": true }`.', content: json({ type: 'object', properties: { ok: { const: true } }, required: ['ok'] }) }, '401': errors['401'] } } },
    '/api/stories': {
      get: list('Stories, filtered and ordered.', 'listStories', 'StorySummary', [
        { name: 'q', in: 'query', description: 'Search of the member articles (title and clean text); see `mode` and the README\'s "Search" section.', schema: { type: 'string', maxLength: MAX_PARAM_CHARS } },
        SEARCH_MODE,
        { name: 'entity', in: 'query', description: 'An entity id a member article mentions.', schema: { type: 'string' } },
        { name: 'outlet', in: 'query', description: 'An outlet of a member article, in any case (every stored spelling of it; see /api/outlets).', schema: { type: 'string' } },
        { name: 'from', in: 'query', description: 'Event date at or after (YYYY, YYYY-MM, YYYY-MM-DD).', schema: { type: 'string' } },
        { name: 'to', in: 'query', description: 'Event date at or before; a year or month includes the whole period.', schema: { type: 'string' } },
        { name: 'thread', in: 'query', description: 'A thread id.', schema: { type: 'string' } },
        { name: 'order', in: 'query', description: '`top` (outlets, articles, date) or `recent`.', schema: { enum: STORY_ORDERS } },
        { name: 'outlets', in: 'query', description: '`1`: each item also gives `outletNames` (its articles\' outlets, most articles first), `first` and `last` (its dates).', schema: { enum: ['1', 'true', 'yes', '0', 'false', 'no'] } },
      ]),
    },
    '/api/stories/{id}': { get: one('One story with its articles.', 'getStory', ref('Story'), 'story') },
    '/api/stories/{id}/check': {
      get: one("The story's cross-check: facts, conflicts, quality notes.", 'getStoryCheck', ref('StoryCheck'), 'story', [
        { name: 'format', in: 'query', description: '`json` (default) or `csv`: the facts table, one row a fact, as a download.', schema: { enum: LIST_FORMATS } },
      ]),
    },
    '/api/stories/{id}/brief': {
      get: {
        ...one("The story's brief; every sentence cited.", 'getStoryBrief', ref('Brief'), 'story', [
          { name: 'format', in: 'query', description: '`json` (default), `md` (text/markdown) or `html` (a download).', schema: { enum: BRIEF_FORMATS } },
        ]),
        responses: {
          '200': { description: 'The brief.', content: { ...json(ref('Brief')), 'text/markdown': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } } } },
          ...errors, ...notFound,
        },
      },
    },
    '/api/stories/{id}/coverage': {
      get: one('Who covered the story: its outlets with their articles and dates, and outlets that write about its actors (2+ articles elsewhere) but have none in it.', 'getStoryCoverage', ref('StoryCoverage'), 'story'),
    },
    '/api/outlets': {
      get: list('Outlets of the stored articles (publisher, else the URL host), grouped in any case, most articles first.', 'listOutlets', 'Outlet', [
        { name: 'q', in: 'query', description: 'Part of the name, any case.', schema: { type: 'string' } },
      ]),
    },
    '/api/coverage': {
      get: {
        summary: 'Articles per day (or month) for a search or the whole store, in all and by outlet.',
        operationId: 'getCoverage',
        parameters: [
          { name: 'q', in: 'query', description: 'Search of title and clean text; all articles when absent.', schema: { type: 'string', maxLength: MAX_PARAM_CHARS } },
          SEARCH_MODE,
          { name: 'by', in: 'query', description: '`day` (default; a range over ten years is given by month) or `month`.', schema: { enum: COVERAGE_BUCKETS } },
          { name: 'from', in: 'query', description: 'Published at or after (YYYY, YYYY-MM, YYYY-MM-DD).', schema: { type: 'string' } },
          { name: 'to', in: 'query', description: 'Published at or before; a year or month includes the whole period.', schema: { type: 'string' } },
          { name: 'outlet', in: 'query', description: 'One outlet, any case.', schema: { type: 'string' } },
          { name: 'format', in: 'query', description: '`csv`: one row per date and outlet (`date,outlet,articles`).', schema: { enum: LIST_FORMATS } },
        ],
        responses: { '200': { description: 'The counts.', content: { ...json(ref('Coverage')), 'text/csv': { schema: { type: 'string' } } } }, ...errors },
      },
    },
    '/api/threads': { get: list('Threads: stories linked by actors and topic over time.', 'listThreads', 'Thread', []) },
    '/api/threads/{id}': { get: one('One thread.', 'getThread', ref('Thread'), 'thread') },
    '/api/articles': {
      get: list('Articles, in storage order, or searched (best first, with score).', 'listArticles', 'ArticleSummary', [
        { name: 'q', in: 'query', description: 'Search of title and clean text; see `mode` and the README\'s "Search" section.', schema: { type: 'string', maxLength: MAX_PARAM_CHARS } },
        SEARCH_MODE,
        { name: 'snippets', in: 'query', description: 'With q, `1`: each hit gets `snippet`, the passage with the searched words and each match as a source span.', schema: { enum: ['1', 'true', 'yes', '0', 'false', 'no'] } },
        { name: 'sort', in: 'query', description: 'Order of the whole list (or of the search\'s hits, up to 10,000): `stored`, `published`, `title`, `outlet`, `chars`; a missing value goes last.', schema: { enum: ARTICLE_SORTS } },
        { name: 'dir', in: 'query', description: '`asc` or `desc` (default `desc` for published and chars, else `asc`).', schema: { enum: SORT_DIRECTIONS } },
      ]),
    },
    '/api/articles/{id}': { get: one('One article: source, cleaning, layers, quality notes, story.', 'getArticle', ref('Article'), 'article') },
    '/api/entities': {
      get: list('Entities across the store, most widely mentioned first.', 'listEntities', 'EntitySummary', [
        { name: 'type', in: 'query', description: 'Entity type.', schema: { enum: ENTITY_TYPES } },
        { name: 'q', in: 'query', description: 'Part of the name or id, any case.', schema: { type: 'string' } },
      ]),
    },
    '/api/entities/{id}': { get: one('One entity: mentions by month, its quotes, its stories.', 'getEntity', ref('EntityDetail'), 'entity') },
    '/api/timeline': {
      get: {
        summary: "An actor's stance statements about a counterpart, in time order, shifts marked.",
        operationId: 'getTimeline',
        parameters: [
          { name: 'actor', in: 'query', required: true, description: 'Name or entity id.', schema: { type: 'string' } },
          { name: 'counterpart', in: 'query', required: true, description: 'Name or entity id.', schema: { type: 'string' } },
          { name: 'topic', in: 'query', description: 'A topic (`alliance`, …); all actions when absent.', schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'The timeline.', content: json(ref('Timeline')) }, ...errors },
      },
    },
    '/api/import': {
      post: {
        summary: 'Starts an import job: uploaded files (multipart, any field name) or URLs. One job at a time.',
        operationId: 'startImport',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': { schema: { type: 'object', additionalProperties: { type: 'string', format: 'binary' } } },
            'application/json': { schema: { type: 'object', required: ['urls'], properties: { urls: { type: 'array', items: { type: 'string', description: 'One pasted line: an http(s) URL. A line that is not one is refused alone (NOT_A_WEB_URL); blank lines are left out.' }, minItems: 1 } } } },
          },
        },
        responses: {
          '202': { description: 'The job started.', content: json({ type: 'object', required: ['job'], properties: { job: ref('ImportJob') } }) },
          ...errors,
          '403': { description: 'Sent by a page of another origin (CROSS_SITE_REQUEST).', content: json(ref('Error')) },
          '405': { description: 'Another method than POST (METHOD_NOT_ALLOWED; `Allow: POST`).', content: json(ref('Error')) },
          '409': { description: 'Another import is running.', content: json(ref('Error')) },
          '413': { description: 'The request, or the number of files or URLs, is over the limit (a file over its own limit is refused alone, INPUT_TOO_LARGE).', content: json(ref('Error')) },
          '415': { description: 'Neither multipart nor JSON.', content: json(ref('Error')) },
        },
      },
    },
    '/api/import/{job}': {
      get: {
        summary: 'The state of an import job.',
        operationId: 'getImport',
        parameters: [{ name: 'job', in: 'path', required: true, description: 'The job id.', schema: { type: 'string' } }],
        responses: { '200': { description: 'The job.', content: json(ref('ImportJob')) }, ...errors, ...notFound },
      },
    },
    '/api/sources': {
      get: { summary: 'The sources `dossier watch` follows, each with its status.', operationId: 'listSources', responses: { '200': { description: 'Every source, by id.', content: json({ type: 'object', required: ['sources'], properties: { sources: { type: 'array', items: ref('WatchSource') } } }) }, ...errors } },
      post: {
        summary: 'Follows a source (a feed, sitemap or page URL), or every feed of an OPML list. The next watch cycle polls it.',
        operationId: 'addSource',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  { type: 'object', required: ['url'], properties: { url: { type: 'string' }, kind: { enum: ['feed', 'sitemap', 'page'] }, title: { type: 'string' } } },
                  { type: 'object', required: ['opml'], properties: { opml: { type: 'string', description: 'An OPML document, as text.' } } },
                ],
              },
            },
          },
        },
        responses: {
          '200': { description: 'The URL was followed already (`added: false`), or the OPML list was imported (`added`, `existing`, `rejected`).', content: json({ type: 'object' }) },
          '201': { description: 'The source was added.', content: json({ type: 'object', required: ['source', 'added'], properties: { source: ref('WatchSource'), added: { const: true } } }) },
          ...errors,
          '403': { description: 'Sent by a page of another origin (CROSS_SITE_REQUEST).', content: json(ref('Error')) },
          '409': { description: 'The server\'s store is read-only (STORE_READ_ONLY).', content: json(ref('Error')) },
          '413': { description: 'The JSON body is over the limit.', content: json(ref('Error')) },
          '415': { description: 'Not JSON.', content: json(ref('Error')) },
        },
      },
    },
    '/api/sources/{id}': {
      get: one('One source with its latest items.', 'getSource', { type: 'object', required: ['source', 'items'], properties: { source: ref('WatchSource'), items: { type: 'array', items: ref('SourceItem') } } }, 'source'),
      delete: { summary: 'Stops following a source; the items seen on it are forgotten (documents stay).', operationId: 'removeSource', parameters: [idParam('source')], responses: { '204': { description: 'Removed.' }, ...errors, ...notFound, '409': { description: 'The server\'s store is read-only (STORE_READ_ONLY).', content: json(ref('Error')) } } },
    },
    ...WATCH_PATHS,
    '/api/openapi.json': { get: { summary: 'This document.', operationId: 'openapi', responses: { '200': { description: 'OpenAPI 3.1.', content: json({ type: 'object' }) } } } },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Required when the server was started with --token.' } },
    schemas: {
      WatchSource: {
        type: 'object',
        required: ['id', 'url', 'kind', 'title', 'addedAt', 'lastFetchAt', 'lastStatus', 'lastOkAt', 'nextFetchAt', 'failures', 'lastError', 'lastErrorAt', 'items', 'documents', 'lastNewAt', 'status'],
        properties: {
          id: { type: 'integer' }, url: { type: 'string' }, kind: { enum: ['feed', 'sitemap', 'page'] }, title: { type: ['string', 'null'] }, addedAt: { type: 'string' },
          etag: { type: ['string', 'null'] }, lastModified: { type: ['string', 'null'] },
          lastFetchAt: { type: ['string', 'null'] }, lastStatus: { type: ['integer', 'null'], description: 'HTTP status of the last poll; 304: unchanged.' }, lastOkAt: { type: ['string', 'null'] },
          nextFetchAt: { type: 'string' }, failures: { type: 'integer', description: 'Polls failed in a row.' }, lastError: { type: ['string', 'null'] }, lastErrorAt: { type: ['string', 'null'] },
          items: { type: 'integer' }, documents: { type: 'integer' }, lastNewAt: { type: ['string', 'null'] }, status: { enum: ['new', 'ok', 'failing'] },
        },
      },
      SourceItem: {
        type: 'object',
        required: ['key', 'source', 'link', 'title', 'published', 'state', 'attempts', 'document', 'note', 'seenAt', 'doneAt'],
        properties: {
          key: { type: 'string' }, source: { type: 'integer' }, link: { type: ['string', 'null'] }, title: { type: ['string', 'null'] }, published: { type: ['string', 'null'] },
          state: { enum: ['pending', 'done', 'failed'] }, attempts: { type: 'integer' }, document: { type: ['string', 'null'] },
          note: { type: ['string', 'null'], description: 'A fallback taken (the feed text stored instead of the page), or the last error.' }, seenAt: { type: 'string' }, doneAt: { type: ['string', 'null'] },
        },
      },
      ...WATCH_SCHEMAS,
      Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } } },
      Health: { type: 'object', required: ['ok', 'documents', 'stories'], properties: { ok: { const: true }, documents: { type: 'integer' }, stories: { type: 'integer' } } },
      Span: span,
      Citation: citation,
      StorySummary: {
        type: 'object', required: ['id', 'title', 'eventDate', 'articles', 'outlets', 'thread', 'updatedAt'],
        properties: { id: { type: 'string' }, title: { type: 'string' }, eventDate: nullable('string'), articles: { type: 'integer' }, outlets: { type: 'integer' }, thread: nullable('string'), updatedAt: { type: 'string' } },
      },
      Story: open('A story: title, event date and basis, first/last, articles (id, source, title, url, published, eventDate, duplicateOf, language), outlets, languages (ISO 639-1, most articles first), actors, thread.', ['id', 'title', 'articles']),
      StoryCheck: open("A story's facts (quotes, figures, events with citations and status), conflicts and per-article quality notes.", ['story', 'facts', 'conflicts', 'quality']),
      Brief: open('Summary sentences with citations, key quotes, facts, conflicts, timelines and sources.', ['story', 'summary']),
      Thread: {
        type: 'object', required: ['id', 'title', 'actors', 'terms', 'stories'],
        properties: { id: { type: 'string' }, title: { type: 'string' }, actors: { type: 'array' }, terms: { type: 'array', items: { type: 'string' } }, stories: { type: 'array' } },
      },
      ArticleSummary: {
        type: 'object', required: ['id', 'input', 'container', 'chars', 'storedAt'],
        properties: {
          id: { type: 'string' }, input: { type: 'string' }, url: { type: 'string' }, container: { type: 'string' }, title: { type: 'string' },
          published: { type: 'string' }, publisher: { type: 'string' }, chars: { type: 'integer' }, storedAt: { type: 'string' },
          score: { type: 'number', description: 'With q: higher is a better match; 0 when a query matching more than 500 articles lists them newest first, unranked.' },
          snippet: {
            type: ['object', 'null'], description: 'With q and snippets=1: the passage (a kept span) with the searched words.',
            properties: { span: ref('Span'), text: { type: 'string' }, highlights: { type: 'array', items: ref('Span') } },
          },
        },
      },
      Article: {
        type: 'object', required: ['summary', 'source', 'clean', 'layers', 'quality', 'story'],
        properties: {
          summary: { type: 'object', description: 'ArticleSummary without storedAt.' },
          source: { type: 'string', description: 'The text every span points into.' },
          clean: { type: 'object', properties: { kept: { type: 'array', items: ref('Span') }, removed: { type: 'array', items: { type: 'object', required: ['span', 'reason'], properties: { span: ref('Span'), reason: { type: 'string' }, note: { type: 'string' } } } } } },
          layers: open('sentences, entities, quotes, claims, events, times: each absent when the stage has not run.'),
          quality: { type: 'array', items: { type: 'object', required: ['kind', 'note'], properties: { kind: { type: 'string' }, note: { type: 'string' }, span: ref('Span'), value: { type: 'number' } } } },
          story: nullable('string'),
        },
      },
      Outlet: {
        type: 'object', required: ['name', 'spellings', 'articles'],
        properties: { name: { type: 'string', description: 'Its commonest spelling.' }, spellings: { type: 'array', items: { type: 'string' } }, articles: { type: 'integer' } },
      },
      Coverage: {
        type: 'object', required: ['by', 'points', 'outlets', 'articles', 'undated'],
        properties: {
          by: { enum: COVERAGE_BUCKETS },
          points: { type: 'array', description: 'Every day (or month) from the first dated article to the last, empty ones included.', items: { type: 'object', required: ['date', 'articles', 'outlets'], properties: { date: { type: 'string' }, articles: { type: 'integer' }, outlets: { type: 'object', additionalProperties: { type: 'integer' } } } } },
          outlets: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, articles: { type: 'integer' } } } },
          articles: { type: 'integer', description: 'Articles counted, dated or not.' },
          undated: { type: 'integer', description: 'Articles without a publication date as precise as the bucket: in no point.' },
          capped: { const: true, description: 'More articles matched than were counted (10,000).' },
        },
      },
      StoryCoverage: open('carried: [{ outlet, articles: [{ id, title, url, published, copy }], first }], earliest first; missing: [{ outlet, articles, actors, latest }]; actors: the story actors asked about.', ['story', 'actors', 'carried', 'missing']),
      EntitySummary: {
        type: 'object', required: ['id', 'type', 'name', 'documents', 'mentions'],
        properties: { id: { type: 'string' }, type: { type: 'string' }, name: { type: 'string' }, documents: { type: 'integer' }, mentions: { type: 'integer' } },
      },
      EntityDetail: {
        type: 'object', required: ['entity', 'mentionsByMonth', 'quotes', 'stories'],
        properties: {
          entity: ref('EntitySummary'),
          mentionsByMonth: { type: 'array', items: { type: 'object', required: ['month', 'mentions', 'documents'], properties: { month: { type: 'string', description: 'YYYY-MM of publication; articles without a publication month have no row.' }, mentions: { type: 'integer' }, documents: { type: 'integer' } } } },
          quotes: { type: 'array', items: open('A quote record as `dossier export --what quotes` writes it.') },
          stories: { type: 'array', items: ref('StorySummary') },
        },
      },
      Timeline: open("An actor's and a counterpart's statements: date, speaker, position (for, against, open, conditional), quote, citations, shift.", ['actor', 'counterpart', 'topic', 'statements']),
      ImportJob: {
        type: 'object', required: ['id', 'state', 'inputs', 'done', 'results', 'rejected', 'startedAt'],
        properties: {
          id: { type: 'string' }, state: { enum: ['running', 'done', 'failed'] }, inputs: { type: 'integer' },
          done: { type: 'integer', description: 'Inputs whose outcome is known.' },
          results: { type: 'array', description: 'Every input (uploaded file or pasted URL line), in the order given.', items: ref('ImportResult') },
          rejected: { type: 'array', description: 'The problems of `results`, as input, code and message.', items: { type: 'object', properties: { input: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } } },
          report: open('The analyze report when done.'), error: { type: 'string' }, startedAt: { type: 'string' }, finishedAt: { type: 'string' },
        },
      },
      ImportResult: {
        type: 'object', required: ['input', 'outcome', 'added', 'existing'],
        properties: {
          input: { type: 'string', description: 'The file name as uploaded, or the URL line as pasted.' },
          outcome: { enum: ['waiting', 'added', 'skipped', 'refused'], description: 'added: new documents stored; skipped: nothing new (stored before, or a repeated line); refused: nothing stored, see reason.' },
          added: { type: 'integer', description: 'Documents of this input newly stored.' },
          existing: { type: 'integer', description: 'Documents of this input the store held already.' },
          code: { type: 'string', description: 'Stable code of the first problem (INPUT_EMPTY, FETCH_REFUSED, NOT_A_WEB_URL, REPEATED_INPUT, …).' },
          reason: { type: 'string', description: 'Why it was skipped or refused, in words for the user (never a server path).' },
        },
      },
    },
  },
}
