import { isCalendarDate } from '../common/dates.js';
import type { WorkdayCalendar } from './workday-calendar.js';

/**
 * Working-day arithmetic of the mainland China calendar, as pure functions:
 * the packaged State Council data, administrators' corrections on top, and
 * Monday–Friday for every day neither mentions.
 */

export const CALENDAR_DAY_KINDS = ['workday', 'holiday'] as const;
/** `workday` (incl. a make-up workday on a weekend, 调休上班) or `holiday` (incl. a weekday off, 调休放假). */
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (a Thursday); integers make stepping through the calendar cheap. */
function dayNumber(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date YYYY-MM-DD: ${JSON.stringify(date)}`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isMondayToFriday(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday >= 1 && weekday <= 5;
}

function checkOffset(days: number): void {
  if (!Number.isSafeInteger(days)) throw new RangeError(`a day offset must be a whole number, got ${days}`);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/**
 * The calendar of `packaged` days (the package's holidays and make-up workdays)
 * with `overrides` (an administrator's entries) winning over them; every other
 * day is a workday from Monday to Friday. A year has data when either list
 * mentions one of its days.
 */
export function chinaCalendar(packaged: readonly CalendarDay[], overrides: readonly CalendarDay[]): WorkdayCalendar {
  const kinds = new Map<number, CalendarDayKind>();
  const years = new Set<number>();
  for (const day of [...packaged, ...overrides]) {
    kinds.set(dayNumber(day.date), day.kind);
    years.add(yearOf(day.date));
  }
  const works = (day: number) => {
    const kind = kinds.get(day);
    return kind ? kind === 'workday' : isMondayToFriday(day);
  };
  return {
    isWorkday: (date) => works(dayNumber(date)),
    shiftWorkdays(date, days) {
      checkOffset(days);
      let day = dayNumber(date);
      const step = Math.sign(days);
      // Terminates: the lists are finite, so Monday–Friday lies beyond them in both directions.
      for (let left = Math.abs(days); left > 0;) {
        day += step;
        if (works(day)) left -= 1;
      }
      return dateOf(day);
    },
    hasDataFor: (year) => years.has(year),
  };
}

/** For `workdays: false`: offsets count calendar days, so every day is a "workday" and no year lacks data. */
export function calendarDays(): WorkdayCalendar {
  return {
    isWorkday(date) {
      dayNumber(date); // still refuses what is not a date
      return true;
    },
    shiftWorkdays(date, days) {
      checkOffset(days);
      return dateOf(dayNumber(date) + days);
    },
    hasDataFor: () => true,
  };
}

/** The years among `years` without data in `calendar`, ascending and each once. */
export function yearsWithoutData(calendar: WorkdayCalendar, years: Iterable<number>): number[] {
  return [...new Set(years)].filter((year) => !calendar.hasDataFor(year)).sort((a, b) => a - b);
}

/**
 * The years a deadline's reminders touch: from `date` moved by `fromDays`
 * working days to `date` moved by `toDays` (e.g. the ladder's first and last
 * step), ascending.
 */
export function yearsSpanned(calendar: WorkdayCalendar, date: string, fromDays: number, toDays: number): number[] {
  const first = yearOf(calendar.shiftWorkdays(date, Math.min(fromDays, toDays, 0)));
  const last = yearOf(calendar.shiftWorkdays(date, Math.max(fromDays, toDays, 0)));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The dates whose kind differs between two sets of entries, by date. */
export function changedDates(before: ReadonlyMap<string, CalendarDayKind>, after: ReadonlyMap<string, CalendarDayKind>): string[] {
  const dates = new Set([...before.keys(), ...after.keys()]);
  return [...dates].filter((date) => before.get(date) !== after.get(date)).sort();
}
