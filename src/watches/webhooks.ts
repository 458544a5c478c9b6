import { createHmac } from 'node:crypto'
import type { Store } from '../store/index.js'
import { watchStoreOf } from './open.js'
import type { ClaimedDelivery, WatchStore } from './store.js'
import type { Alert } from './types.js'

/** Header carrying `sha256=<hex HMAC-SHA256 of the raw body, keyed by the watch's secret>`. */
export const SIGNATURE_HEADER = 'X-Dossier-Signature'
/** Header carrying the alert id: the same on every attempt, so a receiver drops a repeat it already has. */
export const DELIVERY_HEADER = 'X-Dossier-Delivery'

export interface DeliveryPolicy {
  /** Attempts before a delivery is marked failed (its last error kept). */
  readonly maxAttempts: number
  /** Wait after the first failure; each next one doubles it, up to `maxDelayMs`. */
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  /** One POST may take this long. */
  readonly timeoutMs: number
  /** A delivery taken by a process is left to it this long; a process killed meanwhile frees it then. */
  readonly leaseMs: number
}

/** Eight attempts over about four hours: 1 min, 2, 4 … capped at 1 h. */
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { maxAttempts: 8, baseDelayMs: 60_000, maxDelayMs: 3_600_000, timeoutMs: 10_000, leaseMs: 60_000 }

/** Deliveries taken per pass. */
const DELIVERY_BATCH = 50

export interface DeliveryReport {
  readonly delivered: number
  readonly retrying: number
  readonly failed: number
}

/**
 * The signature a receiver checks: HMAC-SHA256 of the exact body bytes with the watch's secret.
 *
 * @example
 * signBody('{"alert":…}', 's3cret') // 'sha256=5f0c…'
 */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

/**
 * POSTs every webhook delivery that is due, once each, and records the outcome in the store: a
 * 2xx is delivered; a network error, a timeout, 408, 429 or 5xx is tried again after an
 * exponential backoff (honouring a Retry-After in seconds); another status, or the last attempt,
 * fails it with the error kept. The attempt is counted before the POST, so a process killed while
 * sending leaves it to be tried again when its lease ends: a receiver may then see an alert twice,
 * with the same `X-Dossier-Delivery` id, and keeps one.
 *
 * @example
 * const { delivered, retrying } = await deliverWebhooks(store)
 */
export async function deliverWebhooks(store: Store, policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY, now: () => Date = () => new Date()): Promise<DeliveryReport> {
  const watches = watchStoreOf(store)
  const tally = { delivered: 0, retrying: 0, failed: 0 }
  for (;;) {
    const due = await watches.claimDeliveries(now(), policy.leaseMs, DELIVERY_BATCH)
    if (due.length === 0) return tally
    for (const delivery of due) tally[await deliverOne(watches, delivery, policy, now)]++
  }
}

/** The JSON body of a webhook: the alert, as `dossier alerts` prints it. */
export function webhookBody(alert: Alert): string {
  return JSON.stringify({ alert })
}

async function deliverOne(watches: WatchStore, delivery: ClaimedDelivery, policy: DeliveryPolicy, now: () => Date): Promise<keyof DeliveryReport> {
  const body = webhookBody(delivery.body)
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'Dossier alerts',
    [DELIVERY_HEADER]: delivery.alert,
    'X-Dossier-Event': `alert.${delivery.body.kind}`,
  }
  if (delivery.secret !== null && delivery.secret !== '') headers[SIGNATURE_HEADER] = signBody(body, delivery.secret)
  let error: string
  let retryAfterMs: number | null = null
  let retryable = true
  try {
    const res = await fetch(delivery.url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(policy.timeoutMs) })
    await res.body?.cancel()
    if (res.status >= 200 && res.status < 300) {
      await watches.finishDelivery(delivery.alert, { delivered: true, at: now() })
      return 'delivered'
    }
    error = `${delivery.url} answered ${res.status}${res.statusText === '' ? '' : ` ${res.statusText}`}`
    retryable = res.status === 408 || res.status === 429 || res.status >= 500
    retryAfterMs = retryAfterOf(res.headers.get('retry-after'))
  } catch (failure) {
    error = `${delivery.url}: ${failure instanceof Error && failure.name === 'TimeoutError' ? `no answer in ${policy.timeoutMs} ms` : causeOf(failure)}`
  }
  const last = !retryable || delivery.attempts >= policy.maxAttempts
  const backoff = Math.min(policy.baseDelayMs * 2 ** (delivery.attempts - 1), policy.maxDelayMs)
  const retryAt = last ? null : new Date(now().getTime() + Math.max(backoff, retryAfterMs ?? 0))
  await watches.finishDelivery(delivery.alert, { delivered: false, error: last && retryable ? `${error} (gave up after ${delivery.attempts} attempts)` : error, retryAt })
  return last ? 'failed' : 'retrying'
}

/** Retry-After in seconds (an HTTP date is rare from a webhook receiver and is read as none). */
function retryAfterOf(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null
  return Math.min(Number(value.trim()) * 1000, DEFAULT_DELIVERY_POLICY.maxDelayMs)
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause
  const text = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error)
  return text
}
