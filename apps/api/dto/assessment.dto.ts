import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { REPORT_FORMATS, type ReportFormat } from '../../../libs/reports/assessment-report.service.js';

export class OpenAssessmentDto {
  @ApiProperty({ example: 2025, description: 'the year assessed: tasks whose due date falls in it' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class YearParam {
  @ApiProperty({ example: 2025 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class DepartmentScoreParam extends YearParam {
  @ApiProperty({ example: 'finance' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  code: string;
}

export class ReportParam extends YearParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class ScoreDto {
  @ApiProperty({ example: 88.5, minimum: 0, maximum: 100, description: 'the reviewer’s score of the department, 0–100, two decimals at most' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  score: number;

  @ApiPropertyOptional({ example: '任务推进扎实，佐证材料齐全', description: 'required when the score is below the rubric’s commentRequiredBelow' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;

  @ApiPropertyOptional({ example: 1, description: 'omit on the first score; a revision names the version it revises (else 409)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class RequestReportDto {
  @ApiProperty({ enum: REPORT_FORMATS })
  @IsIn(REPORT_FORMATS)
  format: ReportFormat;
}

export class AssessmentCycleDto {
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ enum: ['open', 'finalized'] }) status: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) openedBy: string | null;
  @ApiProperty() openedAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) finalizedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) finalizedAt: string | null;
}

export class AssessmentCycleDetailDto extends AssessmentCycleDto {
  @ApiProperty({ description: 'tasks whose due date falls in the year' }) taskCount: number;
  @ApiProperty({ description: 'reviewer scores given' }) scoreCount: number;
  @ApiPropertyOptional({ description: 'the rubric in force (open cycles)' }) rubric?: Record<string, unknown>;
}

export class ReviewerScoreDto {
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty() score: number;
  @ApiProperty() comment: string;
  @ApiProperty({ description: 'send it back to revise the score' }) version: number;
  @ApiProperty() updatedAt: string;
}

export class DepartmentMetricsDto {
  @ApiProperty({ description: 'tasks led by the department with a due date in the year' }) due: number;
  @ApiProperty({ description: 'completed before the end of the due date (TZ)' }) onTime: number;
  @ApiProperty() late: number;
  @ApiProperty() overdue: number;
  @ApiProperty() pending: number;
  @ApiProperty({ nullable: true, type: Number }) meanDaysLate: number | null;
  @ApiProperty() returns: number;
  @ApiProperty({ nullable: true, type: Number, description: 'completed tasks with evidence / completed tasks' }) evidenceShare: number | null;
  @ApiProperty() extensionRequests: number;
  @ApiProperty() turnedRed: number;
  @ApiProperty() escalated: number;
  @ApiProperty({ example: { excellent: 1, good: 2, pass: 0, fail: 0 } }) grades: Record<string, number>;
  @ApiProperty({ example: { on_track: 2, at_risk: 1, off_track: 0, unknown: 3 } }) indicators: Record<string, number>;
  @ApiProperty({
    description:
      'report periods (定期报送) the department owes due in the year (of the tasks it leads, and its own part of tasks with coDepartmentsReport), judged as of the year’s end (or today while it runs): on time + late + missed; a period due today and not filed yet is not counted',
  })
  reportsDue: number;
  @ApiProperty({ description: 'report periods filed by the end of their due day' }) reportsOnTime: number;
  @ApiProperty({ description: 'report periods filed after their due day' }) reportsLate: number;
  @ApiProperty({ description: 'report periods not filed (逾期未报); a report filed after the year’s end does not count for the year' }) reportsMissed: number;
}

export class BreakdownItemDto {
  @ApiProperty({ example: 'metric:onTimeRate' }) item: string;
  @ApiProperty({ example: '按时完成率（权重 40）：75%' }) label: string;
  @ApiProperty({ example: 30 }) points: number;
}

export class DepartmentAssessmentDto {
  @ApiProperty() departmentCode: string;
  @ApiProperty() departmentName: string;
  @ApiProperty({ type: DepartmentMetricsDto }) metrics: DepartmentMetricsDto;
  @ApiProperty() computedScore: number;
  @ApiProperty({ type: [BreakdownItemDto] }) breakdown: BreakdownItemDto[];
  @ApiProperty({ type: [ReviewerScoreDto] }) reviewerScores: ReviewerScoreDto[];
  @ApiProperty({ nullable: true, type: Number }) reviewerMean: number | null;
  @ApiProperty() finalScore: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: '1-based; equal final scores share a rank (1, 2, 2, 4); null: not ranked (无考核任务, nothing due in the year)',
  })
  rank: number | null;
}

export class ReportJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: REPORT_FORMATS }) format: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
}
