import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import { UpdateTaskDto } from './task.dto.js';
import { REPORT_CYCLES, type ReportCycle } from '../../../libs/vocabulary/tasks.js';

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

export class CellProblemDto {
  @ApiProperty({ example: '分工表' }) sheet: string;
  @ApiProperty({ example: 5 }) row: number;
  @ApiProperty({ example: '完成时限' }) column: string;
  @ApiPropertyOptional({ example: 'F5' }) cell?: string;
  @ApiProperty({ example: '完成时限「2025-02-30」不是有效日期' }) message: string;
}

export class ImportedTaskDto {
  @ApiProperty() sheet: string;
  @ApiProperty() row: number;
  @ApiProperty({ description: "the task's stable key, from its title and its parents' titles" }) code: string;
  @ApiProperty({ nullable: true, type: String, description: 'the 序号 as written' }) label: string | null;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() leadDepartmentCode: string;
  @ApiProperty({ type: [String] }) coDepartmentCodes: string[];
  @ApiProperty({ nullable: true, type: String, description: 'null: open-ended (长期坚持, 每季度 …: the 完成时限 names a cycle and no date)' })
  dueDate: string | null;
  @ApiProperty({ enum: REPORT_CYCLES, nullable: true, description: 'the reporting cycle the 完成时限 names: 每月 P1M, 每季度 P3M, 每半年 P6M, 长期坚持 P3M' })
  reportEvery: ReportCycle | null;
  @ApiProperty({ nullable: true, type: String }) clauseRef: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) supervisorId: string | null;
  @ApiProperty({ nullable: true, type: Number, description: "the parent row's number, when the 序号 puts it under another" }) parentRow: number | null;
  @ApiProperty({ enum: ['create', 'update', 'unchanged'] }) action: 'create' | 'update' | 'unchanged';
  @ApiProperty({ type: [String], description: 'the fields an update changes' }) changed: string[];
}

export class TaskImportReportDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'task rows read' }) rows: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty({ type: [CellProblemDto] }) errors: CellProblemDto[];
  @ApiProperty({ type: [String] }) sheets: string[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the plan new rows join and clauses are read in (`?plan=`, else the current plan); null while no plan is loaded',
  })
  planId: string | null;
  @ApiProperty({ type: [ImportedTaskDto], description: "each row's task and what the import does (did) with it" }) tasks: ImportedTaskDto[];
  @ApiPropertyOptional({ description: 'with errors (422): the first of them, in a sentence' }) message?: string;
}
