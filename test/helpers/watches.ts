import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { storeInputs } from '../../src/api/ingest.js'
import { updateStories } from '../../src/api/stories.js'
import { allStageNames } from '../../src/pipeline/process.js'
import type { Store } from '../../src/store/index.js'

/** A news page in our own words: its outlet (og:site_name), headline, publication date and paragraphs. */
export interface Page {
  readonly file: string
  readonly outlet: string
  readonly title: string
  readonly date: string
  readonly paragraphs: readonly string[]
}

/** Writes pages as HTML files under `dir` and returns the folder, for `analyze`. */
export function writePages(dir: string, pages: readonly Page[]): string {
  mkdirSync(dir, { recursive: true })
  for (const p of pages) {
    const body = p.paragraphs.map((t) => `<p>${t}</p>`).join('\n')
    writeFileSync(join(dir, p.file), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${p.title}</title>
<meta property="og:site_name" content="${p.outlet}"><meta property="article:published_time" content="${p.date}"></head>
<body><article><h1>${p.title}</h1>\n${body}\n</article></body></html>`)
  }
  return dir
}

/** The first report of a ferry strike: one outlet, 300 passengers stranded. */
export const FERRY_FIRST: readonly Page[] = [{
  file: 'harbour.html', outlet: 'Harbour Daily', title: 'Ferry crews strike, halting crossings to Norland Island', date: '2026-03-04',
  paragraphs: [
    'Ferry crews walked off the job on March 3, 2026, halting every crossing between Portvale and Norland Island, the ferry operator said.',
    'The operator said 300 passengers were stranded in Portvale in 2026 after the morning sailings were cancelled.',
    'The crews want a new rota and higher pay for night sailings, their union said in a statement.',
    'Talks between the union and the operator are due to resume on Thursday in Portvale.',
  ],
}]

/** Two more outlets join the ferry story; one gives 410 stranded passengers where the first gave 300. */
export const FERRY_MORE: readonly Page[] = [
  {
    file: 'coast.html', outlet: 'Coast Courier', title: 'Ferry crews strike, cutting off Norland Island', date: '2026-03-04',
    paragraphs: [
      'Ferry crews went on strike on March 3, 2026, halting every crossing between Portvale and Norland Island, the ferry operator said.',
      'The union said 410 passengers were stranded in Portvale in 2026 after the morning sailings were cancelled.',
      'The crews want higher pay for night sailings and a new rota, the union said.',
      'Talks between the union and the operator will resume on Thursday in Portvale, both sides said.',
    ],
  },
  {
    file: 'gazette.html', outlet: 'Island Gazette', title: 'Norland ferry strike leaves islanders stranded', date: '2026-03-04',
    paragraphs: [
      'Islanders on Norland were left without a ferry on March 3, 2026 after crews went on strike over pay for night sailings and the rota.',
      'Every crossing between Portvale and Norland Island was cancelled, the ferry operator said.',
      'Shops on the island said deliveries of fresh food would run short by the weekend.',
      'The union and the operator will meet again on Thursday.',
    ],
  },
]

/** Chile open to an alliance with Peru in January; its headline says more than its body. */
export const CHILE_JANUARY: readonly Page[] = [{
  file: 'chile-jan.html', outlet: 'Andes Wire', title: 'Chile Will Ally With Peru', date: '2026-01-10',
  paragraphs: ['Chile could ally with Peru next year, Foreign Minister Ana Ruiz said in Santiago on January 10, 2026.'],
}]

/** Chile rules the alliance out in May: a shift from open to against. */
export const CHILE_MAY: readonly Page[] = [{
  file: 'chile-may.html', outlet: 'Pacific Post', title: 'Chile rules out alliance with Peru', date: '2026-05-05',
  paragraphs: ['Chile will not ally with Peru, Foreign Minister Ana Ruiz told reporters in Santiago on May 5, 2026.'],
}]

/**
 * What `analyze` does before it evaluates the watches: the inputs read, annotated and placed in
 * stories, and no evaluation, as a process killed right after placing them leaves the store.
 */
export async function placeWithoutEvaluating(inputs: readonly string[], store: Store): Promise<void> {
  await storeInputs(inputs, { store, workers: 0 }, { stages: allStageNames(), complete: 'missing' })
  await updateStories(store)
}
