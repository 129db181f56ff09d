import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PACE_LIGHTS } from '../../../libs/indicators/indicator-pace.js';
import { COMPARATORS } from '../../../libs/vocabulary/indicators.js';
import { EVALUATION_STATUS } from '../../../libs/vocabulary/evaluation.js';
import { ApiTimestamp } from './common.dto.js';
import { IsCalendarDate } from './is-calendar-date.js';

const STATUSES = Object.values(EVALUATION_STATUS);
const TRENDS = ['on_track', 'at_risk', 'off_track'];

export class PlanIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class EvaluationParam extends PlanIdParam {
  @ApiProperty({ example: '2025-12-31', description: 'the day evaluated (its end)' })
  @IsCalendarDate()
  asOf: string;
}

export class EvaluationQuery {
  @ApiPropertyOptional({
    example: '2025-12-31',
    description: 'the day evaluated, YYYY-MM-DD (its end); default today; not before 1 January of the plan’s first year (400)',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class FindingsDto {
  @ApiProperty({ description: '规划实施效果、存在问题', example: '十四五规划目标总体完成……' })
  @IsString()
  @MaxLength(50_000)
  findings: string;

  @ApiProperty({ description: '对策建议', example: '建议十五五期间……' })
  @IsString()
  @MaxLength(50_000)
  measures: string;
}

export class EvaluationIndicatorDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '%' }) unit: string;
  @ApiProperty({ enum: COMPARATORS }) comparator: string;
  @ApiProperty() departmentCode: string;
  @ApiProperty() departmentName: string;
  @ApiProperty({ type: String, nullable: true, description: 'the chapter of the clause stating the target' }) chapterCode: string | null;
  @ApiProperty({ type: Number, nullable: true }) baseline: number | null;
  @ApiProperty({ type: Number, nullable: true }) baselineYear: number | null;
  @ApiProperty() target: number;
  @ApiProperty() targetYear: number;
  @ApiProperty({ type: Number, nullable: true, description: 'the latest value reported for a year up to asOf’s year' }) latest: number | null;
  @ApiProperty({ type: Number, nullable: true }) latestYear: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'met by the comparator; null when nothing is reported' }) achieved: boolean | null;
  @ApiProperty({ type: Number, nullable: true, description: 'share of the way from baseline to target (1 = there); null without baseline, value or distance' })
  progress: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'where the line from baseline to target stands at the end of asOf' }) expected: number | null;
  @ApiProperty({ enum: PACE_LIGHTS, description: '序时进度 at the end of asOf' }) pace: string;
  @ApiProperty({ enum: TRENDS, nullable: true, type: String }) trend: string | null;
  @ApiProperty() derived: boolean;
}

export class TaskCountsDto {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'completed by asOf (on time + late)' }) completed: number;
  @ApiProperty() onTime: number;
  @ApiProperty() late: number;
  @ApiProperty({ description: 'still owed at asOf and past due' }) overdue: number;
  @ApiProperty({ description: 'still owed at asOf, not yet due (or waiting for review after an on-time submission)' }) pending: number;
  @ApiProperty() cancelled: number;
  @ApiProperty({
    description:
      'carried over (结转) into another plan by asOf (POST /plans/:id/carry-over): counted in total, not in the completion share; the new plan counts them from the move',
  })
  carriedOver: number;
}

export class AchievedCountDto {
  @ApiProperty() achieved: number;
  @ApiProperty() total: number;
}

export class EvaluationSectionDto {
  @ApiProperty({ example: '五(一)' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: TaskCountsDto }) tasks: TaskCountsDto;
}

export class EvaluationChapterDto {
  @ApiProperty({ type: String, nullable: true, example: '五', description: 'null: tasks whose clause is not in the plan’s text' }) code: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: TaskCountsDto }) tasks: TaskCountsDto;
  @ApiProperty({ type: AchievedCountDto, description: 'the chapter’s stated targets' }) indicators: AchievedCountDto;
  @ApiProperty({ type: [EvaluationSectionDto] }) sections: EvaluationSectionDto[];
}

export class ProblemTaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty() daysOverdue: number;
}

export class ProblemIndicatorDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PACE_LIGHTS }) pace: string;
  @ApiProperty({ enum: TRENDS, nullable: true, type: String }) trend: string | null;
}

export class UnreportedIndicatorDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class MissedReportDto {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ type: String, nullable: true }) taskCode: string | null;
  @ApiProperty() taskTitle: string;
  @ApiProperty({ example: '2025-Q3' }) period: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
}

export class DepartmentProblemsDto {
  @ApiProperty() departmentCode: string;
  @ApiProperty() departmentName: string;
  @ApiProperty({ type: [ProblemTaskDto] }) overdueTasks: ProblemTaskDto[];
  @ApiProperty({ type: [ProblemIndicatorDto], description: 'not met, and behind the line (pace red) or heading for a miss (trend off_track)' })
  offTrackIndicators: ProblemIndicatorDto[];
  @ApiProperty({ type: [UnreportedIndicatorDto], description: 'no value reported for any year up to asOf’s year' })
  unreportedIndicators: UnreportedIndicatorDto[];
  @ApiProperty({ type: [MissedReportDto], description: 'report periods (定期报送) missed by asOf' }) missedReports: MissedReportDto[];
}

export class TasksCompletedDto {
  @ApiProperty() completed: number;
  @ApiProperty({ description: 'tasks neither cancelled nor carried over (结转) by asOf' }) total: number;
}

export class EvaluationTotalsDto {
  @ApiProperty({ type: AchievedCountDto, description: 'stated targets met' }) targetsAchieved: AchievedCountDto;
  @ApiProperty({ type: AchievedCountDto, description: 'targets read from the plan’s wording (derived), counted apart' }) derivedAchieved: AchievedCountDto;
  @ApiProperty({ type: TasksCompletedDto }) tasksCompleted: TasksCompletedDto;
  @ApiProperty() overdueTasks: number;
  @ApiProperty() offTrackIndicators: number;
  @ApiProperty() unreportedIndicators: number;
  @ApiProperty() missedReports: number;
}

export class PlanEvaluationDto {
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty() planCode: string;
  @ApiProperty() planTitle: string;
  @ApiProperty() startYear: number;
  @ApiProperty() endYear: number;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiTimestamp({ description: 'when the numbers were computed (a finalised evaluation: when it was frozen)' }) computedAt: string;
  @ApiProperty({ type: [EvaluationIndicatorDto], description: 'the stated targets, in the plan’s order' }) indicators: EvaluationIndicatorDto[];
  @ApiProperty({ type: [EvaluationIndicatorDto], description: 'targets read from wording (derived: true), shown apart' })
  derivedIndicators: EvaluationIndicatorDto[];
  @ApiProperty({ type: [EvaluationChapterDto] }) chapters: EvaluationChapterDto[];
  @ApiProperty({ type: [DepartmentProblemsDto], description: 'departments with open problems, in the departments’ order' }) problems: DepartmentProblemsDto[];
  @ApiProperty({ type: EvaluationTotalsDto }) totals: EvaluationTotalsDto;
  @ApiProperty({ enum: STATUSES, nullable: true, type: String, description: 'null while nothing is saved for this day' }) status: string | null;
  @ApiProperty() findings: string;
  @ApiProperty() measures: string;
  @ApiTimestamp({ nullable: true }) updatedAt: string | null;
  @ApiTimestamp({ nullable: true }) finalizedAt: string | null;
}

export class EvaluationRecordDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty() findings: string;
  @ApiProperty() measures: string;
  @ApiProperty({ type: EvaluationTotalsDto, description: 'the totals of the numbers kept with it' }) totals: EvaluationTotalsDto;
  @ApiProperty({ format: 'uuid' }) updatedBy: string;
  @ApiTimestamp() createdAt: string;
  @ApiTimestamp() updatedAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) finalizedBy: string | null;
  @ApiTimestamp({ nullable: true }) finalizedAt: string | null;
}
