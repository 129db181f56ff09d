import { Inject, Injectable } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service.js';
import { calendarDate } from '../common/dates.js';
import { AppConfig } from '../config/app-config.js';
import type { EscalationPolicy } from '../policy/escalation-policy.js';
import { ESCALATION_POLICY } from '../policy/policy.module.js';
import type { DeadlineWindow } from './task.view.js';

/**
 * Today's date in the plan's time zone and the warning window: what `overdue`
 * and the light derive from. The window counts the same days as the reminder
 * ladder: working days of the calendar when the policy says `workdays: true`
 * (so a Friday's three-day window ends on Wednesday, and a holiday does not use
 * it up), calendar days otherwise.
 */
@Injectable()
export class DeadlineClock {
  /** `warnBefore` in whole days; a time part rounds up to a day. */
  readonly warnDays: number;

  constructor(
    private readonly config: AppConfig,
    private readonly calendars: CalendarService,
    @Inject(ESCALATION_POLICY) policy: EscalationPolicy,
  ) {
    this.warnDays = policy.warnBefore.days + Math.ceil(policy.warnBefore.timeMs / 86_400_000);
  }

  today(): string {
    return calendarDate(this.config.TZ);
  }

  /**
   * Today and the last date still inside the warning window (today moved on by
   * `warnBefore` in the ladder's days); a task not completed and due on or
   * before it, but not before today, is yellow. Work it out once per request.
   */
  async window(): Promise<DeadlineWindow> {
    const today = this.today();
    const calendar = await this.calendars.calendar();
    return { today, warnUntil: calendar.shiftWorkdays(today, this.warnDays), timeZone: this.config.TZ };
  }
}
