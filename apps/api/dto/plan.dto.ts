import { ApiTimestamp } from './common.dto.js';
import { ApiProperty } from '@nestjs/swagger';

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
