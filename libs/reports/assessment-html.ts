/**
 * report.html of an assessment cycle: one self-contained, printable (A4) Chinese page.
 * Three chart sections (scores, task completion, indicator progress), each with exactly
 * one inline SVG chart, then the ranking table and a page per department. Every piece of
 * text from the record is escaped; the page carries no script.
 */
import { reportsOnTimeShare } from '../assessment/assessment-scoring.js';
import type { AssessmentReport, DepartmentAssessment, ReviewerScore } from '../assessment/assessment-types.js';
import { ASSESSMENT_LABEL as L } from '../vocabulary/assessment.js';
import { FONT_FAMILY, completionChart, indicatorChart, scoreChart } from './assessment-charts.js';
import { BREAKDOWN_COLUMNS, INDICATOR_COLUMNS, RANKING_COLUMNS, TASK_COLUMNS, headerGroups, type Column, type ColumnKind } from './report-columns.js';
import { byRank, rankLabel, NONE, formatDateTime, formatNumber, formatPercent, onTimeShare, reportSubtitle, reportTitle } from './report-format.js';

/** The `data-section` of the sections that hold a chart, one `<svg>` each. */
export const CHART_SECTIONS = ['scores', 'completion', 'indicators'] as const;

/** The `data-section` of the sections of tables, which hold no chart. */
export const TABLE_SECTIONS = ['ranking', 'departments'] as const;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

export const REPORT_CSS = `
@page { size: A4; margin: 15mm 12mm; }
@page wide { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${FONT_FAMILY}; font-size: 10.5pt; line-height: 1.5; color: #262626; margin: 0 auto; max-width: 190mm; }
header { border-bottom: 2px solid #1677ff; margin-bottom: 8mm; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 0 0 4mm; }
h3 { font-size: 12.5pt; margin: 0 0 3mm; }
h4 { font-size: 11pt; margin: 5mm 0 2mm; }
.meta, .note { color: #595959; }
section + section, article.department + article.department { break-before: page; }
section[data-section="ranking"] { page: wide; }
figure.chart { margin: 0; }
figure.chart svg { display: block; width: 100%; height: auto; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border: 1px solid #bfbfbf; padding: 2px 4px; vertical-align: top; }
th { background: #ddebf7; font-weight: bold; text-align: center; vertical-align: middle; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead { display: table-header-group; }
tr, figure.chart { break-inside: avoid; }
dl.figures { display: grid; grid-template-columns: repeat(4, auto 1fr); gap: 1mm 3mm; margin: 0; }
dl.figures dt { color: #595959; }
dl.figures dd { margin: 0; font-weight: bold; }
@media screen { body { padding: 16px; } section[data-section="ranking"] { max-width: none; } }
`;

/** The whole report as one HTML document. */
export function renderAssessmentHtml(report: AssessmentReport): string {
  const departments = byRank(report.departments);
  const title = escapeHtml(reportTitle(report));
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${REPORT_CSS}</style></head>`,
    '<body>',
    `<header><h1>${title}</h1><p class="meta">${escapeHtml(reportSubtitle(report))}；共 ${departments.length} 个部门。</p></header>`,
    chartSection(
      'scores',
      '一、综合得分排名',
      `各部门${L.finalScore}（${L.computedScore}与${L.reviewerMean}按权重合成），按名次排列。`,
      scoreChart(departments),
    ),
    chartSection(
      'completion',
      '二、任务完成情况',
      `本年度应完成任务中${L.onTime}、${L.late}、${L.overdue}与${L.pending}的数量。`,
      completionChart(departments),
    ),
    chartSection(
      'indicators',
      '三、指标进展',
      '各部门指标从基期值走向目标值的平均进度（单项超过目标按 100% 计），虚线为目标，括号内为可测指标数。',
      indicatorChart(report, departments),
    ),
    `<section data-section="ranking"><h2>四、排名表</h2><div class="scroll">${htmlTable(RANKING_COLUMNS, departments, true)}</div></section>`,
    `<section data-section="departments"><h2>五、部门详情</h2>${departments.map((d) => departmentDetail(report, d)).join('')}</section>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function chartSection(name: (typeof CHART_SECTIONS)[number], heading: string, note: string, svg: string): string {
  return `<section data-section="${name}"><h2>${heading}</h2><p class="note">${note}</p><figure class="chart">${svg}</figure></section>`;
}

function departmentDetail(report: AssessmentReport, department: DepartmentAssessment): string {
  const { metrics } = department;
  const figures: [string, string][] = [
    [L.finalScore, formatNumber(department.finalScore)],
    [L.computedScore, formatNumber(department.computedScore)],
    [L.reviewerMean, formatNumber(department.reviewerMean)],
    [L.onTimeRate, formatPercent(onTimeShare(metrics))],
    [L.due, String(metrics.due)],
    [`${L.onTime} / ${L.late}`, `${metrics.onTime} / ${metrics.late}`],
    [`${L.overdue} / ${L.pending}`, `${metrics.overdue} / ${metrics.pending}`],
    [L.evidenceShare, formatPercent(metrics.evidenceShare)],
    [L.reportsOnTimeRate, formatPercent(reportsOnTimeShare(metrics))],
    [L.reportsMissed, String(metrics.reportsMissed)],
  ];
  const late = (report.tasks[department.departmentCode] ?? []).filter((task) => task.daysLate > 0).sort((a, b) => b.daysLate - a.daysLate);
  const indicators = report.indicators[department.departmentCode] ?? [];
  return [
    `<article class="department" data-department="${escapeHtml(department.departmentCode)}">`,
    `<h3>${rankLabel(department.rank)}　${escapeHtml(department.departmentName)}</h3>`,
    `<dl class="figures">${figures.map(([term, value]) => `<dt>${term}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`,
    '<h4>得分构成</h4>',
    department.breakdown.length > 0 ? htmlTable(BREAKDOWN_COLUMNS, department.breakdown) : '<p class="note">无。</p>',
    '<h4>评审打分</h4>',
    department.reviewerScores.length > 0 ? htmlTable(REVIEWER_COLUMNS, department.reviewerScores) : '<p class="note">尚无评审打分。</p>',
    '<h4>指标</h4>',
    indicators.length > 0 ? htmlTable(INDICATOR_COLUMNS, indicators) : '<p class="note">无牵头指标。</p>',
    `<h4>逾期任务（${late.length} 项；全部任务见 report.xlsx）</h4>`,
    late.length > 0 ? htmlTable(TASK_COLUMNS, late) : '<p class="note">无逾期任务。</p>',
    '</article>',
  ].join('');
}

/** Reviewers' scores appear only on the page, not in the workbook. */
const REVIEWER_COLUMNS: readonly Column<ReviewerScore>[] = [
  { header: '评审人', kind: 'text', width: 10, value: (r) => r.reviewerName },
  { header: '分数', kind: 'score', width: 8, value: (r) => r.score },
  { header: '意见', kind: 'text', width: 40, value: (r) => r.comment },
  { header: '更新时间', kind: 'dateTime', width: 16, value: (r) => r.updatedAt },
];

/** A table of `items`; with `grouped`, the column groups head it in a row of their own. */
export function htmlTable<T>(columns: readonly Column<T>[], items: readonly T[], grouped = false): string {
  const head = grouped
    ? `<tr>${headerGroups(columns)
        .map((run) => (run.grouped ? `<th colspan="${run.span}">${escapeHtml(run.label)}</th>` : `<th rowspan="2">${escapeHtml(run.label)}</th>`))
        .join('')}</tr>` +
      `<tr>${columns
        .filter((column) => column.group !== undefined)
        .map((column) => `<th>${escapeHtml(column.header)}</th>`)
        .join('')}</tr>`
    : `<tr>${columns.map((column) => `<th>${escapeHtml(column.header)}</th>`).join('')}</tr>`;
  const body = items
    .map(
      (item) =>
        `<tr>${columns
          .map((column) => {
            const text = escapeHtml(cellText(column.kind, column.value(item)));
            return column.kind === 'text' ? `<td>${text}</td>` : `<td class="num">${text}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function cellText(kind: ColumnKind, value: string | number | null): string {
  if (value === null) return kind === 'text' ? '' : NONE;
  if (typeof value === 'string') return kind === 'dateTime' ? formatDateTime(value) : value;
  switch (kind) {
    case 'score':
      return formatNumber(value, 2);
    case 'days':
      return formatNumber(value, 1);
    case 'share':
      return formatPercent(value);
    default:
      return String(value);
  }
}
