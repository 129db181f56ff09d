import { ApiTimestamp } from './common.dto.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID } from 'class-validator';

export class DutyDto {
  @ApiProperty({ example: 'duty-finance' }) code: string;
  @ApiProperty({ nullable: true, type: String, example: '七(二)财政部门' }) clauseRef: string | null;
  @ApiProperty() text: string;
}

export class DepartmentDto {
  @ApiProperty({ example: 'finance' }) code: string;
  @ApiProperty({ example: '市财政局' }) name: string;
  @ApiProperty({ type: [String], description: "its duties' text under the plan's 七(二)" }) duties: string[];
  @ApiProperty({ type: [DutyDto], description: 'the same duties with their codes and clauses' }) dutyDetails: DutyDto[];
}

export class PlanDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'taixing-14th' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 2021 }) startYear: number;
  @ApiProperty({ example: 2025 }) endYear: number;
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone: string;
  @ApiProperty() preamble: string;
  @ApiTimestamp() createdAt: Date;
  @ApiProperty({
    description:
      'the current plan: the one a task made by hand joins when it names neither a plan nor a clause (CURRENT_PLAN, by default the plan whose period starts last); the console starts on it',
  })
  current: boolean;
}

export class PlanClauseDto {
  @ApiProperty({ example: '七(二)财政部门' }) ref: string;
  @ApiProperty() text: string;
}

export class PlanSectionDto {
  @ApiProperty({ example: '七(二)' }) code: string;
  @ApiProperty({ nullable: true, type: String, example: '七' }) parentCode: string | null;
  @ApiProperty() title: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: [PlanClauseDto] }) clauses: PlanClauseDto[];
}

export class PlanDetailDto extends PlanDto {
  @ApiProperty({ type: [PlanSectionDto], description: 'in the order of the text' }) sections: PlanSectionDto[];
}

export class CarryOverDto {
  @ApiProperty({ format: 'uuid', description: 'the plan the tasks move into (another plan)' })
  @IsUUID()
  toPlanId: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'tasks of this plan to carry over, each open; their open sub-tasks (at every depth) move with them, completed and cancelled ones stay. Absent: every open task of the plan',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  taskIds?: string[];
}

export class CarryOverResultDto {
  @ApiProperty({ format: 'uuid', description: 'shared by the move records and audit entries of this carry-over' }) batchId: string;
  @ApiProperty({ format: 'uuid' }) fromPlanId: string;
  @ApiProperty({ format: 'uuid' }) toPlanId: string;
  @ApiProperty({ description: 'tasks moved (0 when the plan has no open task left)' }) moved: number;
  @ApiProperty({ type: [String], format: 'uuid', description: 'the tasks moved, the named ones with their open sub-tasks' }) taskIds: string[];
  @ApiProperty({ description: 'moved tasks whose clause the new plan does not have: their clause reference was cleared (kept in the move record)' })
  clausesCleared: number;
}

export class PlanRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
}

export class CarriedTaskRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) code: string | null;
  @ApiProperty() title: string;
}

export class CarryOverMoverDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class CarryOverRecordDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) batchId: string;
  @ApiProperty({ nullable: true, enum: ['out', 'in'], type: String, description: "out of or into the plan asked about; null in a task's own list" })
  direction: 'out' | 'in' | null;
  @ApiProperty({ type: CarriedTaskRefDto }) task: CarriedTaskRefDto;
  @ApiProperty({ type: PlanRefDto }) fromPlan: PlanRefDto;
  @ApiProperty({ type: PlanRefDto }) toPlan: PlanRefDto;
  @ApiProperty({ nullable: true, type: String, description: 'its clause in the old plan' }) fromClauseRef: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the same ref when the new plan has it, else null' }) toClauseRef: string | null;
  @ApiProperty({ description: 'its status when it moved' }) status: string;
  @ApiTimestamp() movedAt: Date;
  @ApiProperty({ type: CarryOverMoverDto, nullable: true }) movedBy: CarryOverMoverDto | null;
}
