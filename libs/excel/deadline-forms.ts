import { DEADLINE_PROBLEMS } from './excel.messages.js';
/** A deadline cell read: the calendar date it means, or why it cannot be one. */
export type DeadlineReading = { date: string } | { problem: string };

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };
// Periodic and open-ended deadlines wait for reporting cycles (the periodic-reports issue).
const PERIODIC = /^(每[年季月周旬天日]|长期|持续|常态|逐年|按季|按月|按年)/;

/**
 * The forms Chinese offices write a deadline in: `2025-12-31`, `2025/12/31`, `2025.12.31`,
 * `2025年12月31日`, `2025年12月底`, `2025年12月`, `2025.12`, `2025年底`, `2025年`,
 * `2025年上半年`, `2025年第三季度`, each optionally followed by 前/以前/之前; a month or
 * a year means its last day. A date cell (a Date) is taken as it is.
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
  const text = (typeof value === 'string' ? value : '').replace(/\s+/g, '').replace(/(之前|以前|前)$/, '');
  if (text === '') return { problem: DEADLINE_PROBLEMS.empty };
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
