import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { chartTable } from '../lib/chart-table';

/**
 * echarts (about 180 KB gzipped) is fetched the first time a chart is drawn, not with the page that holds it:
 * the figures and tables around the chart show while it arrives on a weak line.
 */
let loading: Promise<typeof import('echarts/core')> | null = null;
function loadEcharts() {
  loading ??= Promise.all([import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers')]).then(
    ([core, charts, components, renderers]) => {
      core.use([
        charts.BarChart,
        charts.LineChart,
        components.GridComponent,
        components.TooltipComponent,
        components.LegendComponent,
        components.DatasetComponent,
        renderers.CanvasRenderer,
      ]);
      return core;
    },
  );
  return loading;
}

/** Hidden from sight, not from screen readers (the usual "visually hidden" rule). */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/**
 * One echarts chart that follows its container's width (phones included). A canvas says nothing to a screen
 * reader, so the same figures are also a visually hidden table, captioned with `label`.
 */
export function Chart({ option, height = 320, label }: { option: EChartsCoreOption; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void loadEcharts().then((echarts) => {
      if (disposed || !ref.current) return;
      chart.current = echarts.init(ref.current, undefined, { locale: 'ZH' });
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(ref.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    // Without motion when the system asks for less (and so screenshots catch the final bars, not a frame of the animation).
    const still = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    chart.current?.setOption(still ? { ...option, animation: false } : option, true);
  }, [option, ready]);
  const table = chartTable(option);
  return (
    <figure style={{ margin: 0, position: 'relative' }}>
      <div ref={ref} aria-hidden data-chart-ready={ready || undefined} style={{ width: '100%', height }} />
      {table ? (
        <table style={VISUALLY_HIDDEN}>
          <caption>{label}</caption>
          <thead>
            <tr>
              {table.head.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) =>
                  c === 0 ? (
                    <th key={c} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={c}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <figcaption style={VISUALLY_HIDDEN}>{label}</figcaption>
      )}
    </figure>
  );
}
