/**
 * The HTML report's charts as SVG strings, drawn by ECharts' server-side SVG renderer
 * (no DOM, no canvas). Only the chart types and components used are registered, which
 * keeps the import small. Animation is off: a printed page shows the final frame only.
 */
import { ASSESSMENT_LABEL as L } from '../vocabulary/assessment.js';
import type { AssessmentReport, DepartmentAssessment } from '../assessment/assessment-types.js';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { indicatorProgress } from './report-format.js';

echarts.use([BarChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

/** Drawn at the printable width of A4 portrait (180 mm at 96 dpi); the SVG keeps a viewBox and scales. */
export const CHART_WIDTH = 680;

export const FONT_FAMILY = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

const COLOR = { onTime: '#52c41a', late: '#faad14', overdue: '#f5222d', pending: '#bfbfbf', score: '#1677ff', progress: '#13a8a8' };

/** Room for one horizontal bar per category, plus axes and legend. */
export function heightFor(categories: number): number {
  return 90 + 28 * Math.max(categories, 1);
}

/**
 * ECharts names each chart's CSS classes and defs with process-wide counters
 * (`zr7-cls-12`); they are renumbered per chart under `id`, so the same report
 * renders to the same bytes.
 */
function stableNames(svg: string, id: string): string {
  const names = new Map<string, number>();
  return svg.replace(/\bzr\d+-[\w-]+/g, (name) => {
    if (!names.has(name)) names.set(name, names.size);
    return `${id}-${names.get(name)}`;
  });
}

export function renderSvg(id: string, option: echarts.EChartsCoreOption, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT_FAMILY }, ...option });
    return stableNames(chart.renderToSVGString({ useViewBox: true }), id);
  } finally {
    chart.dispose();
  }
}

/** Department names down the side, first rank on top. */
function departmentAxis(departments: readonly DepartmentAssessment[]) {
  return { type: 'category', inverse: true, data: departments.map((d) => d.departmentName), axisLabel: { width: 150, overflow: 'truncate' } };
}

/** Final scores by department, in rank order. */
export function scoreChart(departments: readonly DepartmentAssessment[]): string {
  return renderSvg(
    'scores',
    {
      grid: { left: 160, right: 60, top: 20, bottom: 30 },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: departmentAxis(departments),
      series: [
        {
          type: 'bar',
          name: L.finalScore,
          itemStyle: { color: COLOR.score },
          label: { show: true, position: 'right', formatter: ({ value }: { value: number }) => value.toFixed(2) },
          data: departments.map((d) => d.finalScore),
        },
      ],
    },
    heightFor(departments.length),
  );
}

/** Each department's tasks of the year, stacked: on time, late, still overdue, not yet due. */
export function completionChart(departments: readonly DepartmentAssessment[]): string {
  const series = (['onTime', 'late', 'overdue', 'pending'] as const).map((key) => ({
    type: 'bar',
    name: L[key],
    stack: 'tasks',
    itemStyle: { color: COLOR[key] },
    data: departments.map((d) => d.metrics[key]),
  }));
  return renderSvg(
    'completion',
    {
      legend: { top: 0 },
      grid: { left: 160, right: 30, top: 36, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: departmentAxis(departments),
      series,
    },
    heightFor(departments.length) + 16,
  );
}

/**
 * The mean way each department's indicators have come from baseline to target, each
 * capped at the target (overshooting one indicator does not make up for another), in
 * percent. Departments without an indicator that can be measured get no bar.
 */
export function departmentIndicatorProgress(report: AssessmentReport, department: DepartmentAssessment): { share: number | null; measured: number } {
  const shares = (report.indicators[department.departmentCode] ?? [])
    .map(indicatorProgress)
    .filter((share): share is number => share !== null)
    .map((share) => Math.min(share, 1));
  return { share: shares.length === 0 ? null : shares.reduce((sum, share) => sum + share, 0) / shares.length, measured: shares.length };
}

export function indicatorChart(report: AssessmentReport, departments: readonly DepartmentAssessment[]): string {
  const progress = departments.map((d) => departmentIndicatorProgress(report, d));
  return renderSvg(
    'indicators',
    {
      grid: { left: 160, right: 90, top: 20, bottom: 30 },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: departmentAxis(departments),
      series: [
        {
          type: 'bar',
          name: '指标完成进度',
          itemStyle: { color: COLOR.progress },
          label: {
            show: true,
            position: 'right',
            formatter: ({ dataIndex }: { dataIndex: number }) => {
              const { share, measured } = progress[dataIndex];
              return share === null ? '无可测指标' : `${(share * 100).toFixed(1)}%（${measured} 项）`;
            },
          },
          markLine: { symbol: 'none', silent: true, label: { show: false }, lineStyle: { color: '#595959' }, data: [{ xAxis: 100 }] },
          // A department with nothing measurable keeps a zero bar so its label says why.
          data: progress.map(({ share }) => (share === null ? 0 : Math.round(share * 1000) / 10)),
        },
      ],
    },
    heightFor(departments.length),
  );
}
