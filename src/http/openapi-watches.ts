/**
 * The watch, alert and feed routes in OpenAPI 3.1 (routes/watches.ts), kept apart from the rest
 * of the document and spread into it by openapi.ts.
 */
type Schema = { readonly [key: string]: unknown }

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: Schema) => ({ 'application/json': { schema } })
const error = (description: string) => ({ description, content: json(ref('Error')) })
const id = { name: 'id', in: 'path', required: true, description: "The watch's id.", schema: { type: 'string' } } as const
const alertPage = [
  { name: 'after', in: 'query', description: 'Only alerts with a greater seq (poll with the last seq seen).', schema: { type: 'integer', minimum: 0 } },
  { name: 'limit', in: 'query', description: 'Alerts at most (default 100).', schema: { type: 'integer', minimum: 1, maximum: 500 } },
  { name: 'order', in: 'query', description: '`asc` (default): oldest first; `desc`: newest first.', schema: { enum: ['asc', 'desc'] } },
] as const
const alertList = { '200': { description: 'Alerts, and the newest seq of the store (`last`).', content: json({ type: 'object', required: ['alerts', 'last'], properties: { alerts: { type: 'array', items: ref('Alert') }, last: { type: 'integer' } } }) } }
const body = { required: true, content: json(ref('WatchInput')) }
const writeErrors = {
  '400': error('A bad field (unknown, wrong type, an unknown entity or topic, a malformed search, a bad webhook URL).'),
  '403': error('Sent by a page of another origin (CROSS_SITE_REQUEST).'),
  '409': error('The store is served read-only (STORE_READ_ONLY).'),
  '413': error('The body is over the JSON limit.'),
  '415': error('The body is not application/json.'),
}
const notFound = { '404': error('No watch with this id.') }

export const WATCH_PATHS = {
  '/api/watches': {
    get: { summary: 'Saved watches.', operationId: 'listWatches', responses: { '200': { description: 'Every watch, oldest first.', content: json({ type: 'object', required: ['watches'], properties: { watches: { type: 'array', items: ref('Watch') } } }) } } },
    post: { summary: 'Saves a watch; what it matches now is its baseline (no alert).', operationId: 'createWatch', requestBody: body, responses: { '201': { description: 'The watch.', content: json(ref('Watch')) }, ...writeErrors } },
  },
  '/api/watches/{id}': {
    get: { summary: 'One watch.', operationId: 'getWatch', parameters: [id], responses: { '200': { description: 'The watch.', content: json(ref('Watch')) }, ...notFound } },
    put: { summary: 'Changes a watch: fields not given keep their value.', operationId: 'updateWatch', parameters: [id], requestBody: body, responses: { '200': { description: 'The watch.', content: json(ref('Watch')) }, ...writeErrors, ...notFound } },
    delete: { summary: 'Deletes a watch with its alerts.', operationId: 'deleteWatch', parameters: [id], responses: { '204': { description: 'Deleted.' }, ...notFound, '409': writeErrors['409'] } },
  },
  '/api/watches/{id}/alerts': { get: { summary: "A watch's alerts.", operationId: 'listWatchAlerts', parameters: [id, ...alertPage], responses: { ...alertList, ...notFound } } },
  '/api/watches/{id}/deliveries': {
    get: { summary: "A watch's webhook deliveries: state, attempts, next attempt, last error.", operationId: 'listWatchDeliveries', parameters: [id], responses: { '200': { description: 'Deliveries, oldest alert first.', content: json({ type: 'object', required: ['deliveries'], properties: { deliveries: { type: 'array', items: ref('Delivery') } } }) }, ...notFound } },
  },
  '/api/alerts': { get: { summary: "Every watch's alerts, by seq.", operationId: 'listAlerts', parameters: alertPage, responses: alertList } },
  '/feeds/watches/{file}': {
    get: {
      summary: "A watch's newest alerts as an Atom 1.0 feed. With a server token, give it as `?token=`.",
      operationId: 'watchFeed',
      parameters: [{ name: 'file', in: 'path', required: true, description: '`<watch id>.atom`.', schema: { type: 'string' } }],
      responses: { '200': { description: 'The feed.', content: { 'application/atom+xml': { schema: { type: 'string' } } } }, ...notFound },
    },
  },
} as const

export const WATCH_SCHEMAS = {
  WatchInput: {
    type: 'object', additionalProperties: false,
    description: 'One of `query`, `entity`, or `actor` with `counterpart` (and `topic`).',
    properties: {
      name: { type: 'string' }, query: { type: 'string', maxLength: 1000 }, advanced: { type: 'boolean' }, entity: { type: 'string' },
      actor: { type: 'string' }, counterpart: { type: 'string' }, topic: { type: 'string' },
      outlets: { type: 'integer', minimum: 2, maximum: 1000, description: 'A watched story reaching this many outlets alerts (default 3).' },
      webhook: { type: ['string', 'null'], description: 'http(s) URL each alert is POSTed to; null removes it.' },
      secret: { type: ['string', 'null'], description: 'HMAC-SHA256 key of the X-Dossier-Signature header; never returned.' },
    },
  },
  Watch: {
    type: 'object', required: ['id', 'name', 'target', 'outlets', 'webhook', 'createdAt', 'updatedAt'],
    properties: {
      id: { type: 'string' }, name: { type: 'string' },
      target: { type: 'object', required: ['kind'], description: '`{kind: "search", query, advanced}`, `{kind: "entity", entity: {id, name}}` or `{kind: "pair", actor, counterpart, topic}`.', properties: { kind: { enum: ['search', 'entity', 'pair'] } } },
      outlets: { type: 'integer' },
      webhook: { type: ['object', 'null'], properties: { url: { type: 'string' }, signed: { type: 'boolean' } } },
      createdAt: { type: 'string' }, updatedAt: { type: 'string' },
    },
  },
  Alert: {
    type: 'object', required: ['id', 'seq', 'watch', 'kind', 'key', 'story', 'title', 'citations', 'createdAt'],
    properties: {
      id: { type: 'string' }, seq: { type: 'integer' }, watch: { type: 'string' },
      kind: { enum: ['new-story', 'outlets', 'conflict', 'stance-shift', 'headline'] },
      key: { type: 'string', description: 'What it is about, unique within its watch.' },
      story: { type: ['object', 'null'], properties: { id: { type: 'string' }, title: { type: 'string' } } },
      title: { type: 'string' }, citations: { type: 'array', items: ref('Citation') }, createdAt: { type: 'string' },
    },
  },
  Delivery: {
    type: 'object', required: ['alert', 'url', 'state', 'attempts', 'nextAt', 'lastError', 'deliveredAt'],
    properties: {
      alert: { type: 'string' }, url: { type: 'string' }, state: { enum: ['pending', 'delivered', 'failed'] }, attempts: { type: 'integer' },
      nextAt: { type: 'string' }, lastError: { type: ['string', 'null'] }, deliveredAt: { type: ['string', 'null'] },
    },
  },
} as const
