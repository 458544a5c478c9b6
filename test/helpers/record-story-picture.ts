/**
 * Records the story pictures that test/e2e/stories-unchanged.test.ts compares against:
 *   npx tsx test/helpers/record-story-picture.ts [seeds|examples|news …]
 * Run on the engine whose results are the reference (it was run on main before the story step
 * kept its working state in memory, issue 11), never to make a failing comparison pass. When a
 * stage changes what articles say (a new language's quotes), record again the picture it changes,
 * after `stories-workspace.test.ts` shows the story step still gives what reading the store afresh
 * on every page gives.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyze } from '../../src/api/analyze.js'
import { openStore } from '../../src/store/index.js'
import { generateNews } from '../../bench/lib/news.js'
import { digestPicture, storyPicture } from './story-picture.js'
import { PICTURE_DIR, PICTURE_NEWS_ARTICLES, PICTURE_NEWS_SEED, pictureInputs } from './story-picture-inputs.js'

const dir = mkdtempSync(join(tmpdir(), 'dossier-picture-'))
try {
  generateNews(join(dir, 'news'), PICTURE_NEWS_ARTICLES, PICTURE_NEWS_SEED)
  const only = process.argv.slice(2)
  for (const [name, inputs] of Object.entries(pictureInputs(join(dir, 'news')))) {
    if (only.length > 0 && !only.includes(name)) continue
    const store = await openStore({ path: join(dir, `${name}.db`) })
    try {
      await analyze(inputs, { store, workers: 0 })
      const picture = await storyPicture(store)
      writeFileSync(join(PICTURE_DIR, `${name}.json`), `${JSON.stringify(digestPicture(picture), null, 1)}\n`)
      console.log(`${name}: ${picture.stories.length} stories, ${picture.threads.length} threads, ${picture.timelines.length} timelines`)
    } finally {
      await store.close()
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
