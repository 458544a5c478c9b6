import type { Store } from '../store/index.js'
import { DEFAULT_DELIVERY_POLICY, deliverWebhooks, type DeliveryPolicy, type DeliveryReport } from './webhooks.js'

/** How often a long-running process (`serve`, `watch`) looks for webhook deliveries that are due. */
export const DELIVERY_INTERVAL_MS = 5_000

export interface DeliveryLoop {
  /** Waits for a pass under way, then stops. */
  stop(): Promise<void>
}

/**
 * Delivers due webhooks every `intervalMs` until stopped, one pass at a time; a pass that fails
 * (the store busy) is reported to `onError` and the next one tries again.
 *
 * @example
 * const loop = startDeliveryLoop(store, { onError: (e) => console.error(e) })
 * await loop.stop()
 */
export function startDeliveryLoop(
  store: Store,
  options: { intervalMs?: number; policy?: DeliveryPolicy; onError?: (error: unknown) => void; onPass?: (report: DeliveryReport) => void } = {},
): DeliveryLoop {
  let running: Promise<void> | null = null
  const pass = (): void => {
    if (running !== null) return
    running = deliverWebhooks(store, options.policy ?? DEFAULT_DELIVERY_POLICY)
      .then((report) => options.onPass?.(report), (error: unknown) => options.onError?.(error))
      .finally(() => { running = null })
  }
  const timer = setInterval(pass, options.intervalMs ?? DELIVERY_INTERVAL_MS)
  timer.unref()
  pass()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
