/// <reference lib="dom" />
/*
 * What "nothing ran" means on a page of the app: no element that scraped markup would have made,
 * no dialog, no page error, no Content-Security-Policy report. Shared by the hostile-corpus tests.
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { PageRecord } from './harness.js'

/** Markup that would run if it became DOM; a page must show it as these characters. */
export const MARKUP = '<img src=x onerror=alert(1)>'

export const NOTHING = { img: 0, iframe: 0, script: 0, style: 0, stylesheet: 0, handler: 0, javascriptLink: 0 }

/** Everything on the page that would mean scraped markup became DOM. */
export async function injected(page: Page): Promise<Record<string, number>> {
  const count = (selector: string): Promise<number> => page.locator(selector).count()
  return {
    img: await count('img'),
    iframe: await count('iframe, object, embed'),
    script: (await count('script')) - 1, // the app's own module
    style: await count('style'),
    stylesheet: (await count('link[rel="stylesheet"]')) - 1, // the app's own style sheet
    handler: await count('[onerror], [onclick], [onmouseover], [onload], [style]'),
    javascriptLink: await count('[href^="javascript:" i], [href*="javascript:" i]'),
  }
}

/** No dialog, no page error, no CSP violation on the page `path` names. */
export function expectClean(record: PageRecord, path: string): void {
  expect(record.dialogs, path).toEqual([])
  expect(record.errors, path).toEqual([])
  expect(record.console.filter((m) => /Content.Security.Policy|Refused to/i.test(m.text)), path).toEqual([])
}
