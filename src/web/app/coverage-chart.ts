/*
 * Coverage over time as stacked bars: a bar per day (or month), split by outlet, the busiest
 * outlets each in their own colour and the rest together. Sizes are viewBox units at the width
 * the page asks for (see chartWidth), so the bars fit a phone.
 */
import { svg } from './dom.js'
import type { Coverage } from './types.js'

/** Outlets given a colour of their own; the rest are drawn together as "other outlets". */
export const COVERAGE_SERIES = 5
const COVERAGE_HEIGHT = 220
const AXIS_LEFT = 32
const AXIS_BOTTOM = 22
/** Width in viewBox units a `YYYY-MM-DD` label takes at the axis font size. */
const LABEL_WIDTH = 66
/** Space kept between two date labels. */
const LABEL_GAP = 8

/** The outlets with a colour, busiest first; the stacked order of every bar. */
export function coverageSeries(coverage: Coverage): string[] {
  return coverage.outlets.slice(0, COVERAGE_SERIES).map((o) => o.name)
}

function tipOf(point: Coverage['points'][number]): string {
  const outlets = Object.entries(point.outlets).map(([name, n]) => `${name} ${n}`).join(', ')
  return `${point.date}: ${point.articles} article${point.articles === 1 ? '' : 's'}${outlets === '' ? '' : ` — ${outlets}`}`
}

/**
 * Date labels under the bars: centred on their bar, kept inside the chart at both edges, and one
 * left out wherever it would touch the one before.
 */
function dateLabels(dates: readonly string[], slot: number, width: number): SVGTextElement[] {
  const labels: SVGTextElement[] = []
  let lastRight = -Infinity
  dates.forEach((date, i) => {
    const left = Math.min(Math.max(AXIS_LEFT + i * slot + slot / 2 - LABEL_WIDTH / 2, 0), width - LABEL_WIDTH)
    if (left < lastRight + LABEL_GAP) return
    lastRight = left + LABEL_WIDTH
    labels.push(svg('text', { x: left + LABEL_WIDTH / 2, y: COVERAGE_HEIGHT - 6, 'text-anchor': 'middle', class: 'axis date-label' }, date))
  })
  return labels
}

/**
 * The chart; each bar is a mark with its words in `data-tip` (chartBox shows them on focus or tap).
 *
 * @example
 * chartBox(coverageChart(await getJson<Coverage>('/api/coverage?q=ferry'), chartWidth()))
 */
export function coverageChart(coverage: Coverage, width: number): SVGSVGElement {
  const series = coverageSeries(coverage)
  const max = Math.max(1, ...coverage.points.map((p) => p.articles))
  const bottom = COVERAGE_HEIGHT - AXIS_BOTTOM
  const plot = width - AXIS_LEFT
  const slot = plot / Math.max(1, coverage.points.length)
  const scale = (n: number): number => (n / max) * (bottom - 12)
  return svg('svg', { viewBox: `0 0 ${width} ${COVERAGE_HEIGHT}`, class: 'chart coverage-chart', role: 'group', 'aria-label': `Articles per ${coverage.by}` },
    svg('text', { x: 0, y: 12, class: 'axis' }, String(max)),
    svg('line', { x1: AXIS_LEFT, x2: width, y1: bottom, y2: bottom, class: 'grid' }),
    coverage.points.map((point, i) => {
      const x = AXIS_LEFT + i * slot
      let y = bottom
      const other = point.articles - series.reduce((n, name) => n + (point.outlets[name] ?? 0), 0)
      const parts = [...series.map((name, k) => [k, point.outlets[name] ?? 0] as const), [COVERAGE_SERIES, other] as const]
      const tip = tipOf(point)
      return svg('g', { class: 'bar', 'data-date': point.date, 'data-articles': point.articles, 'data-tip': tip, role: 'img', 'aria-label': tip },
        // An empty day still takes a mark the width of its slot, so it can be focused and read.
        svg('rect', { x, y: 0, width: Math.max(slot, 1), height: bottom, class: 'bar-hit' }),
        parts.filter(([, n]) => n > 0).map(([k, n]) => {
          const h = scale(n)
          y -= h
          return svg('rect', { x: x + slot * 0.1, y, width: Math.max(slot * 0.8, 1), height: h, class: `series-${k}` })
        }))
    }),
    dateLabels(coverage.points.map((p) => p.date), slot, width))
}
