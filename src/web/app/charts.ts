/*
 * Inline SVG charts built with createElementNS (through `svg`): the stance timeline, the story's
 * entity graph and an entity's mentions by month. Sizes are in viewBox units; the SVG scales to
 * its container's width, so the charts fit a phone.
 */
import { MAX_CHART_WIDTH } from './chart-tips.js'
import { svg, h } from './dom.js'
import { spanHref } from './spans.js'
import type { StancePosition, Timeline } from './types.js'

/** Default width of a chart's viewBox; pages pass the column's width (chartWidth), height follows content. */
const CHART_WIDTH = MAX_CHART_WIDTH
/** Below this width the timeline's row labels go above their rows instead of beside them. */
const NARROW_CHART = 560
/** Left margin of the timeline for the row labels. */
const TIMELINE_LABEL_WIDTH = 150
/** Height of one actor–counterpart row of the timeline. */
const TIMELINE_ROW_HEIGHT = 56
/** Right margin where undated statements sit. */
const TIMELINE_UNDATED_WIDTH = 70
const DOT_RADIUS = 7

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a time in ms (the period's start); NaN when unreadable. */
export function dateToTime(value: string): number {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value)
  if (!match) return Number.NaN
  return Date.UTC(Number(match[1]), Number(match[2] ?? '1') - 1, Number(match[3] ?? '1'))
}

const POSITION_WORD: Readonly<Record<StancePosition, string>> = {
  for: 'for', against: 'against', open: 'open to it', conditional: 'on a condition',
}

/** The timeline's key, as HTML beside the chart so it wraps on a phone. */
export function timelineLegend(): HTMLElement {
  const positions: StancePosition[] = ['for', 'against', 'open', 'conditional']
  return h('p', { class: 'legend chart-legend' },
    positions.map((p) => h('span', { class: `key pos-${p}` }, h('span', { class: `swatch dot-${p}` }), ` ${POSITION_WORD[p]}`)),
    h('span', { class: 'key' }, h('span', { class: 'swatch shift-swatch' }), ' shift'))
}

/** Axis labels a timeline shows at most; more would overlap on a phone. */
const MAX_TICKS = 8
const MONTHS_PER_YEAR = 12

/**
 * Axis ticks for a time range: years when it spans two years or more, else months (`2023-03`),
 * thinned to at most MAX_TICKS. Only ticks inside [min, max] (min and max included).
 */
export function timeTicks(min: number, max: number): Array<{ time: number; label: string }> {
  const start = new Date(min)
  const end = new Date(max)
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * MONTHS_PER_YEAR + end.getUTCMonth() - start.getUTCMonth()
  const all: Array<{ time: number; label: string }> = []
  if (months >= 2 * MONTHS_PER_YEAR) {
    for (let y = start.getUTCFullYear(); y <= end.getUTCFullYear(); y++) all.push({ time: Date.UTC(y, 0, 1), label: String(y) })
  } else {
    for (let m = 0; m <= months; m++) {
      const time = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1)
      const d = new Date(time)
      all.push({ time, label: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}` })
    }
  }
  const inside = all.filter((t) => t.time >= min && t.time <= max)
  const shown = inside.length > 0 ? inside : all.slice(0, 1).map((t) => ({ ...t, time: min }))
  const every = Math.ceil(shown.length / MAX_TICKS)
  return shown.filter((_, i) => i % every === 0)
}

/**
 * The stance timelines as one chart: a row per actor and counterpart, a dot per statement at its
 * date, coloured by position; a ring and a label mark a shift. Each dot links to its quote.
 */
export function timelineChart(timelines: readonly Timeline[], width: number = CHART_WIDTH): SVGSVGElement {
  const narrow = width < NARROW_CHART
  const dated = timelines.flatMap((t) => t.statements).map((s) => (s.date ? dateToTime(s.date) : Number.NaN)).filter((t) => !Number.isNaN(t))
  const min = dated.length > 0 ? Math.min(...dated) : 0
  const max = dated.length > 0 ? Math.max(...dated) : 1
  // Narrow: each row's label sits above its line, and the plot takes the whole width.
  const plotLeft = narrow ? 16 : TIMELINE_LABEL_WIDTH + 20
  const plotRight = width - TIMELINE_UNDATED_WIDTH
  const x = (time: number): number => (max === min ? (plotLeft + plotRight) / 2 : plotLeft + ((time - min) / (max - min)) * (plotRight - plotLeft))
  const top = narrow ? 20 : 10
  const height = top + timelines.length * TIMELINE_ROW_HEIGHT + 30
  const ticks = dated.length === 0 ? [] : timeTicks(min, max)

  return svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart timeline-chart', role: 'group', 'aria-label': 'Stance timeline' },
    ticks.map((tick) => {
      const at = x(tick.time)
      if (at < plotLeft - 1 || at > plotRight + 1) return null
      return svg('g', null,
        svg('line', { x1: at, x2: at, y1: top, y2: height - 24, class: 'grid' }),
        svg('text', { x: at, y: height - 8, 'text-anchor': 'middle', class: 'axis' }, tick.label))
    }),
    timelines.some((t) => t.statements.some((s) => s.date === null))
      ? svg('text', { x: width - TIMELINE_UNDATED_WIDTH / 2, y: height - 8, 'text-anchor': 'middle', class: 'axis' }, 'undated')
      : null,
    timelines.map((timeline, row) => {
      const y = top + row * TIMELINE_ROW_HEIGHT + TIMELINE_ROW_HEIGHT / 2
      const label = `${timeline.actor.name} → ${timeline.counterpart.name}${timeline.topic ? ` (${timeline.topic})` : ''}`
      let undated = 0
      return svg('g', { class: 'timeline-row' },
        svg('line', { x1: plotLeft, x2: plotRight, y1: y, y2: y, class: 'row-line' }),
        svg('text', { x: 0, y: narrow ? y - DOT_RADIUS - 8 : y + 4, class: 'row-label' }, label),
        timeline.statements.map((s) => {
          const time = s.date ? dateToTime(s.date) : Number.NaN
          const cx = Number.isNaN(time) ? width - TIMELINE_UNDATED_WIDTH / 2 + (undated++ % 3) * 10 - 10 : x(time)
          const who = s.speaker ? `${s.speaker.name}${s.speaker.role ? `, ${s.speaker.role}` : ''}` : s.actor.name
          const tip = `${s.date ?? 'undated'} — ${who}: ${POSITION_WORD[s.position]}${s.shift ? ` (shift from ${POSITION_WORD[s.shift.from]})` : ''}\n“${s.quote.text}” (${s.quote.source})`
          return svg('a', { href: spanHref(s.quote.article, s.quote.span), class: 'statement', 'data-position': s.position, 'data-shift': s.shift ? 'yes' : null, 'data-tip': tip, 'aria-label': tip },
            svg('title', null, tip),
            s.shift ? svg('circle', { cx, cy: y, r: DOT_RADIUS + 5, class: 'shift-ring' }) : null,
            svg('circle', { cx, cy: y, r: DOT_RADIUS, class: `dot pos-${s.position}` }),
            s.shift ? svg('text', { x: cx, y: y - DOT_RADIUS - 9, 'text-anchor': 'middle', class: 'shift-label' }, `${s.shift.from} → ${s.position}`) : null)
        }))
    }))
}

export interface GraphNode {
  readonly id: string
  readonly name: string
}

export interface GraphEdge {
  readonly from: string
  readonly to: string
  /** "ally", "not ally", "propose" … */
  readonly label: string
  readonly negative: boolean
  /** How many events the edge stands for. */
  readonly count: number
}

/** Actions named on one arrow at most; the rest are counted ("+2"). */
const MAX_EDGE_LABELS = 2
/** How far an arrow sits beside the line between its nodes, so A → B and B → A both show. */
const EDGE_OFFSET = 7

/** One arrow per actor → target pair: its actions, most frequent first, and their total. */
export function mergeEdges(edges: readonly GraphEdge[]): GraphEdge[] {
  const pairs = new Map<string, GraphEdge[]>()
  for (const e of edges) {
    const key = `${e.from}\u0000${e.to}`
    pairs.set(key, [...(pairs.get(key) ?? []), e])
  }
  return [...pairs.values()].map((group) => {
    const sorted = [...group].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    const named = sorted.slice(0, MAX_EDGE_LABELS).map((e) => (e.count > 1 ? `${e.label} ×${e.count}` : e.label))
    const more = sorted.length - MAX_EDGE_LABELS
    return {
      from: sorted[0]!.from,
      to: sorted[0]!.to,
      label: more > 0 ? `${named.join(', ')} +${more}` : named.join(', '),
      negative: sorted.every((e) => e.negative),
      count: sorted.reduce((n, e) => n + e.count, 0),
    }
  })
}

/** Height of the entity graph's viewBox. */
const GRAPH_HEIGHT = 420
/** Where node labels stop being readable: beyond this many nodes only the busiest are drawn. */
const GRAPH_MAX_NODES = 14

/**
 * The actors of a story on a circle and who did what to whom: an arrow per actor → target pair,
 * labelled with the actions. Nodes link to their entity pages.
 */
export function entityGraph(nodes: readonly GraphNode[], events: readonly GraphEdge[], width: number = CHART_WIDTH): SVGSVGElement {
  const edges = mergeEdges(events)
  const degree = new Map<string, number>()
  for (const e of edges) {
    degree.set(e.from, (degree.get(e.from) ?? 0) + e.count)
    degree.set(e.to, (degree.get(e.to) ?? 0) + e.count)
  }
  const shown = [...nodes].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0)).slice(0, GRAPH_MAX_NODES)
  const cx = width / 2
  const cy = GRAPH_HEIGHT / 2
  const radius = Math.min(cx, cy) - 60
  // Wide: the circle is stretched into an ellipse to use the width; narrow: kept round, inside it.
  const stretch = Math.max(1, Math.min(1.35, (cx - 60) / radius))
  const at = new Map(shown.map((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(shown.length, 1) - Math.PI / 2
    return [n.id, { x: cx + radius * stretch * Math.cos(angle), y: cy + radius * Math.sin(angle) }]
  }))
  const drawn = edges.filter((e) => at.has(e.from) && at.has(e.to) && e.from !== e.to)
  return svg('svg', { viewBox: `0 0 ${width} ${GRAPH_HEIGHT}`, class: 'chart entity-graph', role: 'group', 'aria-label': 'Entity graph' },
    svg('defs', null,
      svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' },
        svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }))),
    drawn.map((e) => {
      const a = at.get(e.from)!
      const b = at.get(e.to)!
      const length = Math.hypot(b.x - a.x, b.y - a.y) || 1
      const trim = 26 / length
      // The normal to the right of the direction: A → B and B → A land on opposite sides.
      const nx = -(b.y - a.y) / length
      const ny = (b.x - a.x) / length
      const x1 = a.x + (b.x - a.x) * trim + nx * EDGE_OFFSET
      const y1 = a.y + (b.y - a.y) * trim + ny * EDGE_OFFSET
      const x2 = b.x - (b.x - a.x) * trim + nx * EDGE_OFFSET
      const y2 = b.y - (b.y - a.y) * trim + ny * EDGE_OFFSET
      const names = `${shown.find((n) => n.id === e.from)?.name ?? e.from} → ${shown.find((n) => n.id === e.to)?.name ?? e.to}`
      return svg('g', { class: `edge${e.negative ? ' negative' : ''}`, tabindex: 0, role: 'img', 'data-tip': `${names}: ${e.label} (${e.count})`, 'aria-label': `${names}: ${e.label} (${e.count})` },
        svg('title', null, `${e.label} (${e.count})`),
        svg('line', { x1, y1, x2, y2, 'marker-end': 'url(#arrow)', 'stroke-width': Math.min(1 + e.count / 2, 4) }),
        svg('text', { x: (x1 + x2) / 2 + nx * 10, y: (y1 + y2) / 2 + ny * 10 + 4, 'text-anchor': 'middle', class: 'edge-label' }, e.label))
    }),
    shown.map((n) => {
      const p = at.get(n.id)!
      return svg('a', { href: `#/entities/${encodeURIComponent(n.id)}`, class: 'node', 'data-tip': `${n.name}: open its page`, 'aria-label': n.name },
        svg('title', null, n.name),
        svg('circle', { cx: p.x, cy: p.y, r: 22 }),
        svg('text', { x: p.x, y: p.y + 38, 'text-anchor': 'middle', class: 'node-label' }, n.name))
    }))
}

/** Height of the bars chart's viewBox. */
const BARS_HEIGHT = 200

/** Mentions per month as bars, with the month under every few bars. */
export function monthBars(months: ReadonlyArray<{ readonly month: string; readonly mentions: number; readonly documents: number }>, width: number = CHART_WIDTH): SVGSVGElement | HTMLElement {
  if (months.length === 0) return h('p', { class: 'empty' }, 'No dated mentions.')
  const max = Math.max(...months.map((m) => m.mentions), 1)
  const left = 36
  const bottom = BARS_HEIGHT - 24
  const slot = (width - left) / months.length
  // A month label is about 48 units wide: fewer of them on a narrow chart.
  const labelEvery = Math.ceil(months.length / Math.max(1, Math.floor((width - left) / 56)))
  return svg('svg', { viewBox: `0 0 ${width} ${BARS_HEIGHT}`, class: 'chart bars', role: 'group', 'aria-label': 'Mentions by month' },
    svg('text', { x: 0, y: 12, class: 'axis' }, String(max)),
    svg('line', { x1: left, x2: width, y1: bottom, y2: bottom, class: 'grid' }),
    months.map((m, i) => {
      const height = (m.mentions / max) * (bottom - 16)
      const x = left + i * slot
      const tip = `${m.month}: ${m.mentions} mentions in ${m.documents} articles`
      return svg('g', { class: 'bar', tabindex: 0, role: 'img', 'data-tip': tip, 'aria-label': tip },
        svg('title', null, tip),
        svg('rect', { x: x + slot * 0.15, y: bottom - height, width: Math.max(slot * 0.7, 1), height }),
        i % labelEvery === 0 ? svg('text', { x: x + slot / 2, y: BARS_HEIGHT - 6, 'text-anchor': 'middle', class: 'axis' }, m.month) : null)
    }))
}
