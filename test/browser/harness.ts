/// <reference lib="dom" />
/*
 * What the browser tests share: Debian's chromium found (or the reason it is not), the web app
 * built into a temp folder, a real Dossier server on a temp store filled by analyze(), and a page
 * that records every dialog, console message and page error.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { StoryCheck, StorySummary } from '../../src/document/index.js'
import { analyze } from '../../src/api/analyze.js'
import { startServer } from '../../src/http/index.js'
import { openStore, type Store } from '../../src/store/index.js'
import { REPO_ROOT } from '../helpers/cli.js'

/** Where Debian's package puts it (`npm run browser:install`); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOTS = resolve(REPO_ROOT, 'test/browser/screenshots')

export const LAPTOP = { width: 1366, height: 768 } as const
export const PHONE = { width: 390, height: 844 } as const

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]

/** True when chromium is there; else prints why the browser tests skip. */
export function chromiumAvailable(what: string): boolean {
  if (existsSync(CHROMIUM_PATH)) return true
  console.log(`skipping ${what}: no chromium at ${CHROMIUM_PATH} (install it with \`npm run browser:install\`, or set CHROMIUM_PATH)`)
  return false
}

/** `extraArgs`: more command-line switches, such as `--host-resolver-rules` for a name that resolves without DNS. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] })
}

/** Compiles the web app and copies its assets into `dir/web`, the folder the server serves. */
export function buildWebApp(dir: string): string {
  const tsc = join(REPO_ROOT, 'node_modules/typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '-p', join(REPO_ROOT, 'tsconfig.web.json'), '--outDir', dir, '--sourceMap', 'false'], { cwd: REPO_ROOT, stdio: 'pipe' })
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/copy-web-assets.mjs'), join(dir, 'web')], { cwd: REPO_ROOT, stdio: 'pipe' })
  return join(dir, 'web')
}

export interface Dossier {
  readonly url: string
  readonly store: Store
  readonly dir: string
  /** The built web app the server serves. */
  readonly webRoot: string
  /** GETs an API route as JSON; any status but 200 throws. (No vitest here: scripts use the harness too.) */
  api<T>(path: string): Promise<T>
  close(): Promise<void>
}

/**
 * A server on a fresh store holding `inputs` as `analyze()` reads them, serving the web app built
 * for this run.
 */
export async function startDossier(inputs: readonly string[], options: { token?: string } = {}): Promise<Dossier> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-browser-'))
  const webRoot = buildWebApp(join(dir, 'build'))
  const store = await openStore({ path: join(dir, 'dossier.db') })
  await analyze(inputs, { store, workers: 1 })
  const server = await startServer({ store, webRoot, host: '127.0.0.1', port: 0, ...(options.token ? { token: options.token } : {}) })
  return {
    url: server.url,
    store,
    dir,
    webRoot,
    api: async <T>(path: string): Promise<T> => {
      const response = await fetch(`${server.url}${path}`)
      if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`)
      return (await response.json()) as T
    },
    close: async () => {
      await server.close()
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The first listed story whose cross-check `wanted` accepts, with that check. */
export async function storyWhoseCheck(dossier: Dossier, wanted: (check: StoryCheck) => boolean): Promise<{ story: StorySummary; check: StoryCheck } | undefined> {
  for (const story of (await dossier.api<{ items: StorySummary[] }>('/api/stories?limit=200')).items) {
    const check = await dossier.api<StoryCheck>(`/api/stories/${story.id}/check`)
    if (wanted(check)) return { story, check }
  }
  return undefined
}

/** What a page did that a test may need to assert never happened. */
export interface PageRecord {
  readonly dialogs: string[]
  readonly console: Array<{ type: string; text: string }>
  readonly errors: string[]
}

/**
 * A page of a fresh context at `viewport`, recording dialogs (dismissed), console messages and page
 * errors; `touch` makes it a phone's (touch events, taps).
 */
export async function openPage(browser: Browser, viewport: { width: number; height: number }, touch = false): Promise<{ page: Page; record: PageRecord }> {
  const context = await browser.newContext({ viewport, ...(touch ? { hasTouch: true, isMobile: true } : {}) })
  const page = await context.newPage()
  const record: PageRecord = { dialogs: [], console: [], errors: [] }
  page.on('dialog', (dialog) => {
    record.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('console', (message) => record.console.push({ type: message.type(), text: message.text() }))
  page.on('pageerror', (error) => record.errors.push(error.message))
  return { page, record }
}

/**
 * A page of the app at `path` (after `#`), in a context of its own, once the app has drawn it;
 * its record goes into `records` for the file's checks (no dialog, console error or page error).
 */
export async function openApp(browser: Browser, dossier: Dossier, records: PageRecord[], path: string, viewport: { width: number; height: number } = LAPTOP, touch = false): Promise<Page> {
  const { page, record } = await openPage(browser, viewport, touch)
  records.push(record)
  await page.goto(`${dossier.url}/${path}`)
  await waitForApp(page)
  return page
}

/** Saves a full-page screenshot as `test/browser/screenshots/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const path = join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path, fullPage: process.env.FULL !== '0' })
  return path
}

/** Waits until the app has rendered the page the hash names. */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForSelector('main[aria-busy="false"]')
}

/** True when the page is wider than its viewport (the reader would scroll sideways). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
}
