import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsInt, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from './is-calendar-date.js';
import { Omittable } from './omittable.js';

/** One task of a bulk change, with the version the caller read: a stale one fails the whole change. */
export class BulkTaskRefDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ description: 'the version read (GET /tasks shows it)' })
  @IsInt()
  @Min(1)
  version: number;
}

export class BulkSetDto {
  @ApiPropertyOptional({ example: '2025-12-31' })
  @Omittable()
  @IsCalendarDate()
  dueDate?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "a user of every selected task's lead department" })
  @Omittable()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '督办责任人: an active supervisor (400 naming it otherwise)' })
  @Omittable()
  @IsUUID()
  supervisorId?: string;

  @ApiPropertyOptional({ type: [String], description: "replaces each task's co-departments (its lead department left out)" })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  coDepartments?: string[];
}

export class BulkUpdateDto {
  @ApiProperty({ type: [BulkTaskRefDto], description: 'the tasks, each with the version read' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => BulkTaskRefDto)
  ids: BulkTaskRefDto[];

  @ApiProperty({ type: BulkSetDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => BulkSetDto)
  set: BulkSetDto;
}

export class BulkResultDto {
  @ApiProperty({ description: 'tasks changed' })
  updated: number;
}
