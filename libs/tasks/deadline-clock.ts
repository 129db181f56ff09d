import { Inject, Injectable } from '@nestjs/common';
import { calendarDate } from '../common/dates.js';
import { AppConfig } from '../config/app-config.js';
import type { EscalationPolicy } from '../policy/escalation-policy.js';
import { ESCALATION_POLICY } from '../policy/policy.module.js';

/** Today's date in the plan's time zone and the warning window: what `overdue` and the light derive from. */
@Injectable()
export class DeadlineClock {
  readonly warnDays: number;

  constructor(
    private readonly config: AppConfig,
    @Inject(ESCALATION_POLICY) policy: EscalationPolicy,
  ) {
    this.warnDays = policy.warnBefore.days + Math.ceil(policy.warnBefore.timeMs / 86_400_000);
  }

  today(): string {
    return calendarDate(this.config.TZ);
  }
}
