import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { calendarDate, isCalendarDate } from '../common/dates.js';
import { InvalidInputError, NotFoundError } from '../common/errors.js';
import type { Actor } from '../common/roles.js';
import { AppConfig } from '../config/app-config.js';
import type { CalendarDayEntity } from '../db/entities/calendar-day.entity.js';
import { CalendarRepository } from '../db/repositories/calendar.repository.js';
import { Transactions } from '../db/transaction.js';
import type { EscalationPolicy } from '../policy/escalation-policy.js';
import { ESCALATION_POLICY } from '../policy/policy.module.js';
import {
  CALENDAR_DAY_KINDS,
  type CalendarDay,
  type CalendarDayKind,
  calendarDays,
  changedDates,
  chinaCalendar,
  yearOf,
  yearsSpanned,
  yearsWithoutData,
} from './china-calendar.js';
import { packagedDayOn, packagedDays, packagedYears } from './packaged-days.js';
import type { WorkdayCalendar } from './workday-calendar.js';
import { CALENDAR_MESSAGES } from './calendar.messages.js';

/**
 * How long a process trusts its copy of the administrators' entries: another
 * process's change (API and worker run apart in production) shows within this.
 */
const REFRESH_MS = 30_000;
const DAY_MS = 86_400_000;
const NOTE_MAX = 200;

export type CalendarDaySource = 'package' | 'admin';

export interface CalendarDayView {
  date: string;
  kind: CalendarDayKind;
  note: string;
  source: CalendarDaySource;
  /** On an administrator's entry: what the package says about the date (null: nothing, Monday–Friday applies). */
  packageKind?: CalendarDayKind | null;
  updatedAt?: Date;
  updatedBy?: string | null;
}

export interface CalendarCoverage {
  /** The policy's `workdays`: false means offsets count calendar days and no data is needed. */
  workdays: boolean;
  packageYears: number[];
  adminYears: number[];
  yearsWithData: number[];
  /** This year, next year and the years of open tasks' deadlines. */
  checkedYears: number[];
  missingYears: number[];
  /** The warning for people, or null when nothing is missing. */
  message: string | null;
}

export interface CalendarDayInput {
  date: string;
  kind: CalendarDayKind;
  note?: string;
}

export interface CalendarDaysChange {
  /** The dates whose kind changed (entered, corrected or removed). */
  dates: string[];
  /** The calendar with the change. */
  calendar: WorkdayCalendar;
}
export type CalendarDaysListener = (change: CalendarDaysChange) => void | Promise<void>;

interface Loaded {
  calendar: WorkdayCalendar;
  overrides: Map<string, CalendarDayKind>;
  at: number;
}

const CALENDAR_DAYS = calendarDays();

/**
 * The working-day calendar the reminder ladder counts in: the packaged State
 * Council data with administrators' entries on top (audited), or plain calendar
 * days when the policy says `workdays: false`. Warns, at start-up and in
 * `/health`, about years whose holidays nobody has entered.
 */
@Injectable()
export class CalendarService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Calendar');
  private readonly listeners = new Set<CalendarDaysListener>();
  private readonly ladderSpan: { from: number; to: number };
  private loaded: Loaded | null = null;
  private inFlight: Promise<Loaded> | null = null;
  private loadsStarted = 0;
  private loadApplied = 0;
  private poll?: NodeJS.Timeout;
  private dueYearsCache?: { years: number[]; at: number };

  constructor(
    private readonly days: CalendarRepository,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly config: AppConfig,
    @Inject(ESCALATION_POLICY) private readonly policy: EscalationPolicy,
  ) {
    // The working days a deadline's reminders reach, before (warning window, early steps) and after it.
    const offsets = [0, -wholeDays(policy.warnBefore), ...policy.steps.map((step) => step.at.sign * wholeDays(step.at))];
    this.ladderSpan = { from: Math.min(...offsets), to: Math.max(...offsets) };
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      const { message } = await this.coverage();
      if (message) this.logger.warn(message);
    } catch (error) {
      this.logger.error(`无法检查工作日历的年份覆盖：${(error as Error).message}`);
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.poll);
  }

  /** The calendar to count day offsets in; reflects other processes' changes within REFRESH_MS. */
  async calendar(): Promise<WorkdayCalendar> {
    if (!this.policy.workdays) return CALENDAR_DAYS;
    return (await this.current()).calendar;
  }

  /**
   * Calls `listener` after the administrators' days change, in this process or
   * (noticed within REFRESH_MS) another; returns the unsubscribe function.
   * Listeners run after the change is committed and are not awaited.
   */
  onDaysChanged(listener: CalendarDaysListener): () => void {
    this.listeners.add(listener);
    if (!this.poll && this.policy.workdays) {
      this.poll = setInterval(() => void this.refresh().catch((error: Error) => this.logger.error(`刷新工作日历失败：${error.message}`)), REFRESH_MS);
      this.poll.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        clearInterval(this.poll);
        this.poll = undefined;
      }
    };
  }

  /** Enters or corrects one day (an administrator's action, audited). */
  async setDay(actor: Actor, input: CalendarDayInput): Promise<CalendarDayView> {
    checkDate(input.date);
    if (!isKind(input.kind)) throw new InvalidInputError(CALENDAR_MESSAGES.badKind(input.kind));
    const note = input.note ?? '';
    if (note.length > NOTE_MAX) throw new InvalidInputError(CALENDAR_MESSAGES.noteTooLong(NOTE_MAX));
    await this.current(); // what the change is compared with, to tell the listeners
    const saved = await this.tx.run(async () => {
      await this.days.lockChanges();
      const before = await this.days.findByDate(input.date);
      const saved = await this.days.upsert({ date: input.date, kind: input.kind, note, updatedBy: actor.id });
      await this.audit.record({
        actorId: actor.id,
        action: 'calendar.set',
        entityType: 'calendar_day',
        entityId: input.date,
        before: before ? entered(before) : null,
        after: entered(saved),
        detail: { packageKind: packagedDayOn(input.date)?.kind ?? null },
      });
      return saved;
    });
    await this.afterChange();
    return adminView(saved);
  }

  /** Removes an administrator's entry, so the package (or Monday–Friday) applies again; audited. */
  async removeDay(actor: Actor, date: string): Promise<void> {
    checkDate(date);
    await this.current();
    await this.tx.run(async () => {
      await this.days.lockChanges();
      const before = await this.days.findByDate(date);
      if (!before) throw new NotFoundError(CALENDAR_MESSAGES.notEntered(date));
      await this.days.remove(date);
      await this.audit.record({ actorId: actor.id, action: 'calendar.remove', entityType: 'calendar_day', entityId: date, before: entered(before) });
    });
    await this.afterChange();
  }

  /**
   * The days that differ from Monday–Friday: with `year`, the package's holidays
   * and make-up workdays of that year and the administrators' entries (which win);
   * without, every administrator's entry. By date.
   */
  async listDays(year?: number): Promise<CalendarDayView[]> {
    const views = new Map<string, CalendarDayView>();
    if (year !== undefined) {
      for (const day of packagedDays()) {
        if (yearOf(day.date) === year) views.set(day.date, { date: day.date, kind: day.kind, note: CALENDAR_MESSAGES.packagedNote(day), source: 'package' });
      }
    }
    for (const row of await this.days.list(year)) views.set(row.date, adminView(row));
    return [...views.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  /** The years from `fromYear` to `toYear` without data (none when the policy counts calendar days). */
  async missingYears(fromYear: number, toYear: number): Promise<number[]> {
    const years = Array.from({ length: Math.max(0, toYear - fromYear + 1) }, (_, i) => fromYear + i);
    return yearsWithoutData(await this.calendar(), years);
  }

  /** Which years have data, and which of those that matter now (this year, next, open deadlines') do not. */
  async coverage(): Promise<CalendarCoverage> {
    return this.coverageWith(await this.openDueYears(0));
  }

  /** As `coverage()`, with open deadlines' years up to REFRESH_MS old: `/health` is polled often. */
  async healthCoverage(): Promise<CalendarCoverage> {
    return this.coverageWith(await this.openDueYears(REFRESH_MS));
  }

  /**
   * A caveat for a task due on `dueDate` when its reminders fall in a year
   * without holiday data (they are then counted Monday–Friday); null otherwise.
   */
  async calendarNote(dueDate: string): Promise<string | null> {
    if (!this.policy.workdays) return null;
    const calendar = await this.calendar();
    const missing = yearsWithoutData(calendar, yearsSpanned(calendar, dueDate, this.ladderSpan.from, this.ladderSpan.to));
    return missing.length > 0 ? CALENDAR_MESSAGES.taskNote(missing) : null;
  }

  private async coverageWith(dueYears: number[]): Promise<CalendarCoverage> {
    const thisYear = yearOf(calendarDate(this.config.TZ));
    const checkedYears = [...new Set([thisYear, thisYear + 1, ...dueYears])].sort((a, b) => a - b);
    const { calendar: china, overrides } = await this.current();
    const calendar = this.policy.workdays ? china : CALENDAR_DAYS;
    const packageYears = packagedYears();
    const adminYears = [...new Set([...overrides.keys()].map(yearOf))].sort((a, b) => a - b);
    const missingYears = yearsWithoutData(calendar, checkedYears);
    return {
      workdays: this.policy.workdays,
      packageYears,
      adminYears,
      yearsWithData: [...new Set([...packageYears, ...adminYears])].sort((a, b) => a - b),
      checkedYears,
      missingYears,
      message: missingYears.length > 0 ? CALENDAR_MESSAGES.missingYears(missingYears, packageYears) : null,
    };
  }

  private async openDueYears(maxAgeMs: number): Promise<number[]> {
    if (this.dueYearsCache && Date.now() - this.dueYearsCache.at < maxAgeMs) return this.dueYearsCache.years;
    const years = await this.days.openTaskDueYears();
    this.dueYearsCache = { years, at: Date.now() };
    return years;
  }

  /** The entries as last read, read again when older than REFRESH_MS. */
  private current(): Promise<Loaded> {
    return this.loaded && Date.now() - this.loaded.at < REFRESH_MS ? Promise.resolve(this.loaded) : this.refresh();
  }

  /** Reloads the entries; concurrent callers share one load. */
  private refresh(): Promise<Loaded> {
    this.inFlight ??= this.load().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Reads after a committed change (a load already under way may predate it), then tells the listeners. */
  private async afterChange(): Promise<void> {
    try {
      await this.load();
    } catch (error) {
      if (this.loaded) this.loaded.at = 0; // read again on the next call
      this.logger.error(`工作日历已修改，但重新读取失败：${(error as Error).message}`);
    }
  }

  private async load(): Promise<Loaded> {
    const started = ++this.loadsStarted;
    const rows = await this.days.list();
    // Loads can finish out of order; an older read must not replace a newer one.
    if (started < this.loadApplied && this.loaded) return this.loaded;
    const entries: CalendarDay[] = [];
    for (const row of rows) {
      if (isKind(row.kind)) entries.push({ date: row.date, kind: row.kind });
      else this.logger.error(`工作日历 ${row.date} 的 kind 无效（${row.kind}），已忽略`);
    }
    const next: Loaded = {
      calendar: chinaCalendar(packagedDays(), entries),
      overrides: new Map(entries.map((day) => [day.date, day.kind])),
      at: Date.now(),
    };
    const previous = this.loaded;
    this.loaded = next;
    this.loadApplied = started;
    if (previous && this.policy.workdays) this.notify(changedDates(previous.overrides, next.overrides), next.calendar);
    return next;
  }

  private notify(dates: string[], calendar: WorkdayCalendar): void {
    if (dates.length === 0) return;
    for (const listener of this.listeners) {
      Promise.resolve()
        .then(() => listener({ dates, calendar }))
        .catch((error: Error) => this.logger.error(`工作日历变更的处理失败：${error.message}`));
    }
  }
}

function wholeDays(duration: { days: number; timeMs: number }): number {
  return duration.days + Math.ceil(duration.timeMs / DAY_MS);
}

function checkDate(date: string): void {
  if (!isCalendarDate(date)) throw new InvalidInputError(CALENDAR_MESSAGES.badDate(date));
}

function isKind(kind: string): kind is CalendarDayKind {
  return (CALENDAR_DAY_KINDS as readonly string[]).includes(kind);
}

function entered(row: CalendarDayEntity) {
  return { date: row.date, kind: row.kind, note: row.note };
}

function adminView(row: CalendarDayEntity): CalendarDayView {
  return {
    date: row.date,
    kind: row.kind as CalendarDayKind,
    note: row.note,
    source: 'admin',
    packageKind: packagedDayOn(row.date)?.kind ?? null,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}
