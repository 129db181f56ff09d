import { ApiProperty, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import { UpdateTaskDto } from './task.dto.js';

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

/** The fields a bulk change may set: those of `PATCH /tasks/:id`, validated the same way (coDepartments replaces each task's co-departments). */
export class BulkSetDto extends PickType(UpdateTaskDto, ['dueDate', 'assigneeId', 'supervisorId', 'coDepartments'] as const) {}

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
