/**
 * The evaluation as one self-contained, printable (A4) Chinese page, in the style of the
 * assessment report: the totals, two charts (targets met by chapter, each target's progress),
 * then the 规划指标完成情况表, the tasks by chapter, the problems by department and the
 * evaluators' text. Every piece of text from the record is escaped; the page carries no script,
 * and nothing on it depends on the moment it is rendered, so the same evaluation gives the same bytes.
 */
import type { EvaluationIndicator, PlanEvaluation } from '../evaluation/evaluation-types.js';
import { EVALUATION_LABEL as L } from '../vocabulary/evaluation.js';
import { heightFor, renderSvg } from './assessment-charts.js';
import { REPORT_CSS, escapeHtml, htmlTable } from './assessment-html.js';
import {
  CHAPTER_COLUMNS,
  PROBLEM_COLUMNS,
  chapterRows,
  evaluationSubtitle,
  evaluationTitle,
  indicatorColumns,
  problemRows,
  resultLabel,
} from './evaluation-columns.js';

/** The `data-section` of the sections that hold a chart, one `<svg>` each. */
export const EVALUATION_CHART_SECTIONS = ['targets', 'progress'] as const;

/** On screen the sections are one page: space them (in print each starts a page). */
const EXTRA_CSS = 'section { margin-top: 8mm; } section h4 { margin-top: 6mm; }';

const COLOR = { achieved: '#52c41a', notAchieved: '#f5222d', unreported: '#bfbfbf', progress: '#13a8a8' };

/** Per chapter with stated targets: met, not met, not reported (stacked). */
export function targetsChart(evaluation: PlanEvaluation): string {
  const chapters = evaluation.chapters.filter((c) => c.indicators.total > 0);
  const of = (code: string | null) => evaluation.indicators.filter((i) => i.chapterCode === code);
  const series = (
    [
      ['achieved', L.achieved, (i: EvaluationIndicator) => i.achieved === true],
      ['notAchieved', L.notAchieved, (i: EvaluationIndicator) => i.achieved === false],
      ['unreported', L.unreported, (i: EvaluationIndicator) => i.achieved === null],
    ] as const
  ).map(([key, name, test]) => ({
    type: 'bar',
    name,
    stack: 'targets',
    itemStyle: { color: COLOR[key] },
    label: { show: true, formatter: ({ value }: { value: number }) => (value > 0 ? String(value) : '') },
    data: chapters.map((c) => of(c.code).filter(test).length),
  }));
  return renderSvg(
    'targets',
    {
      legend: { top: 0 },
      grid: { left: 200, right: 30, top: 36, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: chapters.map((c) => `${c.code ?? ''} ${c.title}`), axisLabel: { width: 190, overflow: 'truncate' } },
      series,
    },
    heightFor(chapters.length) + 16,
  );
}

/** Each stated target's way from baseline to target, capped at 100 % for the bar (the label tells the real share). */
export function progressChart(evaluation: PlanEvaluation): string {
  const items = evaluation.indicators;
  return renderSvg(
    'progress',
    {
      grid: { left: 220, right: 110, top: 20, bottom: 30 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name), axisLabel: { width: 210, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: L.progress,
          itemStyle: { color: COLOR.progress },
          label: {
            show: true,
            position: 'right',
            formatter: ({ dataIndex }: { dataIndex: number }) => {
              const i = items[dataIndex];
              return i.progress === null ? `${resultLabel(i)}（无法计算进度）` : `${(i.progress * 100).toFixed(1)}%，${resultLabel(i)}`;
            },
          },
          markLine: { symbol: 'none', silent: true, label: { show: false }, lineStyle: { color: '#595959' }, data: [{ xAxis: 100 }] },
          data: items.map((i) => (i.progress === null ? 0 : Math.round(Math.min(1, Math.max(0, i.progress)) * 1000) / 10)),
        },
      ],
    },
    heightFor(items.length),
  );
}

/** Paragraphs of the evaluators' text, escaped; an empty text says so. */
function paragraphs(text: string): string {
  const parts = text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length === 0 ? '<p class="note">（尚未填写）</p>' : parts.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
}

export function renderEvaluationHtml(evaluation: PlanEvaluation): string {
  const title = escapeHtml(evaluationTitle(evaluation));
  const columns = indicatorColumns(evaluation);
  const t = evaluation.totals;
  const figures: [string, string][] = [
    ['规划目标完成', `${t.targetsAchieved.achieved}/${t.targetsAchieved.total}`],
    ['推算目标完成', `${t.derivedAchieved.achieved}/${t.derivedAchieved.total}`],
    ['任务完成', `${t.tasksCompleted.completed}/${t.tasksCompleted.total}`],
    [L.overdue, String(t.overdueTasks)],
    ['进展滞后指标', String(t.offTrackIndicators)],
    ['未报送指标', String(t.unreportedIndicators)],
    ['逾期未报', String(t.missedReports)],
  ];
  const problems = problemRows(evaluation.problems);
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${REPORT_CSS}${EXTRA_CSS}</style></head>`,
    '<body>',
    `<header><h1>${title}</h1><p class="meta">${escapeHtml(evaluationSubtitle(evaluation))}。</p>`,
    `<dl class="figures">${figures.map(([term, value]) => `<dt>${term}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl></header>`,
    `<section data-section="targets"><h2>一、规划目标完成情况（按章节）</h2><p class="note">各章规划目标中${L.achieved}、${L.notAchieved}与${L.unreported}的数量（不含由表述推算的指标）。</p><figure class="chart">${targetsChart(evaluation)}</figure></section>`,
    `<section data-section="progress"><h2>二、指标完成进度</h2><p class="note">各指标从基数走向目标的进度（超过目标按 100% 画出，标注为实际比例），竖线为目标。</p><figure class="chart">${progressChart(evaluation)}</figure></section>`,
    `<section data-section="indicators"><h2>三、规划指标完成情况表</h2><div class="scroll">${htmlTable(columns, evaluation.indicators)}</div>`,
    `<h4>由规划表述推算目标的指标（${evaluation.derivedIndicators.length} 项，另列）</h4>`,
    evaluation.derivedIndicators.length > 0 ? `<div class="scroll">${htmlTable(columns, evaluation.derivedIndicators)}</div>` : '<p class="note">无。</p>',
    '</section>',
    `<section data-section="chapters"><h2>四、任务完成情况（按章节）</h2><div class="scroll">${htmlTable(CHAPTER_COLUMNS, chapterRows(evaluation.chapters), true)}</div></section>`,
    `<section data-section="problems"><h2>五、存在问题（按责任部门）</h2>${problems.length > 0 ? htmlTable(PROBLEM_COLUMNS, problems) : '<p class="note">无。</p>'}</section>`,
    `<section data-section="findings"><h2>六、${L.findings}</h2>${paragraphs(evaluation.findings)}<h2>七、${L.measures}</h2>${paragraphs(evaluation.measures)}</section>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
