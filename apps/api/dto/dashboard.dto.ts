import { PlanFilter } from './plan-filter.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PACE_LIGHTS } from '../../../libs/indicators/indicator-pace.js';
import { COMPARATORS } from '../../../libs/indicators/indicator-trend.js';
import { TaskStatus } from '../../../libs/tasks/task-status.js';
import { YearValueDto } from './indicator.dto.js';

export class DashboardQuery {
  @ApiPropertyOptional({ example: 'finance', description: "only this department (a department role may name only its own; another's is 404)" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  department?: string;

  @PlanFilter()
  plan?: string;
}

export class BulletinQuery {
  @PlanFilter()
  plan?: string;
}

export class StatusTotalsDto {
  @ApiProperty() [TaskStatus.Assigned]: number;
  @ApiProperty() [TaskStatus.InProgress]: number;
  @ApiProperty({ description: "waiting for the lead department's leader to sign off" }) [TaskStatus.LeaderReview]: number;
  @ApiProperty() [TaskStatus.Submitted]: number;
  @ApiProperty() [TaskStatus.Completed]: number;
}

export class OnTimeDto {
  @ApiProperty({ description: 'tasks completed (in the month, or the twelve months)' }) completed: number;
  @ApiProperty({ description: 'of them completed on or before their due date in TZ, i.e. before the end of that day' }) onTime: number;
  @ApiProperty({ nullable: true, type: Number, example: 0.8333, description: 'onTime / completed, four decimals; null when none completed' }) rate:
    number | null;
}

export class MonthOnTimeDto extends OnTimeDto {
  @ApiProperty({ example: '2026-03', description: 'month of the completion, in TZ' }) month: string;
}

export class ReportFiguresDto {
  @ApiProperty({
    example: 3,
    description:
      'report periods (定期报送) of open tasks not filed whose deadline falls in this month (in TZ) and has not passed (本月应报); a period filed, even late, is not counted',
  })
  dueThisMonth: number;
  @ApiProperty({
    example: 1,
    description:
      'report periods of open tasks never filed by the end of their deadline (逾期未报; filing one late takes it off); completed tasks owe nothing more',
  })
  missed: number;
}

export class DashboardFiguresDto {
  @ApiProperty({ description: 'tasks the department leads (co-operation is not counted, so a task counts once)' }) total: number;
  @ApiProperty({ type: StatusTotalsDto }) byStatus: StatusTotalsDto;
  @ApiProperty({
    description:
      'overdue by the rule of TaskDto.overdue (work waiting for review after an on-time submission is not); cancelled tasks are left out of every figure',
  })
  overdue: number;
  @ApiProperty({ description: "not completed and due from today to warnUntil (the policy's warning window; the yellow light)" }) dueSoon: number;
  @ApiProperty({ description: 'not completed and due from today to seven calendar days on' }) dueWithin7Days: number;
  @ApiProperty({ enum: ['green', 'yellow', 'red'], description: 'red: any overdue; yellow: none overdue but any due within the warning window; else green' })
  light: string;
  @ApiProperty({ type: OnTimeDto, description: 'over the twelve months of `months`' }) onTime: OnTimeDto;
  @ApiProperty({ type: [MonthOnTimeDto], description: 'one entry per month of `months`, oldest first' }) onTimeByMonth: MonthOnTimeDto[];
  @ApiProperty({
    type: ReportFiguresDto,
    description:
      'the report periods it owes, judged today: of the tasks it leads (GET /tasks/:id/report-slots) and, as a co-department reporting its own part, of the tasks with coDepartmentsReport (GET /tasks/:id/co-report-slots)',
  })
  reports: ReportFiguresDto;
}

export class DepartmentDashboardDto extends DashboardFiguresDto {
  @ApiProperty({ example: 'finance' }) code: string;
  @ApiProperty({ example: '市财政局' }) name: string;
}

export class IndicatorPaceDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: COMPARATORS }) comparator: string;
  @ApiProperty() target: number;
  @ApiProperty() targetYear: number;
  @ApiProperty({ nullable: true, type: Number }) baseline: number | null;
  @ApiProperty({ nullable: true, type: Number }) baselineYear: number | null;
  @ApiProperty() departmentCode: string;
  @ApiProperty({ nullable: true, type: YearValueDto }) latest: YearValueDto | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'where the straight line from baseline (end of baselineYear) to target (end of targetYear) stands today',
  })
  expected: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'how far the latest value is behind `expected`, as a share of the way from baseline to target (the target itself when they are equal); 0 or less is at or ahead',
  })
  behindShare: number | null;
  @ApiProperty({
    enum: PACE_LIGHTS,
    description:
      '序时进度: green at or ahead of the line; yellow behind by less than `tolerance`; red beyond; unknown without baseline, baselineYear or a reported value',
  })
  pace: string;
}

export class PaceCountsDto {
  @ApiProperty() green: number;
  @ApiProperty() yellow: number;
  @ApiProperty() red: number;
  @ApiProperty() unknown: number;
}

export class IndicatorSummaryDto {
  @ApiProperty({ example: 0.1, description: 'the share of the way behind the line that is still yellow' }) tolerance: number;
  @ApiProperty({ type: PaceCountsDto }) byPace: PaceCountsDto;
  @ApiProperty({ type: [IndicatorPaceDto], description: "plan-wide, every role's view alike (indicators are public to every role)" }) items: IndicatorPaceDto[];
}

export class DashboardDto {
  @ApiProperty({ example: '2026-03-10', description: 'today in TZ' }) asOf: string;
  @ApiProperty({
    example: '2026-03-13',
    description: "the last date inside the warning window: today moved on by the policy's warnBefore, in working days when workdays: true",
  })
  warnUntil: string;
  @ApiProperty({ type: [String], example: ['2025-04', '2026-03'], description: 'the twelve months of the on-time rates, oldest first, this month last' })
  months: string[];
  @ApiProperty({ type: [DepartmentDashboardDto], description: "the departments the caller may see, in the plan's order (a department role: its own)" })
  departments: DepartmentDashboardDto[];
  @ApiProperty({ type: DashboardFiguresDto, description: 'the same figures summed over `departments`' }) totals: DashboardFiguresDto;
  @ApiProperty({ type: IndicatorSummaryDto }) indicators: IndicatorSummaryDto;
}

export class BulletinTaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) code: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ example: '2026-03-01' }) dueDate: string;
  @ApiProperty({ enum: TaskStatus }) status: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ description: 'calendar days past the due date, 0 when not overdue' }) daysOverdue: number;
  @ApiProperty({ description: 'a reminder of the current deadline went to a leader of the department' }) escalated: boolean;
}

export class BulletinItemDto {
  @ApiProperty({
    description:
      'by overdue, then escalated, descending; equal in both share a rank (1, 2, 2, 4) and follow the plan’s department order. Departments listed only for missed reports come last, by missedReports descending, ties alike',
  })
  rank: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'open tasks it leads that are overdue' }) overdue: number;
  @ApiProperty({ description: 'open tasks it leads whose current deadline’s reminders reached a leader (escalation)' }) escalated: number;
  @ApiProperty() overdueAndEscalated: number;
  @ApiProperty() maxDaysOverdue: number;
  @ApiProperty({
    description:
      'report periods it owes (as lead, or as a reporting co-department) of open tasks never filed by their deadline (逾期未报), as DashboardFiguresDto.reports.missed',
  })
  missedReports: number;
  @ApiProperty({
    type: [BulletinTaskDto],
    description: 'up to five: the overdue, longest overdue first (then by id); then escalated tasks not yet overdue, soonest due first',
  })
  worst: BulletinTaskDto[];
}

export class BulletinDto {
  @ApiProperty({ example: '2026-03-10' }) asOf: string;
  @ApiProperty({ type: [BulletinItemDto], description: 'only departments with overdue or escalated open work, or missed reports of open tasks' })
  items: BulletinItemDto[];
}
