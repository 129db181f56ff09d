import { createRequire } from 'node:module';
import { type CalendarDay, type CalendarDayKind, yearOf } from './china-calendar.js';

/**
 * The State Council holiday notices as npm `chinese-days` publishes them
 * (`dist/chinese-days.json`, documented in its README). Its JavaScript API only
 * answers one date at a time; the data file lists the days themselves, which is
 * what tells which years are covered.
 */

export interface PackagedDay extends CalendarDay {
  /** The festival in Chinese, e.g. 春节. */
  name: string;
}

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const DATA_FILE = 'chinese-days/dist/chinese-days.json';
let cached: readonly PackagedDay[] | undefined;

/** Every holiday and make-up workday the package knows, by date. */
export function packagedDays(): readonly PackagedDay[] {
  cached ??= parsePackagedDays(createRequire(import.meta.url)(DATA_FILE), DATA_FILE);
  return cached;
}

/** The package's data file as days; throws naming what is wrong, so an incompatible upgrade fails loudly. */
export function parsePackagedDays(data: unknown, source = DATA_FILE): PackagedDay[] {
  const file = data as Partial<ChineseDaysData> | null;
  const days: PackagedDay[] = [];
  const add = (entries: unknown, kind: CalendarDayKind, field: string) => {
    if (!entries || typeof entries !== 'object' || Array.isArray(entries)) throw new Error(`${source}: "${field}" is missing or not an object`);
    for (const [date, label] of Object.entries(entries as Record<string, unknown>)) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || typeof label !== 'string')
        throw new Error(`${source}: unexpected ${field} entry ${JSON.stringify({ [date]: label })}`);
      // "Spring Festival,春节,4": English name, Chinese name, length of the holiday.
      days.push({ date, kind, name: label.split(',')[1] ?? label });
    }
  };
  add(file?.holidays, 'holiday', 'holidays');
  add(file?.workdays, 'workday', 'workdays');
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** The years the package has data for, ascending. */
export function packagedYears(days: readonly CalendarDay[] = packagedDays()): number[] {
  return [...new Set(days.map((day) => yearOf(day.date)))].sort((a, b) => a - b);
}

let byDate: Map<string, PackagedDay> | undefined;

/** What the package says about `date`, if anything. */
export function packagedDayOn(date: string): PackagedDay | undefined {
  byDate ??= new Map(packagedDays().map((day) => [day.date, day]));
  return byDate.get(date);
}
