import type { WorkdayCalendar } from '../calendar/workday-calendar.js';
import type { EscalationStep } from '../policy/escalation-policy.js';
import { calendarDate } from '../common/dates.js';

/**
 * The reminder ladder as pure functions: when each step of the policy falls
 * due for a deadline, which steps a sweep must record now, and when the task
 * needs looking at next.
 */

const ends = new Map<string, Date>();
const formats = new Map<string, Intl.DateTimeFormat>();

/** The instant a calendar date ends in `timeZone` (the next day's midnight there). Memoised: sweeps ask for the same days again and again. */
export function endOfDay(date: string, timeZone: string): Date {
  const key = `${timeZone}|${date}`;
  const known = ends.get(key);
  if (known) return known;
  const next = Date.parse(`${date}T00:00:00Z`) + 86_400_000;
  // The zone's offset at that instant (two passes settle a daylight-saving change).
  let instant = next - zoneOffsetMs(next, timeZone);
  instant = next - zoneOffsetMs(instant, timeZone);
  const end = new Date(instant);
  if (ends.size > 100_000) ends.clear();
  ends.set(key, end);
  return end;
}

function zoneOffsetMs(instant: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** When `step` falls due for a task due on `dueDate`: day offsets in (working) days, then the time part. */
export function stepMoment(dueDate: string, step: Pick<EscalationStep, 'at'>, calendar: WorkdayCalendar, timeZone: string): Date {
  const { sign, days, timeMs } = step.at;
  const day = days === 0 ? dueDate : calendar.shiftWorkdays(dueDate, sign * days);
  return new Date(endOfDay(day, timeZone).getTime() + sign * timeMs);
}

/**
 * When a review step falls due for work submitted at `submittedAt`: whole days
 * (working days when the calendar says so) after the submission's date, at the
 * submission's time of day, then the time part.
 */
export function reviewStepMoment(submittedAt: Date, step: Pick<EscalationStep, 'at'>, calendar: WorkdayCalendar, timeZone: string): Date {
  const { days, timeMs } = step.at;
  const submittedOn = calendarDate(timeZone, submittedAt);
  const shiftedDays = days === 0 ? 0 : Math.round((Date.parse(calendar.shiftWorkdays(submittedOn, days)) - Date.parse(submittedOn)) / 86_400_000);
  return new Date(submittedAt.getTime() + shiftedDays * 86_400_000 + timeMs);
}

/**
 * Steps already past when the ladder started (`ladderFrom`: the task assigned
 * or its deadline set) are skipped, all but the latest of them, so a task
 * created late gets one alert, not the whole ladder.
 */
export function liveSteps(moments: Date[], ladderFrom: Date): boolean[] {
  const passed = moments.map((m) => m.getTime() <= ladderFrom.getTime());
  const latestPassed = Math.max(...moments.filter((_, i) => passed[i]).map((m) => m.getTime()));
  return moments.map((m, i) => !passed[i] || m.getTime() === latestPassed);
}

/** Indices of the live steps due at `now` (recording is idempotent, so earlier ones may be included). */
export function dueSteps(moments: Date[], ladderFrom: Date, now: Date): number[] {
  const live = liveSteps(moments, ladderFrom);
  return moments.flatMap((m, i) => (live[i] && m.getTime() <= now.getTime() ? [i] : []));
}

/** The first live step after `after`, or null when the ladder is done. */
export function nextStepAt(moments: Date[], ladderFrom: Date, after: Date): Date | null {
  const live = liveSteps(moments, ladderFrom);
  const later = moments.filter((m, i) => live[i] && m.getTime() > after.getTime()).map((m) => m.getTime());
  return later.length > 0 ? new Date(Math.min(...later)) : null;
}
