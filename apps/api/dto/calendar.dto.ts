import { ApiTimestamp } from './common.dto.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Omittable } from './omittable.js';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '../../../libs/calendar/china-calendar.js';
import { IsCalendarDate } from './is-calendar-date.js';

export class CalendarDaysQuery {
  @ApiPropertyOptional({
    example: 2027,
    description: "the year whose packaged holidays and make-up workdays to list with the administrators' entries; without it, every administrator's entry",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2200)
  year?: number;
}

export class CalendarDateParam {
  @ApiProperty({ example: '2027-01-01', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  date: string;
}

export class SetCalendarDayDto {
  @ApiProperty({
    enum: CALENDAR_DAY_KINDS,
    description: 'workday: people work that day (a make-up workday on a weekend, 调休上班); holiday: they do not (a statutory holiday, 放假)',
  })
  @IsIn(CALENDAR_DAY_KINDS)
  kind: CalendarDayKind;

  @ApiPropertyOptional({ example: '元旦（国办发明电〔2026〕X号）', maxLength: 200 })
  @Omittable()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class CalendarDayDto {
  @ApiProperty({ example: '2027-01-01' }) date: string;
  @ApiProperty({ enum: CALENDAR_DAY_KINDS }) kind: string;
  @ApiProperty({ example: '元旦' }) note: string;
  @ApiProperty({
    enum: ['package', 'admin'],
    description: 'package: npm chinese-days (State Council notices); admin: entered by an administrator, wins over the package',
  })
  source: string;
  @ApiPropertyOptional({
    enum: CALENDAR_DAY_KINDS,
    nullable: true,
    description: "on an administrator's entry: what the package says about the date (null: nothing, so Monday–Friday applies)",
  })
  packageKind?: string | null;
  @ApiTimestamp({ required: false }) updatedAt?: Date;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) updatedBy?: string | null;
}

export class CalendarCoverageDto {
  @ApiProperty({ description: "the policy's workdays: false means offsets count calendar days and no holiday data is needed" }) workdays: boolean;
  @ApiProperty({ type: [Number], description: 'years npm chinese-days has State Council data for' }) packageYears: number[];
  @ApiProperty({ type: [Number], description: 'years with at least one administrator entry' }) adminYears: number[];
  @ApiProperty({ type: [Number] }) yearsWithData: number[];
  @ApiProperty({ type: [Number], description: 'this year, next year and the years of open tasks’ deadlines' }) checkedYears: number[];
  @ApiProperty({ type: [Number], description: 'checked years without data: their working days are counted Monday–Friday' }) missingYears: number[];
  @ApiProperty({ nullable: true, type: String, description: 'the warning, in Chinese; null when nothing is missing' }) message: string | null;
}
