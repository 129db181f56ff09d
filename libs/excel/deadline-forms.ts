import { DEADLINE_PROBLEMS } from './excel.messages.js';
import type { ReportCycle } from '../vocabulary/tasks.js';

/**
 * A deadline cell read: the calendar date it means, and the reporting cycle it names (定期报送); a cycle
 * alone (`每季度`, `长期坚持`) means an open-ended task (`date: null`). Or why it cannot be one.
 */
export type DeadlineReading = { date: string; reportEvery?: ReportCycle } | { date: null; reportEvery: ReportCycle } | { problem: string };

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };
/**
 * The cycles a 分工表 writes: 每月 → P1M, 每季度 → P3M, 每半年 → P6M, and 长期坚持 (or 长期, 持续推进, 常态化),
 * an ongoing duty with no final deadline, reported quarterly (季报, what supervision offices ask of ongoing duties).
 * An optional 报送/报告/末/底 follows (每季度末, 每月报送).
 */
const CYCLES: Array<[RegExp, ReportCycle]> = [
  [/^(每个?月|按月)(末|底)?(报送|报告|调度)?$/, 'P1M'],
  [/^(每个?季度?|按季度?)(末|底)?(报送|报告|调度)?$/, 'P3M'],
  [/^(每半年|按半年)(末|底)?(报送|报告)?$/, 'P6M'],
  [/^(长期坚持|长期|持续推进|持续|常态化|常态化推进)$/, 'P3M'],
];
// Other periodic forms have no reporting cycle to map to: a yearly duty is one task (one row) per year.
const PERIODIC = /^(每[年周旬天日]|逐年|按年)/;

/**
 * The forms Chinese offices write a deadline in: `2025-12-31`, `2025/12/31`, `2025.12.31`,
 * `2025年12月31日`, `2025年12月底`, `2025年12月`, `2025.12`, `2025年底`, `2025年`,
 * `2025年上半年`, `2025年第三季度`, each optionally followed by 前/以前/之前; a month or
 * a year means its last day. A date cell (a Date) is taken as it is. A cycle (每月, 每季度,
 * 每半年, 长期坚持) makes an open-ended task with that reporting cycle; a date and a cycle
 * (`2025年底前，每季度报送`) a task with both.
 */
export function readDeadline(value: unknown): DeadlineReading {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { problem: DEADLINE_PROBLEMS.invalidDate };
    return { date: value.toISOString().slice(0, 10) };
  }
  // A number cell holding 2025.12 (Excel drops a trailing zero: 2025.10 arrives as 2025.1, which means October).
  if (typeof value === 'number') {
    const match = /^(\d{4})\.(\d{1,2})$/.exec(String(value));
    if (!match) return { problem: DEADLINE_PROBLEMS.unreadable(String(value)) };
    return monthEnd(Number(match[1]), match[2].length === 1 ? Number(match[2]) * 10 : Number(match[2]), String(value));
  }
  const text = (typeof value === 'string' ? value : '').replace(/\s+/g, '');
  if (text === '') return { problem: DEADLINE_PROBLEMS.empty };
  const cycle = cycleOf(text);
  if (cycle) return { date: null, reportEvery: cycle };
  // A date and a cycle: 2025年底前，每季度报送.
  const parts = text.split(/[，,；;、]/).filter(Boolean);
  if (parts.length === 2) {
    const [first, second] = parts;
    const [datePart, cyclePart] = cycleOf(second) ? [first, second] : [second, first];
    const dated = cycleOf(cyclePart) ? readDate(datePart) : null;
    if (dated && 'date' in dated && dated.date !== null) return { date: dated.date, reportEvery: cycleOf(cyclePart)! };
  }
  return readDate(text);
}

function cycleOf(text: string): ReportCycle | null {
  return CYCLES.find(([form]) => form.test(text))?.[1] ?? null;
}

/** One date as written (no cycle). */
function readDate(written: string): DeadlineReading {
  const text = written.replace(/(之前|以前|前)$/, '');
  if (PERIODIC.test(text)) return { problem: DEADLINE_PROBLEMS.periodic(text) };
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (m) return exactDay(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = /^(\d{4})[-/.年](\d{1,2})月?(底|末|份)?$/.exec(text);
  if (m) return monthEnd(Number(m[1]), Number(m[2]), text);
  m = /^(\d{4})年?(底|末|年底|年末)?$/.exec(text);
  if (m) return { date: `${m[1]}-12-31` };
  m = /^(\d{4})年(上|下)半年(末|底)?$/.exec(text);
  if (m) return { date: m[2] === '上' ? `${m[1]}-06-30` : `${m[1]}-12-31` };
  m = /^(\d{4})年第?([1-4一二三四])季度(末|底)?$/.exec(text);
  if (m) return monthEnd(Number(m[1]), (CN_DIGIT[m[2]] ?? Number(m[2])) * 3, text);
  return { problem: DEADLINE_PROBLEMS.unknownForm(text) };
}

function exactDay(year: number, month: number, day: number, text: string): DeadlineReading {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { problem: DEADLINE_PROBLEMS.noSuchDay(text) };
  }
  return { date: date.toISOString().slice(0, 10) };
}

function monthEnd(year: number, month: number, text: string): DeadlineReading {
  if (month < 1 || month > 12) return { problem: DEADLINE_PROBLEMS.noSuchMonth(text) };
  return { date: new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10) };
}
