/** Rendered story responses kept, at most; the least recently used goes first. */
export const MAX_CACHED_RESPONSES = 500

/**
 * Responses derived from a story (its brief, its check) kept by a key that changes whenever what
 * they are derived from changes: the caller builds the key from the story's and its thread's
 * `updatedAt`, so a story that gains an article is computed again, and an unchanged one is
 * computed once. The pending promise is kept, so fifty clients asking at once compute it once.
 * Routes keep the encoded bytes of the body, so a hit is neither serialised nor encoded again.
 *
 * @example
 * const text = await cache.get(`${id}|${story.updatedAt}|md`, () => renderBrief(await briefOf(store, id), 'md'))
 */
export class ResponseCache<T = string> {
  private readonly entries = new Map<string, Promise<T>>()

  constructor(private readonly capacity = MAX_CACHED_RESPONSES) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key)
    if (hit !== undefined) {
      this.entries.delete(key)
      this.entries.set(key, hit)
      return hit
    }
    const value = compute()
    this.entries.set(key, value)
    // A failure is not kept: the next request tries again.
    value.catch(() => this.entries.delete(key))
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!)
    return value
  }

  get size(): number {
    return this.entries.size
  }
}
