/**
 * Runs at most `concurrency` of the given tasks at once, resolving to their results in order.
 * Hand-written (ten lines): the one library for it here (p-limit) is only a transitive dependency.
 *
 * @example
 * const pages = await mapLimited(urls, 8, (url) => fetchPage(url))
 */
export async function mapLimited<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i]!, i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return results
}
