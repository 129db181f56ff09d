import { ApiTimestamp } from './common.dto.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Omittable } from './omittable.js';
import { COMPARATORS } from '../../../libs/indicators/indicator-trend.js';

export class IndicatorListQuery {
  @ApiPropertyOptional({ example: 'edu', description: 'only the indicators this department owns' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  department?: string;
}

export class ReportIndicatorValueDto {
  @ApiProperty({ example: 2022, description: 'the year the value measures; a second report for a year replaces the first' })
  @IsInt()
  @Min(1900)
  @Max(2200)
  year: number;

  @ApiProperty({ example: 91.5, description: "in the indicator's unit" })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @ApiPropertyOptional({ example: '据教育统计年报' })
  @Omittable()
  @IsString()
  @MaxLength(10000)
  note?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "evidence already uploaded to one of the department's tasks" })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  evidenceIds?: string[];
}

export class YearValueDto {
  @ApiProperty() year: number;
  @ApiProperty() value: number;
}

export class IndicatorValueDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() indicatorCode: string;
  @ApiProperty() year: number;
  @ApiProperty() value: number;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) evidenceIds: string[];
  @ApiProperty({ format: 'uuid' }) reportedBy: string;
  @ApiTimestamp() createdAt: Date;
  @ApiTimestamp() updatedAt: Date;
}

export class IndicatorDto {
  @ApiProperty({ example: 'vocational-dual-qualified-teacher-share' }) code: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ example: '职业学校双师型教师比例' }) name: string;
  @ApiProperty({ example: '%' }) unit: string;
  @ApiProperty({ enum: COMPARATORS, description: 'which side of the target meets it' }) comparator: string;
  @ApiProperty({ example: 85 }) target: number;
  @ApiProperty({ example: 2025 }) targetYear: number;
  @ApiProperty({ nullable: true, type: Number, example: 75.36 }) baseline: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 2020 }) baselineYear: number | null;
  @ApiProperty({ example: 'edu' }) departmentCode: string;
  @ApiProperty({ example: '五(一)2#3', description: 'the clause stating the target' }) clauseRef: string;
  @ApiProperty({ description: "the plan's words stating the target, verbatim" }) sourceText: string;
  @ApiProperty({ nullable: true, type: String }) baselineClauseRef: string | null;
  @ApiProperty({ nullable: true, type: String }) baselineSourceText: string | null;
  @ApiProperty({ description: 'the target was read from wording (全覆盖 → 100 %), not a number in the text' }) derived: boolean;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: YearValueDto, description: 'the latest reported year and its value' }) latest: YearValueDto | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'still to go from the latest value to the target, positive in the better direction (>=: target − value; <=: value − target; =: the distance); 0 or less is met; null without a report',
  })
  gap: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'the least-squares line through the baseline and the reported values, at targetYear' })
  projected: number | null;
  @ApiProperty({
    nullable: true,
    enum: ['on_track', 'at_risk', 'off_track'],
    description:
      'on_track: the projection meets the target; at_risk: it misses by at most 10 % of the distance from baseline (or first value) to target; off_track: otherwise; null with fewer than two years of data',
  })
  trend: string | null;
}

export class IndicatorDetailDto extends IndicatorDto {
  @ApiProperty({ type: [IndicatorValueDto] }) values: IndicatorValueDto[];
}
