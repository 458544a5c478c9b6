import { openStore } from '../store/index.js'
import { createWatch, deliverWebhooks, keepsWatches, removeWatch, updateWatch, watchStoreOf, type Alert, type WatchInput } from '../watches/index.js'
import type { Store } from '../store/index.js'
import { describeTarget, describeWebhook } from '../watches/describe.js'
import { startDeliveryLoop, type DeliveryLoop } from '../watches/delivery-loop.js'
import { StoreError, UsageError } from '../errors.js'
import { formatTable, type Output } from './output.js'
import { optionalText, wholeNumber, type Options } from './options.js'

const WATCH_ACTIONS = ['list', 'add', 'edit', 'remove'] as const

/**
 * `dossier watches [list]`, `watches add <what> [options]`, `watches edit <id> [options]`,
 * `watches remove <id>`: the saved watches of the store.
 */
export async function runWatches(args: readonly string[], options: Options, out: Output): Promise<number> {
  const [action = 'list', ...rest] = args
  if (!(WATCH_ACTIONS as readonly string[]).includes(action)) {
    throw new UsageError(`dossier watches: unknown action "${action}"; use one of ${WATCH_ACTIONS.join(', ')}.`)
  }
  const store = await openStore({ path: String(options.db), mode: action === 'list' ? 'read' : 'write' })
  try {
    const watches = watchStoreOf(store)
    switch (action) {
      case 'list': {
        const all = await watches.listWatches()
        if (options.format === 'json') out.data(JSON.stringify(all, null, 2))
        else {
          out.data(formatTable(['ID', 'NAME', 'FOLLOWS', 'OUTLETS', 'WEBHOOK'], all.map((w) => [w.id, w.name, describeTarget(w.target), String(w.outlets), describeWebhook(w)]), [16, 30, 50, 7, 60]))
          out.info(`${all.length} watch${all.length === 1 ? '' : 'es'}`)
        }
        return 0
      }
      case 'add': {
        if (rest.length > 0) throw new UsageError(`dossier watches add takes its watch as options (--search, --entity, or --actor with --counterpart), not "${rest.join(' ')}".`)
        const watch = await createWatch(store, watchInput(options))
        out.data(options.format === 'json' ? JSON.stringify(watch, null, 2) : watch.id)
        out.info(`watch ${watch.id} saved: ${describeTarget(watch.target)}; it alerts on what changes from now`)
        return 0
      }
      case 'edit': {
        const watch = await updateWatch(store, idArgument(rest, 'edit'), watchInput(options))
        out.data(options.format === 'json' ? JSON.stringify(watch, null, 2) : watch.id)
        out.info(`watch ${watch.id} saved: ${describeTarget(watch.target)}`)
        return 0
      }
      case 'remove': {
        const id = idArgument(rest, 'remove')
        if (!(await removeWatch(store, id))) throw new UsageError(`No watch with id ${JSON.stringify(id)}; \`dossier watches list\` lists them.`)
        out.info(`watch ${id} removed with its alerts`)
        return 0
      }
    }
  } finally {
    await store.close()
  }
  return 0
}

/**
 * `dossier alerts [--watch <id>] [--after <seq>] [--follow]`: alerts as JSON Lines, oldest first;
 * with `--follow`, then each new one as it fires, until interrupted.
 */
export async function runAlerts(options: Options, out: Output): Promise<number> {
  const store = await openStore({ path: String(options.db), mode: 'auto' })
  try {
    const watches = watchStoreOf(store)
    const watch = optionalText(options.watch)
    if (watch !== undefined && (await watches.getWatch(watch)) === undefined) {
      throw new UsageError(`No watch with id ${JSON.stringify(watch)}; \`dossier watches list\` lists them.`)
    }
    let after = wholeNumber(options.after, '--after', 0)
    const limit = wholeNumber(options.limit, '--limit', 1000)
    const print = (alerts: readonly Alert[]): void => {
      for (const alert of alerts) out.data(JSON.stringify(alert))
      after = alerts.at(-1)?.seq ?? after
    }
    print(await watches.listAlerts({ after, limit, ...(watch === undefined ? {} : { watch }) }))
    if (!options.follow) return 0
    const intervalMs = wholeNumber(options.interval, '--interval', 2) * 1000
    let stopped = false
    const stop = (): void => { stopped = true }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    try {
      while (!stopped) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(intervalMs, 100)))
        print(await watches.listAlerts({ after, limit: 1000, ...(watch === undefined ? {} : { watch }) }))
      }
    } finally {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
    }
    return 0
  } finally {
    await store.close()
  }
}

function idArgument(rest: readonly string[], action: string): string {
  if (rest.length !== 1) throw new UsageError(`dossier watches ${action} takes one watch id (\`dossier watches list\` lists them).`)
  return rest[0]!
}

function watchInput(options: Options): WatchInput {
  const outlets = options.outlets === undefined ? undefined : wholeNumber(options.outlets, '--outlets', 0)
  return {
    name: optionalText(options.name),
    query: optionalText(options.search),
    advanced: options.advanced === true,
    entity: optionalText(options.entity),
    actor: optionalText(options.actor),
    counterpart: optionalText(options.counterpart),
    topic: optionalText(options.topic),
    outlets,
    webhook: options.webhook === false ? null : optionalText(options.webhook),
    secret: optionalText(options.secret) ?? optionalText(process.env.DOSSIER_WEBHOOK_SECRET),
  }
}

/**
 * After `analyze`: says how many alerts fired, and sends the webhooks that are due, once each (a
 * receiver that fails is tried again by `dossier serve` or `dossier watch`, which keep running).
 */
export async function reportAlerts(store: Store, fired: number, out: Output): Promise<void> {
  if (!keepsWatches(store)) return
  if (fired > 0) out.info(`alerts: ${fired} fired (\`dossier alerts\` prints them)`)
  const sent = await deliverWebhooks(store)
  if (sent.retrying + sent.failed > 0) {
    out.warn(`webhooks: ${sent.delivered} delivered, ${sent.retrying} to try again (by \`dossier serve\` or \`dossier watch\`), ${sent.failed} failed`)
  }
}

/**
 * For a long-running command (`serve`): sends due webhooks every few seconds, retries included.
 * A store opened read-only sends none (it cannot record a delivery).
 */
export function startWebhookDeliveries(store: Store, out: Output): DeliveryLoop | null {
  if (!keepsWatches(store)) return null
  let warned = ''
  return startDeliveryLoop(store, {
    onError: (error) => {
      if (error instanceof StoreError && error.code === 'STORE_READ_ONLY') return
      const text = error instanceof Error ? error.message : String(error)
      if (text !== warned) out.warn(`webhooks: ${text}`)
      warned = text
    },
  })
}
