/*
 * Chart tooltips a finger and a keyboard reach: every mark of a chart carries its words in
 * `data-tip` and is focusable; focusing it (Tab), tapping it or pointing at it shows the words in
 * a readout under the chart, announced to screen readers. The readout sits in the page's flow
 * rather than floating at the mark: placing it would need inline styles, which the
 * Content-Security-Policy refuses, and under the chart it is never clipped on a phone.
 */
import { h } from './dom.js'

/** Narrowest and widest a chart is drawn, in viewBox units (CSS pixels at scale 1). */
export const MIN_CHART_WIDTH = 320
export const MAX_CHART_WIDTH = 720

/**
 * The width to draw a chart at: the main column's width, so the chart's text is drawn at its
 * size on a phone rather than shrunk from a 720-unit drawing.
 */
export function chartWidth(): number {
  const main = document.getElementById('main')
  const style = main ? getComputedStyle(main) : null
  const inner = main ? main.clientWidth - parseFloat(style?.paddingLeft ?? '0') - parseFloat(style?.paddingRight ?? '0') : MAX_CHART_WIDTH
  return Math.round(Math.max(MIN_CHART_WIDTH, Math.min(MAX_CHART_WIDTH, inner || MAX_CHART_WIDTH)))
}

/** The mark an event is on, if any: the nearest element with `data-tip` inside the chart. */
function markOf(target: EventTarget | null, chart: Element): Element | null {
  const mark = target instanceof Element ? target.closest('[data-tip]') : null
  return mark !== null && chart.contains(mark) ? mark : null
}

/**
 * A chart in its box with a readout under it for the focused, tapped or pointed-at mark.
 *
 * @example
 * h('section', null, h('h2', null, 'Coverage'), chartBox(coverageChart(coverage, chartWidth())))
 */
export function chartBox(chart: Element, hint = 'Tap a mark for its details, or Tab to the chart and move with the arrow keys.'): HTMLElement {
  const readout = h('p', { class: 'chart-tip', role: 'status', 'aria-live': 'polite' }, hint)
  let active: Element | null = null
  const show = (mark: Element | null): void => {
    if (mark === null || mark === active) return
    active?.classList.remove('tip-active')
    active = mark
    mark.classList.add('tip-active')
    readout.textContent = mark.getAttribute('data-tip') ?? ''
  }
  // One Tab stop per chart; the arrow keys, Home and End move between its marks (a roving tabindex),
  // so a chart of a year of days is not 365 Tab presses to get past.
  const marks = [...chart.querySelectorAll('[data-tip]')]
  // The chart itself is no Tab stop (Chromium makes an <svg> one): its first mark is.
  chart.setAttribute('tabindex', '-1')
  marks.forEach((mark, i) => mark.setAttribute('tabindex', i === 0 ? '0' : '-1'))
  chart.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key
    const at = marks.indexOf(markOf(event.target, chart) as Element)
    if (at < 0) return
    const to = key === 'ArrowRight' || key === 'ArrowDown' ? at + 1
      : key === 'ArrowLeft' || key === 'ArrowUp' ? at - 1
        : key === 'Home' ? 0 : key === 'End' ? marks.length - 1 : -1
    if (to < 0 || to >= marks.length || (key.startsWith('Arrow') && to === at)) return
    event.preventDefault()
    marks[at]!.setAttribute('tabindex', '-1')
    marks[to]!.setAttribute('tabindex', '0')
    ;(marks[to] as HTMLElement | SVGElement).focus()
  })
  chart.addEventListener('focusin', (event) => show(markOf(event.target, chart)))
  chart.addEventListener('pointerover', (event) => {
    if ((event as PointerEvent).pointerType !== 'touch') show(markOf(event.target, chart))
  })
  // A tap on a mark that is a link shows its words first; a second tap on it follows the link.
  // The pointer's kind is read at pointerdown: the focus a tap gives the mark must not count as
  // its first tap.
  let lastPointer = ''
  let tapped: Element | null = null
  chart.addEventListener('pointerdown', (event) => { lastPointer = (event as PointerEvent).pointerType })
  chart.addEventListener('click', (event) => {
    const mark = markOf(event.target, chart)
    if (mark === null) return
    if (lastPointer === 'touch' && tapped !== mark) event.preventDefault()
    tapped = mark
    show(mark)
  })
  return h('div', { class: 'chart-box' }, h('div', { class: 'chart-wrap' }, chart), readout)
}
