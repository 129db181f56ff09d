/**
 * A user's deadlines as an iCalendar feed: one all-day event per open task on
 * its due date (DTSTART;VALUE=DATE, so no time zone can move it to another day),
 * a stable UID per task (a calendar client updates the event when the deadline
 * moves, and drops it when the task is completed), and two reminders: 09:00
 * the day before and 09:00 on the day, in the client's local time. Tasks with a reporting cycle (定期报送) add the
 * next report each department owes, one event per task and department (its UID stays while the period advances).
 */
import ical, { ICalAlarmRelatesTo, ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import { addDays } from '../common/dates.js';
import type { FeedTask } from '../db/repositories/calendar-feed.repository.js';
import type { TaskStatus } from '../tasks/task-status.js';
import { STATUS_LABEL } from '../tasks/tasks.messages.js';
import { periodLabel } from '../vocabulary/tasks.js';
import { FEED_TEXT } from './calendar-feed.messages.js';

export interface FeedInput {
  /** Shown by calendar clients as the calendar's name (X-WR-CALNAME). */
  calendarName: string;
  timeZone: string;
  /** Where people open a task: `${taskUrl}/${id}`. */
  taskUrl: string;
  tasks: readonly FeedTask[];
  /** The next report period owed, per task and owing department. */
  reports?: readonly FeedReport[];
  departmentNames: ReadonlyMap<string, string>;
  /** DTSTAMP: when the feed was generated. */
  now: Date;
}

/** A report period (定期报送) that a department owes next on a task. */
export interface FeedReport {
  taskId: string;
  taskTitle: string;
  departmentCode: string;
  period: string;
  dueDate: string;
}

/** 15 hours before the start of the due date (its midnight) is 09:00 the day before. */
const DAY_BEFORE_AT_NINE = 15 * 3600;
const NINE_HOURS = 9 * 3600;

export function taskEventUid(taskId: string): string {
  return `task-${taskId}@duban`;
}

export function reportEventUid(taskId: string, departmentCode: string): string {
  return `report-${taskId}-${departmentCode}@duban`;
}

export function renderFeed(input: FeedInput): string {
  const calendar = ical({
    name: input.calendarName,
    prodId: { company: 'duban', product: 'deadlines', language: 'ZH' },
    method: ICalCalendarMethod.PUBLISH,
    // All events are dates, so no VTIMEZONE is needed; clients still learn the plan's zone.
    x: { 'X-WR-TIMEZONE': input.timeZone },
    ttl: 3600,
  });
  const name = (code: string) => input.departmentNames.get(code) ?? code;
  for (const task of input.tasks) {
    const url = `${input.taskUrl}/${task.id}`;
    const description = [
      FEED_TEXT.lead(name(task.leadDepartmentCode)),
      ...(task.coDepartmentCodes.length > 0 ? [FEED_TEXT.co(task.coDepartmentCodes.map(name))] : []),
      FEED_TEXT.status(STATUS_LABEL[task.status as TaskStatus] ?? task.status),
      FEED_TEXT.due(task.dueDate),
      FEED_TEXT.link(url),
    ].join('\n');
    const event = calendar.createEvent({
      id: taskEventUid(task.id),
      // Dates as `YYYY-MM-DD` strings: ical-generator writes them as DATE values, untouched by any zone.
      start: task.dueDate,
      end: addDays(task.dueDate, 1),
      allDay: true,
      summary: FEED_TEXT.summary(task.title),
      description,
      url,
      stamp: input.now,
      lastModified: task.updatedAt,
      // The task's version grows with every change, as SEQUENCE must.
      sequence: task.version,
    });
    event.createAlarm({ type: ICalAlarmType.display, trigger: DAY_BEFORE_AT_NINE, description: FEED_TEXT.remindDayBefore(task.title) });
    // A trigger after the event is written relative to its END unless told otherwise (and the
    // constructor ignores `relatesTo`): the end is the next midnight, so 09:00 needs START.
    event
      .createAlarm({ type: ICalAlarmType.display, triggerAfter: NINE_HOURS, description: FEED_TEXT.remindOnTheDay(task.title) })
      .relatesTo(ICalAlarmRelatesTo.start);
  }
  for (const report of input.reports ?? []) {
    const url = `${input.taskUrl}/${report.taskId}`;
    const period = periodLabel(report.period);
    const event = calendar.createEvent({
      id: reportEventUid(report.taskId, report.departmentCode),
      start: report.dueDate,
      end: addDays(report.dueDate, 1),
      allDay: true,
      summary: FEED_TEXT.reportSummary(report.taskTitle, period),
      description: [FEED_TEXT.reporter(name(report.departmentCode)), FEED_TEXT.period(period), FEED_TEXT.reportDue(report.dueDate), FEED_TEXT.link(url)].join(
        '\n',
      ),
      url,
      stamp: input.now,
      // The event moves to the next period once this one is filed: its day number grows with it, as SEQUENCE must.
      sequence: Math.floor(Date.parse(report.dueDate) / 86_400_000),
    });
    event.createAlarm({ type: ICalAlarmType.display, trigger: DAY_BEFORE_AT_NINE, description: FEED_TEXT.reportDayBefore(report.taskTitle, period) });
    event
      .createAlarm({ type: ICalAlarmType.display, triggerAfter: NINE_HOURS, description: FEED_TEXT.reportOnTheDay(report.taskTitle, period) })
      .relatesTo(ICalAlarmRelatesTo.start);
  }
  return calendar.toString();
}
