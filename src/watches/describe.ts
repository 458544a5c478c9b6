import type { Watch, WatchTarget } from './types.js'

/**
 * What a watch follows, in one line: `search "ferry strike"`, `entity Russia (country:RU)`,
 * `Russia → China on alliance`.
 */
export function describeTarget(target: WatchTarget): string {
  switch (target.kind) {
    case 'search': return `search ${JSON.stringify(target.query)}${target.advanced ? ' (advanced)' : ''}`
    case 'entity': return `entity ${target.entity.name} (${target.entity.id})`
    case 'pair': return `${target.actor.name} → ${target.counterpart.name}${target.topic === null ? '' : ` on ${target.topic}`}`
  }
}

/** A watch's webhook in one line, its secret never shown. */
export function describeWebhook(watch: Watch): string {
  return watch.webhook === null ? '-' : `${watch.webhook.url}${watch.webhook.signed ? ' (signed)' : ''}`
}
