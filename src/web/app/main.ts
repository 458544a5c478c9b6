/*
 * The app's entry: takes a token from the URL fragment, then renders the page the hash names and
 * again whenever it changes.
 */
import { openWithToken, readToken, takeTokenFromHash } from './api.js'
import { errorBox } from './components.js'
import { h, replaceChildren } from './dom.js'
import { parseRoute, type Route } from './routes.js'
import { showArticle } from './pages/article.js'
import { showArticles } from './pages/articles.js'
import { showCoverage } from './pages/coverage.js'
import { showThreads } from './pages/threads.js'
import { showEntity } from './pages/entity.js'
import { showImport } from './pages/import.js'
import { showStories } from './pages/stories.js'
import { showStory } from './pages/story.js'
import { showSources } from './pages/sources.js'
import { showWatches } from './pages/watches.js'

type Show = (main: HTMLElement, route: Route, retry: () => void) => void | Promise<void>

const PAGES: Readonly<Record<Route['name'], Show>> = {
  stories: showStories,
  story: showStory,
  articles: showArticles,
  article: showArticle,
  threads: showThreads,
  coverage: showCoverage,
  entity: showEntity,
  import: showImport,
  watches: showWatches,
  sources: showSources,
  'not-found': (main) => replaceChildren(main, h('h1', null, 'Not found'), h('p', null, h('a', { href: '#/stories' }, 'Go to the stories'))),
}

function markCurrentNav(route: Route): void {
  for (const link of document.querySelectorAll('nav.top a[data-route]')) {
    const current = link.getAttribute('data-route') === route.name || (route.name === 'story' && link.getAttribute('data-route') === 'stories') || (route.name === 'article' && link.getAttribute('data-route') === 'articles')
    if (current) link.setAttribute('aria-current', 'page')
    else link.removeAttribute('aria-current')
  }
}

/**
 * Moves focus to the page's main heading (or main), so a keyboard or screen-reader user starts at
 * the new page, not on the link they left. `preventScroll`: the page decides its own scroll.
 */
function focusHeading(): void {
  const main = document.getElementById('main')
  const heading = main?.querySelector('h1') ?? main
  if (!heading) return
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
  heading.focus({ preventScroll: true })
}

/** The skip link jumps to the main heading; as a plain `#main` link it would be read as a route. */
function skipToMain(event: MouseEvent): void {
  const link = (event.target as Element | null)?.closest?.('a.skip-link')
  if (!link) return
  event.preventDefault()
  focusHeading()
}

let firstRender = true

function render(): void {
  const main = document.getElementById('main')
  if (!main) return
  const route = parseRoute(location.hash)
  markCurrentNav(route)
  document.title = 'Dossier'
  main.setAttribute('data-route', route.name)
  main.setAttribute('aria-busy', 'true')
  const changedPage = !firstRender
  firstRender = false
  void Promise.resolve(PAGES[route.name](main, route, render)).finally(() => {
    main.setAttribute('aria-busy', 'false')
    if (!location.hash.includes('span=')) window.scrollTo(0, 0)
    // On a page change, not on the first load: there the browser's own start (the skip link) is right.
    if (changedPage) focusHeading()
  })
}

/** Takes a token given in the fragment (on load, or pasted into an open tab) and drops it from the address and the history. */
function takeToken(): void {
  const next = takeTokenFromHash(location.hash)
  if (next !== null) history.replaceState(null, '', `${location.pathname}${location.search}${next}`)
}

/** Links to API answers (`data-token-link`) carry the token when the app has one. */
function followTokenLink(event: MouseEvent): void {
  const link = (event.target as Element | null)?.closest?.('a[data-token-link]')
  if (!(link instanceof HTMLAnchorElement) || readToken() === null || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return
  event.preventDefault()
  openWithToken(link.pathname).catch((error: unknown) => {
    const main = document.getElementById('main')
    if (main) replaceChildren(main, errorBox(error, render))
  })
}

function start(): void {
  takeToken()
  document.addEventListener('click', followTokenLink)
  document.addEventListener('click', skipToMain)
  window.addEventListener('hashchange', () => {
    takeToken()
    render()
  })
  render()
}

start()
