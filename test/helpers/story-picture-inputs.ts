import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { SEEDS_DIR } from './seeds.js'

/** Where the recorded story pictures are kept. */
export const PICTURE_DIR = resolve(import.meta.dirname, '../fixtures/story-picture')
/** Generated news for the pictures: enough for several pages of 200, copies and threads. */
export const PICTURE_NEWS_ARTICLES = 2400
export const PICTURE_NEWS_SEED = 11

/** The inputs of each picture by name: the seeds, `examples/`, and generated news (its files in order). */
export function pictureInputs(newsDir: string): Record<string, string[]> {
  return {
    seeds: [SEEDS_DIR],
    examples: [resolve(import.meta.dirname, '../../examples')],
    news: readdirSync(newsDir).sort().map((f) => join(newsDir, f)),
  }
}
