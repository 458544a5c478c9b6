import { setTimeout as sleep } from 'node:timers/promises'
import robotsParserModule from 'robots-parser'
import { UnreadableInputError } from '../errors.js'
import type { Agent } from 'undici'
import { FetchStatusError, createFetchAgent, fetchUrl, type FetchOptions, type Fetched } from '../stages/ingest/fetch.js'
import type { SourceStore } from '../store/index.js'
import { hostOf } from './urls.js'

interface HostState {
  /** The request before: the next one on this host waits for it. */
  queue: Promise<unknown>
  /** When the last request to it ended (ms). */
  last: number
  /** 429/5xx answers in a row, for the back-off. */
  failures: number
  robots?: Robots | null
  robotsAt?: number
  /** Its hold as a time (ms), null for none; undefined until read from the store. */
  blockedUntil?: number | null
  /** Its row in the store as first read (undefined: not read yet). */
  stored?: { robots: string | null; robotsAt: string | null; blockedUntil: string | null } | undefined
}

/** What robots-parser answers (its typings declare the module, not the function it exports). */
interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined
  getCrawlDelay(ua?: string): number | undefined
}
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Robots

/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'Dossier'
/** Requests to one host are at least this far apart by default (a reader clicking, not a crawler). */
export const DEFAULT_HOST_DELAY_MS = 1_000
/** A robots.txt Crawl-delay longer than this is capped: a watch must still come round. */
const MAX_CRAWL_DELAY_MS = 60_000
/** How long a robots.txt is trusted before it is read again (RFC 9309 §2.4 allows caching up to 24 hours). */
export const ROBOTS_TTL_MS = 24 * 60 * 60 * 1000
/** A host that answered 429 or 5xx is left alone at least this long, doubling per failure in a row, up to a day. */
export const BASE_BACKOFF_MS = 30_000
export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000

export interface PoliteOptions {
  /** Size, time, redirect and address limits of every request (the same as `ingest`'s). */
  readonly fetch: Omit<FetchOptions, 'validators' | 'userAgent' | 'agent'>
  /** Contact URL or address put in the User-Agent, so a site can reach whoever runs the watch. */
  readonly contact?: string
  readonly hostDelayMs?: number
  /** Read and obey robots.txt (default true). */
  readonly robots?: boolean
  /** The clock (tests pass their own). */
  readonly now?: () => Date
}

export type PoliteResult =
  | { readonly kind: 'fetched'; readonly fetched: Fetched }
  | { readonly kind: 'not-modified'; readonly fetched: Fetched }
  /** Not fetched: robots.txt disallows it, or its host is backing off until `until`. */
  | { readonly kind: 'skipped'; readonly reason: string; readonly until?: Date }
  | { readonly kind: 'failed'; readonly error: UnreadableInputError; readonly status?: number; readonly retryAfterMs?: number }

/**
 * Fetches the way a good guest does: one request at a time per host with a minimum delay between
 * them (or the host's Crawl-delay), robots.txt read (cached in the store) and obeyed, a User-Agent
 * naming Dossier and a contact, conditional GETs, and a host that answers 429 or 5xx left alone for
 * its Retry-After or an exponential back-off. Every request goes through `fetchUrl`, so size, time
 * and private-address limits hold on every redirect.
 *
 * @example
 * const polite = new PoliteFetcher(sources, { fetch: { allowPrivate: false, maxBytes: 5e7, timeoutMs: 20_000, maxRedirects: 5 } })
 * const r = await polite.fetch('https://desk.example/rss', { etag: '"v1"' })
 */
export class PoliteFetcher {
  readonly userAgent: string
  private readonly hosts = new Map<string, HostState>()
  /** Kept-alive connections across this fetcher's requests; each new connection's address is checked. */
  private readonly agent: Agent
  private readonly now: () => Date
  requests = 0

  constructor(private readonly sources: SourceStore, private readonly options: PoliteOptions) {
    this.userAgent = `${ROBOTS_AGENT}/0.1 (news watch${options.contact ? `; +${options.contact}` : ''})`
    this.now = options.now ?? (() => new Date())
    this.agent = createFetchAgent(options.fetch)
  }

  /** Closes the kept-alive connections. */
  async close(): Promise<void> {
    await this.agent.close().catch(() => {})
  }

  /** Fetches `url` politely; `validators` make it conditional (a 304 is `not-modified`). */
  async fetch(url: string, validators?: { etag?: string; lastModified?: string }): Promise<PoliteResult> {
    let host: string
    try {
      host = hostOf(url)
    } catch {
      return { kind: 'failed', error: new UnreadableInputError(url, 'not a valid URL', 'FETCH_FAILED') }
    }
    const state = this.hostState(host)
    // One request at a time per host: each waits for the one before it on the same host.
    const turn = state.queue.then(() => this.fetchInTurn(url, host, validators))
    state.queue = turn.catch(() => {})
    return turn
  }

  private hostState(host: string): HostState {
    let state = this.hosts.get(host)
    if (!state) {
      state = { queue: Promise.resolve(), last: 0, failures: 0 }
      this.hosts.set(host, state)
    }
    return state
  }

  private async fetchInTurn(url: string, host: string, validators?: { etag?: string; lastModified?: string }): Promise<PoliteResult> {
    const state = this.hostState(host)
    const blocked = await this.blockedUntil(host)
    if (blocked) return { kind: 'skipped', reason: `${host} asked us to wait (429/5xx) until ${blocked.toISOString()}`, until: blocked }
    if (this.options.robots !== false) {
      const robots = await this.robotsOf(url, host)
      if (robots === 'unreachable') return { kind: 'skipped', reason: `robots.txt of ${host} cannot be read now; nothing is fetched there until it can (RFC 9309)`, until: new Date(this.now().getTime() + BASE_BACKOFF_MS) }
      if (robots && robots.isAllowed(url, ROBOTS_AGENT) === false) return { kind: 'skipped', reason: `robots.txt of ${host} disallows ${url} for ${ROBOTS_AGENT}` }
    }
    const result = await this.request(url, host, validators)
    if (result.kind === 'failed' && result.status !== undefined && (result.status === 429 || result.status >= 500)) {
      state.failures++
      const backoff = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (state.failures - 1))
      const until = new Date(this.now().getTime() + Math.max(backoff, result.retryAfterMs ?? 0))
      await this.sources.setHostBlockedUntil(host, until)
      state.blockedUntil = until.getTime()
    } else if (result.kind !== 'failed') {
      if (state.failures > 0 || state.stored?.blockedUntil) await this.sources.setHostBlockedUntil(host, null)
      if (state.stored) state.stored = { ...state.stored, blockedUntil: null }
      state.failures = 0
    }
    return result
  }

  /** The host's hold (429/5xx), read from the store once per fetcher and kept in step with it after. */
  private async blockedUntil(host: string): Promise<Date | undefined> {
    const state = this.hostState(host)
    if (state.blockedUntil === undefined) {
      const kept = await this.sources.getHost(host)
      state.blockedUntil = kept?.blockedUntil ? Date.parse(kept.blockedUntil) : null
      state.stored = kept
    }
    return state.blockedUntil !== null && state.blockedUntil > this.now().getTime() ? new Date(state.blockedUntil) : undefined
  }

  /** The parsed robots.txt of the host (null: none, all allowed), from memory, the store, or the host. */
  private async robotsOf(url: string, host: string): Promise<Robots | null | 'unreachable'> {
    const state = this.hostState(host)
    const now = this.now().getTime()
    if (state.robots !== undefined && state.robotsAt !== undefined && now - state.robotsAt < ROBOTS_TTL_MS) return state.robots
    const robotsUrl = new URL('/robots.txt', url).href
    const kept = state.stored !== undefined ? state.stored : await this.sources.getHost(host)
    if (kept?.robots != null && kept.robotsAt && now - Date.parse(kept.robotsAt) < ROBOTS_TTL_MS) {
      state.robots = kept.robots ? robotsParser(robotsUrl, kept.robots) : null
      state.robotsAt = Date.parse(kept.robotsAt)
      return state.robots
    }
    const result = await this.request(robotsUrl, host)
    let text: string
    if (result.kind === 'fetched') text = Buffer.from(result.fetched.bytes).toString('utf8')
    // RFC 9309 §2.3.1.3: a 4xx robots.txt means no rules; §2.3.1.4: a 5xx or no answer means stay away.
    else if (result.kind === 'failed' && result.status !== undefined && result.status >= 400 && result.status < 500) text = ''
    else return 'unreachable'
    await this.sources.setHostRobots(host, text, this.now())
    state.robots = text ? robotsParser(robotsUrl, text) : null
    state.robotsAt = now
    return state.robots
  }

  private async request(url: string, host: string, validators?: { etag?: string; lastModified?: string }): Promise<PoliteResult> {
    const state = this.hostState(host)
    const delay = Math.max(this.options.hostDelayMs ?? DEFAULT_HOST_DELAY_MS, this.crawlDelayMs(state.robots))
    const wait = state.last + delay - Date.now()
    if (wait > 0) await sleep(wait)
    state.last = Date.now()
    this.requests++
    try {
      const fetched = await fetchUrl(url, { ...this.options.fetch, agent: this.agent, userAgent: this.userAgent, ...(validators && (validators.etag || validators.lastModified) ? { validators } : {}) })
      return fetched.status === 304 ? { kind: 'not-modified', fetched } : { kind: 'fetched', fetched }
    } catch (error) {
      if (error instanceof FetchStatusError) return { kind: 'failed', error, status: error.status, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) }
      if (error instanceof UnreadableInputError) return { kind: 'failed', error }
      throw error
    } finally {
      state.last = Date.now()
    }
  }

  private crawlDelayMs(robots: Robots | null | undefined): number {
    const seconds = robots?.getCrawlDelay(ROBOTS_AGENT)
    return seconds === undefined ? 0 : Math.min(MAX_CRAWL_DELAY_MS, seconds * 1000)
  }
}
