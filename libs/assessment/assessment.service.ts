import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { calendarDate } from '../common/dates.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors.js';
import type { Actor } from '../common/roles.js';
import { AppConfig } from '../config/app-config.js';
import type { AssessmentCycleEntity, AssessmentScoreEntity } from '../db/entities/assessment.entity.js';
import { AssessmentRepository, type DepartmentMetricsRow, type ReportTaskRow, type ScoreRow } from '../db/repositories/assessment.repository.js';
import { DepartmentRepository } from '../db/repositories/department.repository.js';
import { IndicatorRepository } from '../db/repositories/indicator.repository.js';
import { Transactions } from '../db/transaction.js';
import { standing } from '../indicators/indicator-trend.js';
import { ReportSlotService, type SlotFact } from '../tasks/report-slot.service.js';
import { CYCLE_STATUS } from '../vocabulary/assessment.js';
import { GRADES } from '../vocabulary/tasks.js';
import type { AssessmentRubric } from './assessment-rubric.js';
import { computeScore, finalScore, hasAssessableWork, rank, reviewerMean } from './assessment-scoring.js';
import type { AssessmentReport, DepartmentAssessment, DepartmentMetrics, Grade, ReportIndicator, ReportTask, ReviewerScore } from './assessment-types.js';
import { ASSESSMENT_RUBRIC } from './rubric.module.js';

export interface ScoreInput {
  score: number;
  comment?: string;
  version?: number;
}

export { CYCLE_STATUS };

/**
 * Annual assessment cycles (年度目标考核): opening, the metrics computed from the
 * record by the database, the reviewers' scores, the ranking, and finalising,
 * which freezes the whole report into the cycle's snapshot. A finalised cycle
 * is served from its snapshot only.
 */
@Injectable()
export class AssessmentService {
  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly departments: DepartmentRepository,
    private readonly indicators: IndicatorRepository,
    private readonly slots: ReportSlotService,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly config: AppConfig,
    @Inject(ASSESSMENT_RUBRIC) private readonly rubric: AssessmentRubric,
  ) {}

  async list() {
    return (await this.assessments.listCycles()).map(cycleView);
  }

  async open(actor: Actor, year: number) {
    return this.tx.run(async () => {
      const cycle = await this.assessments.insertCycle(year, actor.id);
      if (!cycle) throw new ConflictError(`${year} 年度考核已存在`);
      await this.audit.record({
        actorId: actor.id,
        action: 'assessment.open',
        entityType: 'assessment_cycle',
        entityId: String(year),
        after: { year, status: cycle.status },
      });
      return cycleView(cycle);
    });
  }

  /** The cycle with how much it covers. */
  async get(year: number) {
    const cycle = await this.mustFind(year);
    const report = cycle.snapshot ? frozenReport(cycle.snapshot) : null;
    const taskCount = report ? Object.values(report.tasks).reduce((s, t) => s + t.length, 0) : await this.assessments.countTasks(year);
    const scoreCount = report ? report.departments.reduce((s, d) => s + d.reviewerScores.length, 0) : (await this.assessments.listScores(year)).length;
    return { ...cycleView(cycle), taskCount, scoreCount, rubric: report ? undefined : this.rubricSummary() };
  }

  /** Every department's metrics and scores, ranked. */
  async departmentAssessments(year: number): Promise<DepartmentAssessment[]> {
    const cycle = await this.mustFind(year);
    if (cycle.snapshot) return frozenReport(cycle.snapshot).departments;
    return (await this.compute(cycle, new Date(), false)).departments;
  }

  /** The whole report: the snapshot of a finalised cycle, else computed now. */
  async report(year: number): Promise<AssessmentReport> {
    const cycle = await this.mustFind(year);
    if (cycle.snapshot) return frozenReport(cycle.snapshot);
    return this.compute(cycle, new Date(), true);
  }

  /** How many tasks the year's report lists (to decide whether it is built in the request or by a job). */
  async taskCount(year: number): Promise<number> {
    const cycle = await this.mustFind(year);
    if (cycle.snapshot) return Object.values(frozenReport(cycle.snapshot).tasks).reduce((s, t) => s + t.length, 0);
    return this.assessments.countTasks(year);
  }

  /**
   * A reviewer's score of a department: the first needs no version; a revision
   * must name the version it revises, so a second first score is a conflict.
   */
  async score(actor: Actor, year: number, departmentCode: string, input: ScoreInput): Promise<ReviewerScore> {
    return this.tx.run(async () => {
      const cycle = await this.assessments.findCycleForUpdate(year);
      if (!cycle) throw new NotFoundError(`考核年度不存在：${year}`);
      if ((await this.departments.unknownCodes([departmentCode])).length > 0) throw new NotFoundError(`部门不存在：${departmentCode}`);
      if (cycle.status === CYCLE_STATUS.Finalized) throw new ConflictError(`${year} 年度考核已定稿，不能再评分`);
      const comment = input.comment?.trim() ?? '';
      if (input.score < this.rubric.commentRequiredBelow && comment === '') {
        throw new InvalidInputError(`评分低于 ${this.rubric.commentRequiredBelow} 分时必须填写评语（comment）`);
      }
      const existing = await this.assessments.findScore(year, departmentCode, actor.id);
      if (existing && input.version === undefined) {
        throw new ConflictError(`你已为部门 ${departmentCode} 评过分（当前版本 ${existing.version}），修改评分请带上 version`);
      }
      if (existing && input.version !== existing.version) {
        throw new ConflictError(`评分已被修改（当前版本 ${existing.version}，请求版本 ${input.version}），请刷新后重试`);
      }
      if (!existing && input.version !== undefined) {
        throw new ConflictError(`你尚未为部门 ${departmentCode} 评分，首次评分不应带 version`);
      }
      const before = existing ? scoreFields(existing) : null;
      const saved = await this.assessments.saveScore({ ...(existing ?? { year, departmentCode, reviewerId: actor.id }), score: input.score, comment });
      await this.audit.record({
        actorId: actor.id,
        action: existing ? 'assessment.score.revise' : 'assessment.score',
        entityType: 'assessment_score',
        entityId: saved.id,
        before,
        after: scoreFields(saved),
        detail: { year, departmentCode },
      });
      return {
        reviewerId: actor.id,
        reviewerName: actor.name,
        score: saved.score,
        comment: saved.comment,
        version: saved.version,
        updatedAt: saved.updatedAt.toISOString(),
      };
    });
  }

  /** Locks the cycle and freezes the whole report, as it stands now, into its snapshot. */
  async finalize(actor: Actor, year: number) {
    return this.tx.run(async () => {
      const cycle = await this.assessments.findCycleForUpdate(year);
      if (!cycle) throw new NotFoundError(`考核年度不存在：${year}`);
      if (cycle.status === CYCLE_STATUS.Finalized) throw new ConflictError(`${year} 年度考核已于 ${cycle.finalizedAt?.toISOString()} 定稿`);
      const at = new Date();
      const report: AssessmentReport = { ...(await this.compute(cycle, at, true)), status: CYCLE_STATUS.Finalized };
      cycle.status = CYCLE_STATUS.Finalized;
      cycle.finalizedAt = at;
      cycle.finalizedBy = actor.id;
      cycle.snapshot = report as unknown as Record<string, unknown>;
      const saved = await this.assessments.saveCycle(cycle);
      await this.audit.record({
        actorId: actor.id,
        action: 'assessment.finalize',
        entityType: 'assessment_cycle',
        entityId: String(year),
        before: { status: CYCLE_STATUS.Open },
        after: { status: CYCLE_STATUS.Finalized },
        detail: { ranking: report.departments.map((d) => ({ department: d.departmentCode, finalScore: d.finalScore, rank: d.rank })) },
      });
      return cycleView(saved);
    });
  }

  /** The report of an open cycle from the live record, as of `asOf`. */
  private async compute(cycle: AssessmentCycleEntity, asOf: Date, withTasks: boolean): Promise<AssessmentReport> {
    const tz = this.config.TZ;
    const rows = await this.assessments.departmentMetrics(cycle.year, tz, asOf);
    const scores = await this.assessments.listScores(cycle.year);
    const indicators = await this.indicatorsAsOf(cycle.year);
    const taskRows = withTasks ? await this.assessments.reportTasks(cycle.year, tz, asOf) : [];
    const reports = await this.reportsOfYear(cycle.year, asOf);

    const order = new Map(rows.map((r, i) => [r.code, i]));
    const assessed = rows.map((row) => {
      const own = indicators.get(row.code) ?? [];
      const metrics = toMetrics(row, own, reports.get(row.code) ?? NO_REPORTS);
      const { computedScore, breakdown } = computeScore(metrics, this.rubric);
      const reviewerScores = scores.filter((s) => s.departmentCode === row.code).map(reviewerScore);
      const mean = reviewerMean(reviewerScores);
      return {
        departmentCode: row.code,
        departmentName: row.name,
        metrics,
        computedScore,
        breakdown,
        reviewerScores,
        reviewerMean: mean,
        finalScore: finalScore(computedScore, mean, this.rubric),
      };
    });
    const ranked = rank(
      assessed.filter((d) => hasAssessableWork(d.metrics)),
      (a, b) => order.get(a.departmentCode)! - order.get(b.departmentCode)!,
    );
    const departments = [...ranked, ...assessed.filter((d) => !hasAssessableWork(d.metrics)).map((d) => ({ ...d, rank: null }))];

    const tasks: Record<string, ReportTask[]> = {};
    const indicatorsByDepartment: Record<string, ReportIndicator[]> = {};
    for (const row of rows) {
      tasks[row.code] = [];
      indicatorsByDepartment[row.code] = indicators.get(row.code) ?? [];
    }
    if (withTasks) for (const t of taskRows) tasks[t.dept]?.push(reportTask(t));
    return { year: cycle.year, status: cycle.status, asOf: asOf.toISOString(), departments, tasks, indicators: indicatorsByDepartment };
  }

  /**
   * Each department's report periods (定期报送) due in `year`, judged as of the year's last day (or `asOf` while
   * the year runs): a report filed after the year has closed does not mend that year's record. A period still
   * open (due today, not filed yet) is not counted.
   */
  private async reportsOfYear(year: number, asOf: Date): Promise<Map<string, ReportCounts>> {
    const judgedOn = [calendarDate(this.config.TZ, asOf), `${year}-12-31`].sort()[0];
    const counts = new Map<string, ReportCounts>();
    for (const slot of await this.slots.facts({ asOf: judgedOn })) {
      if (!slot.dueDate.startsWith(`${year}-`) || slot.dueDate > judgedOn || slot.status === 'open') continue;
      // Each department on its own periods: a co-department reporting its part (配合单位反馈) answers for its own.
      const own = counts.get(slot.departmentCode) ?? { ...NO_REPORTS };
      own.reportsDue += 1;
      own[REPORT_COUNT[slot.status]] += 1;
      counts.set(slot.departmentCode, own);
    }
    return counts;
  }

  /** Each department's indicators with where they stood by the end of `year` (values of later years ignored). */
  private async indicatorsAsOf(year: number): Promise<Map<string, ReportIndicator[]>> {
    const all = await this.indicators.list();
    const values = (await this.indicators.valuesOf(all.map((i) => i.code))).filter((v) => v.year <= year);
    const byDepartment = new Map<string, ReportIndicator[]>();
    for (const indicator of all) {
      const own = values.filter((v) => v.indicatorCode === indicator.code).map((v) => ({ year: v.year, value: v.value }));
      const { latest, trend } = standing(indicator, own);
      const item: ReportIndicator = {
        code: indicator.code,
        name: indicator.name,
        unit: indicator.unit,
        baseline: indicator.baseline,
        target: indicator.target,
        targetYear: indicator.targetYear,
        latest,
        trend,
      };
      byDepartment.set(indicator.departmentCode, [...(byDepartment.get(indicator.departmentCode) ?? []), item]);
    }
    return byDepartment;
  }

  private async mustFind(year: number): Promise<AssessmentCycleEntity> {
    const cycle = await this.assessments.findCycle(year);
    if (!cycle) throw new NotFoundError(`考核年度不存在：${year}`);
    return cycle;
  }

  private rubricSummary() {
    const { metrics, deductions, bounds, reviewerWeight, commentRequiredBelow } = this.rubric;
    return { metrics, deductions, bounds, reviewerWeight, commentRequiredBelow };
  }
}

type ReportCounts = Pick<DepartmentMetrics, 'reportsDue' | 'reportsOnTime' | 'reportsLate' | 'reportsMissed'>;
const NO_REPORTS: ReportCounts = { reportsDue: 0, reportsOnTime: 0, reportsLate: 0, reportsMissed: 0 };
const REPORT_COUNT: Record<Exclude<SlotFact['status'], 'open'>, keyof ReportCounts> = {
  filed: 'reportsOnTime',
  late: 'reportsLate',
  missed: 'reportsMissed',
};

/**
 * A finalised cycle's snapshot as the report it froze. Snapshots frozen before report periods (定期报送) were
 * counted lack the four report figures: they read as 0 (that score counted none), so an old year still opens.
 */
function frozenReport(snapshot: Record<string, unknown>): AssessmentReport {
  const report = snapshot as unknown as AssessmentReport;
  return { ...report, departments: report.departments.map((d) => ({ ...d, metrics: { ...NO_REPORTS, ...d.metrics } })) };
}

function cycleView(cycle: AssessmentCycleEntity) {
  return {
    year: cycle.year,
    status: cycle.status,
    openedBy: cycle.openedBy,
    openedAt: cycle.openedAt.toISOString(),
    finalizedBy: cycle.finalizedBy,
    finalizedAt: cycle.finalizedAt?.toISOString() ?? null,
  };
}

function scoreFields(score: AssessmentScoreEntity) {
  return { score: score.score, comment: score.comment, version: score.version };
}

function reviewerScore(s: ScoreRow): ReviewerScore {
  return {
    reviewerId: s.reviewerId,
    reviewerName: s.reviewerName,
    score: s.score,
    comment: s.comment,
    version: s.version,
    updatedAt: new Date(s.updatedAt).toISOString(),
  };
}

function toMetrics(row: DepartmentMetricsRow, indicators: ReportIndicator[], reports: ReportCounts): DepartmentMetrics {
  const trend = { on_track: 0, at_risk: 0, off_track: 0, unknown: 0 };
  for (const i of indicators) trend[i.trend ?? 'unknown'] += 1;
  return {
    due: row.due,
    onTime: row.on_time,
    late: row.late,
    overdue: row.overdue,
    pending: row.pending,
    meanDaysLate: row.mean_days_late === null ? null : Number(row.mean_days_late),
    returns: row.returns,
    evidenceShare: row.completed > 0 ? row.completed_with_evidence / row.completed : null,
    extensionRequests: row.extension_requests,
    turnedRed: row.turned_red,
    escalated: row.escalated,
    grades: Object.fromEntries(GRADES.map((grade) => [grade, row[grade]])) as Record<Grade, number>,
    indicators: trend,
    ...reports,
  };
}

function reportTask(t: ReportTaskRow): ReportTask {
  return {
    id: t.id,
    code: t.code,
    title: t.title,
    status: t.status,
    dueDate: t.due_date,
    completedAt: t.completed_at ? new Date(t.completed_at).toISOString() : null,
    daysLate: t.days_late,
    evidenceCount: t.evidence_count,
    grade: (t.grade as Grade | null) ?? null,
  };
}
