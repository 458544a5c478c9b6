/** Prints a benchmark table: one row a figure, the peer beside it, and the ratio. */
export function printTable(title: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))]
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)))
  console.log(`\n${title}`)
  cells.forEach((r, k) => {
    console.log(`| ${r.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join(' | ')} |`)
    if (k === 0) console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`)
  })
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  if (Number.isInteger(n)) return n.toLocaleString('en-US')
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(3)
}

export function ratio(a: number, b: number): string {
  return b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`
}
