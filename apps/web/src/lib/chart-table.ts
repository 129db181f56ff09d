type Series = { name?: string; data?: (number | string | null | undefined)[] };

/**
 * A category chart's figures as rows (the category, then one value per series, a dash where there is none): the
 * text alternative Chart.tsx puts under each canvas. Null when the option is not a category chart.
 */
export function chartTable(option: object): { head: string[]; rows: string[][] } | null {
  const { xAxis: axis, series = [] } = option as { xAxis?: { data?: unknown[] }; series?: Series[] };
  if (!axis?.data || !Array.isArray(series) || series.length === 0) return null;
  const head = ['', ...series.map((s) => s.name ?? '')];
  const rows = axis.data.map((category, i) => [String(category as string | number), ...series.map((s) => String(s.data?.[i] ?? '—'))]);
  return { head, rows };
}
