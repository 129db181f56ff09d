/**
 * What both assessment reports (the workbook and the HTML page) say the same way:
 * Chinese names of statuses, grades and trends, derived shares, times in the plan's
 * time zone and Excel sheet names. Pure; the renderers only lay these out.
 */
import type { AssessmentReport, DepartmentMetrics, Grade, ReportIndicator } from '../assessment/assessment-types.js';
import { progressShare, type Trend } from '../indicators/indicator-trend.js';
import { STATUS_LABEL, TaskStatus } from '../tasks/task-status.js';
import { CYCLE_STATUS } from '../vocabulary/assessment.js';
import { GRADES } from '../vocabulary/tasks.js';

/** Deadlines and completion times are read in the plan's time zone. */
export const REPORT_TIME_ZONE = 'Asia/Shanghai';

/** Placeholder for a value that does not exist (no reviewer yet, nothing to divide by). */
export const NONE = '—';

export { GRADES };

export const GRADE_LABEL: Record<Grade, string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

export const TRENDS: readonly (Trend | 'unknown')[] = ['on_track', 'at_risk', 'off_track', 'unknown'];

export const TREND_LABEL: Record<Trend | 'unknown', string> = {
  on_track: '正常推进',
  at_risk: '存在风险',
  off_track: '严重滞后',
  unknown: '数据不足',
};

export function reportTitle(report: AssessmentReport): string {
  return `${report.year} 年度目标考核报告`;
}

export function cycleStatusLabel(status: AssessmentReport['status']): string {
  return status === CYCLE_STATUS.Finalized ? '已定稿' : '未定稿';
}

/** `已定稿，数据截至 2026-01-05 10:00`: what a reader must know before trusting the numbers. */
export function reportSubtitle(report: AssessmentReport): string {
  return `${cycleStatusLabel(report.status)}，数据截至 ${formatDateTime(report.asOf)}`;
}

/** A task status in Chinese; an unknown wire value is shown as it is rather than hidden. */
export function statusLabel(status: string): string {
  return STATUS_LABEL[status as TaskStatus] ?? status;
}

export function gradeLabel(grade: Grade | null): string {
  return grade ? GRADE_LABEL[grade] : '';
}

export function trendLabel(trend: Trend | null): string {
  return TREND_LABEL[trend ?? 'unknown'];
}

/**
 * Completed on time over the tasks whose due date has passed (on time, late, overdue);
 * tasks not yet due neither help nor hurt. Null when none has come due.
 */
export function onTimeShare(metrics: DepartmentMetrics): number | null {
  const come = metrics.onTime + metrics.late + metrics.overdue;
  return come === 0 ? null : metrics.onTime / come;
}

/** How far the indicator has come from baseline to target (see progressShare). */
export function indicatorProgress(indicator: ReportIndicator): number | null {
  return progressShare(indicator.baseline, indicator.target, indicator.latest?.value ?? null);
}

/** `0.8125` → `81.3%`; null → `—`. */
export function formatPercent(share: number | null, digits = 1): string {
  return share === null ? NONE : `${(share * 100).toFixed(digits)}%`;
}

/** Scores and means with fixed decimals; null → `—`. */
export function formatNumber(value: number | null, digits = 2): string {
  return value === null ? NONE : value.toFixed(digits);
}

let wallClockFormat: Intl.DateTimeFormat | undefined;

/**
 * The wall-clock time of `instant` in the report's time zone, as a Date whose UTC
 * fields carry it: Excel dates have no zone, and exceljs writes a Date's UTC fields.
 */
export function wallClock(instant: string | Date): Date {
  wallClockFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: REPORT_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const parts: Record<string, number> = {};
  for (const part of wallClockFormat.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
}

/** A calendar date (`YYYY-MM-DD`) as an Excel-ready Date at midnight. */
export function calendarDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** `2026-01-05 10:00` in the report's time zone. */
export function formatDateTime(instant: string | Date): string {
  return wallClock(instant).toISOString().slice(0, 16).replace('T', ' ');
}

/** Excel's sheet-name rules: at most 31 characters, none of these, not blank, no leading or trailing quote. */
const SHEET_NAME_MAX = 31;
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;

/**
 * Names Excel accepts for `names`, in order, each unique (case-insensitively, as Excel
 * compares) among themselves and against `taken`. Forbidden characters become `_`, long
 * names are cut (whole characters, never half a surrogate pair), and a clash gets `(2)`, `(3)`….
 */
export function sheetNames(names: readonly string[], taken: readonly string[] = []): string[] {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  return names.map((raw) => {
    const base =
      clip(
        raw
          .replace(SHEET_NAME_FORBIDDEN, '_')
          .trim()
          .replace(/^'+|'+$/g, ''),
        SHEET_NAME_MAX,
      ) || '部门';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()) || name.toLowerCase() === 'history'; n += 1) {
      const suffix = `(${n})`;
      name = clip(base, SHEET_NAME_MAX - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

function clip(text: string, length: number): string {
  const chars = Array.from(text);
  return chars.length <= length ? text : chars.slice(0, length).join('').replace(/'+$/, '');
}

/** A department with nothing due in the year is shown, not ranked. */
export const UNRANKED = '无考核任务';

export function rankLabel(rank: number | null): string {
  return rank === null ? UNRANKED : `第 ${rank} 名`;
}

/** Ranked departments by rank, then the unranked in the order given (plan order). */
export function byRank<T extends { rank: number | null }>(departments: readonly T[]): T[] {
  return [...departments].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
}
