import { Injectable } from '@nestjs/common';
import { confinedDepartment } from '../auth/permissions.js';
import { addDays } from '../common/dates.js';
import { NotFoundError } from '../common/errors.js';
import type { Actor } from '../common/roles.js';
import { AppConfig } from '../config/app-config.js';
import { DashboardRepository, type DepartmentCounts, type MonthCounts } from '../db/repositories/dashboard.repository.js';
import { DepartmentRepository } from '../db/repositories/department.repository.js';
import { PACE_LIGHTS, PACE_TOLERANCE, type PaceLight, paceOf } from '../indicators/indicator-pace.js';
import { DeadlineClock } from '../tasks/deadline-clock.js';
import { ReportSlotService } from '../tasks/report-slot.service.js';
import { TaskStatus } from '../tasks/task-status.js';
import { DASHBOARD_MESSAGES } from './dashboard.messages.js';
import { departmentLight, lastMonths, onTimeRate, rankBulletin, type ReportCounts, reportCounts } from './dashboard-rules.js';

/** How many of a department's worst tasks the 通报 names. */
export const BULLETIN_WORST = 5;

export interface MonthRate {
  month: string;
  completed: number;
  onTime: number;
  rate: number | null;
}

/**
 * The dashboard and the 通报. Every task number is an aggregate the database
 * computes (GROUP BY, FILTER); only the handful of result rows reach here. The
 * report periods (定期报送) are not stored: ReportSlotService judges them, once
 * per request, and they are counted here.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly dashboard: DashboardRepository,
    private readonly departments: DepartmentRepository,
    private readonly clock: DeadlineClock,
    private readonly config: AppConfig,
    private readonly slots: ReportSlotService,
  ) {}

  /**
   * Per lead department (a department role sees only its own; `department`
   * narrows the others' view to one): totals by status, overdue, due within
   * the warning window and within seven days, the light, the on-time rate
   * of the last twelve months, and the report periods due this month and missed;
   * with the plan-wide indicators' pace. `planId`: one plan's tasks, reports and indicators.
   */
  async summary(actor: Actor, department?: string, planId: string | null = null) {
    const scope = await this.scope(actor, department);
    const window = await this.clock.window();
    const months = lastMonths(window.today);
    const [counts, monthly, indicators, slots] = await Promise.all([
      this.dashboard.departmentCounts(window.today, window.warnUntil, addDays(window.today, 7), scope, window.timeZone, planId),
      this.dashboard.onTimeByMonth(this.config.TZ, `${months[0]}-01`, scope, planId),
      this.dashboard.indicatorsWithLatest(planId),
      this.slots.facts({ department: scope, asOf: window.today }).then((facts) => ofPlan(facts, planId)),
    ]);
    const byDepartment = new Map<string, MonthCounts[]>();
    for (const row of monthly) byDepartment.set(row.code, [...(byDepartment.get(row.code) ?? []), row]);
    const reports = reportCounts(slots, window.today);
    const reportsOf = (code: string): ReportCounts => reports.get(code) ?? { dueThisMonth: 0, missed: 0 };
    const departments = counts.map((c) => ({ code: c.code, name: c.name, ...figures(c, months, byDepartment.get(c.code) ?? [], reportsOf(c.code)) }));
    const totals = figures(sum(counts), months, monthly, {
      dueThisMonth: departments.reduce((s, d) => s + d.reports.dueThisMonth, 0),
      missed: departments.reduce((s, d) => s + d.reports.missed, 0),
    });

    const items = indicators.map((i) => {
      const pace = paceOf({ ...i, latest: i.latest?.value ?? null }, window.today);
      return { ...i, expected: pace.expected, behindShare: pace.behindShare, pace: pace.light };
    });
    const byPace = Object.fromEntries(PACE_LIGHTS.map((light) => [light, 0])) as Record<PaceLight, number>;
    for (const item of items) byPace[item.pace] += 1;

    return {
      asOf: window.today,
      warnUntil: window.warnUntil,
      months,
      departments,
      totals,
      indicators: { tolerance: PACE_TOLERANCE, byPace, items },
    };
  }

  /**
   * The 通报: departments with overdue or escalated open work, or with missed
   * reports (逾期未报) of open tasks, ranked, each with its worst tasks; `planId`: one plan's work.
   */
  async bulletin(planId: string | null = null) {
    const today = this.clock.today();
    const facts = ofPlan(await this.slots.facts({ asOf: today }), planId);
    const missed = new Map([...reportCounts(facts, today)].map(([code, c]) => [code, c.missed]));
    const listed = [...missed].filter(([, n]) => n > 0).map(([code]) => code);
    const rows = await this.dashboard.bulletin(today, BULLETIN_WORST, this.config.TZ, listed, planId);
    const items = rankBulletin(rows.map((row) => ({ ...row, missedReports: missed.get(row.code) ?? 0 }))).map(({ ordinal: _ordinal, ...row }) => row);
    return { asOf: today, items };
  }

  /** The one department to count, or null for all; what the caller may not see is 404. */
  private async scope(actor: Actor, department: string | undefined): Promise<string | null> {
    const confined = confinedDepartment(actor);
    if (department !== undefined) {
      const unknown = await this.departments.unknownCodes([department]);
      if (unknown.length > 0 || (confined !== null && confined !== department)) throw new NotFoundError(DASHBOARD_MESSAGES.departmentNotFound(department));
    }
    return confined ?? department ?? null;
  }
}

type Counts = Omit<DepartmentCounts, 'code' | 'name'>;

function ofPlan<T extends { planId: string | null }>(facts: T[], planId: string | null): T[] {
  return planId === null ? facts : facts.filter((f) => f.planId === planId);
}

function figures(c: Counts, months: string[], monthly: MonthCounts[], reports: ReportCounts) {
  const onTimeByMonth: MonthRate[] = months.map((month) => {
    const rows = monthly.filter((m) => m.month === month);
    const completed = rows.reduce((s, r) => s + r.completed, 0);
    const onTime = rows.reduce((s, r) => s + r.onTime, 0);
    return { month, completed, onTime, rate: onTimeRate(onTime, completed) };
  });
  const completed = onTimeByMonth.reduce((s, m) => s + m.completed, 0);
  const onTime = onTimeByMonth.reduce((s, m) => s + m.onTime, 0);
  return {
    total: c.total,
    byStatus: {
      [TaskStatus.Assigned]: c.assigned,
      [TaskStatus.InProgress]: c.inProgress,
      [TaskStatus.LeaderReview]: c.leaderReview,
      [TaskStatus.Submitted]: c.submitted,
      [TaskStatus.Completed]: c.completed,
    },
    overdue: c.overdue,
    dueSoon: c.dueSoon,
    dueWithin7Days: c.dueWithin7Days,
    light: departmentLight(c.overdue, c.dueSoon),
    onTime: { completed, onTime, rate: onTimeRate(onTime, completed) },
    onTimeByMonth,
    reports,
  };
}

function sum(rows: DepartmentCounts[]): Counts {
  const keys = ['total', 'assigned', 'inProgress', 'leaderReview', 'submitted', 'completed', 'overdue', 'dueSoon', 'dueWithin7Days'] as const;
  return Object.fromEntries(keys.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)])) as Counts;
}
