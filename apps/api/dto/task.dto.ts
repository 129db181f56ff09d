import { PlanFilter } from './plan-filter.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Omittable } from './omittable.js';
import { IsCalendarDate } from './is-calendar-date.js';
import { PageQuery, QueryBoolean, ApiTimestamp, PageOf } from './common.dto.js';
import { TaskStatus } from '../../../libs/tasks/task-status.js';
import { Role } from '../../../libs/common/roles.js';
import {
  ExtensionStatus,
  GRADES,
  type Grade,
  REPORT_CYCLES,
  REPORT_SLOT_STATUSES,
  type ReportCycle,
  type ReportSlotStatus,
} from '../../../libs/vocabulary/tasks.js';

export class CreateTaskDto {
  @ApiProperty({ example: '落实教育经费法定增长要求' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiProperty({ example: 'finance', description: '牵头单位 code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  leadDepartment: string;

  @ApiPropertyOptional({ example: ['tax'], description: '配合单位 codes' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  coDepartments?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'a user of the lead department' })
  @Omittable()
  @IsUUID()
  assigneeId?: string;

  @ApiProperty({
    example: '2025-12-31',
    nullable: true,
    type: String,
    description:
      'YYYY-MM-DD in TZ, due at the end of that day. null: open-ended (长期坚持, no final deadline), allowed only with `reportEvery` (400 otherwise): such a task is never overdue and is judged on its report periods',
  })
  @ValidateIf((_object, value) => value !== null)
  @IsCalendarDate()
  dueDate: string | null;

  @ApiPropertyOptional({ example: '七(二)财政部门' })
  @Omittable()
  @IsString()
  @MaxLength(100)
  clauseRef?: string;

  @ApiPropertyOptional({ type: [String] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  indicatorCodes?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'parent task of decomposed work' })
  @Omittable()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "the plan the task joins (400 when unknown, or another than its parent's). Default: its parent's plan, else the plan holding `clauseRef` (the current plan when several do), else the current plan (CURRENT_PLAN, by default the plan whose period starts last). `clauseRef` must name a clause of that plan (400 naming both)",
  })
  @Omittable()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      '督办责任人: the owning supervisor (an active supervisor); default the creator. Receives the ladder steps addressed to `supervisor` and the review reminders',
  })
  @Omittable()
  @IsUUID()
  supervisorId?: string;

  @ApiPropertyOptional({
    description:
      "承办单位负责人审签: submissions go to the lead department's leader (`leader_review`) before the supervisor; default from the policy's `signOff` (leader → true)",
  })
  @Omittable()
  @IsBoolean()
  requireSignOff?: boolean;

  @ApiPropertyOptional({
    enum: REPORT_CYCLES,
    description: '定期报送: a progress report is owed for each month (P1M), quarter (P3M) or half year (P6M) from the one the task is created in',
  })
  @Omittable()
  @IsIn(REPORT_CYCLES)
  reportEvery?: ReportCycle;

  @ApiPropertyOptional({ minimum: 1, maximum: 28, description: 'reports are due by this day of the month after each period (default 5)' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(28)
  reportDueDay?: number;

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: '定期报送: the day report periods start from (the first period is the one containing it); default the day the task is created',
  })
  @Omittable()
  @IsCalendarDate()
  reportFrom?: string;

  @ApiPropertyOptional({
    description:
      '配合单位反馈: each co-department owes its own report for every period of the cycle too (default false; no effect without reportEvery); see GET /tasks/:id/co-report-slots',
  })
  @Omittable()
  @IsBoolean()
  coDepartmentsReport?: boolean;
}

export class UpdateTaskDto {
  @ApiProperty({ description: 'the version read; a stale one is 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  leadDepartment?: string;

  @ApiPropertyOptional({ type: [String] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  coDepartments?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'a user of the lead department; changing leadDepartment without naming one clears it' })
  @Omittable()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '督办责任人 (an active supervisor)' })
  @Omittable()
  @IsUUID()
  supervisorId?: string;

  @ApiPropertyOptional({ description: "require the lead department's leader to sign off submissions (applies to the next submission)" })
  @Omittable()
  @IsBoolean()
  requireSignOff?: boolean;

  @ApiPropertyOptional({
    enum: REPORT_CYCLES,
    description: '定期报送: a progress report is owed for each month (P1M), quarter (P3M) or half year (P6M) from the one the task is created in',
  })
  @Omittable()
  @IsIn(REPORT_CYCLES)
  reportEvery?: ReportCycle;

  @ApiPropertyOptional({ minimum: 1, maximum: 28, description: 'reports are due by this day of the month after each period (default 5)' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(28)
  reportDueDay?: number;

  @ApiPropertyOptional({
    description:
      '配合单位反馈: each co-department owes its own report for every period of the cycle too (default false; no effect without reportEvery); see GET /tasks/:id/co-report-slots',
  })
  @Omittable()
  @IsBoolean()
  coDepartmentsReport?: boolean;

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: '定期报送: the day report periods start from (the first period is the one containing it); default the day the task is created',
  })
  @Omittable()
  @IsCalendarDate()
  reportFrom?: string;

  @ApiPropertyOptional({
    example: '2025-12-31',
    nullable: true,
    type: String,
    description: 'null makes the task open-ended (长期坚持, no final deadline): only a task with `reportEvery` (400 otherwise)',
  })
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsCalendarDate()
  dueDate?: string | null;

  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MaxLength(100)
  clauseRef?: string;

  @ApiPropertyOptional({ type: [String] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  indicatorCodes?: string[];
}

export class TaskListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'department code: tasks it leads or co-operates on' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  department?: string;

  @ApiPropertyOptional({ enum: TaskStatus })
  @IsOptional()
  @IsEnum(TaskStatus)
  status?: TaskStatus;

  @QueryBoolean('overdue', 'only tasks past their due date and not completed')
  overdue?: boolean;

  @ApiPropertyOptional({
    enum: ['green', 'yellow', 'red'],
    description:
      "only tasks of this light: red overdue; yellow due from today to the last day of the policy's warning window (warnBefore, counted in working days when the policy says workdays: true); green the rest and completed work",
  })
  @IsOptional()
  @IsIn(['green', 'yellow', 'red'])
  light?: 'green' | 'yellow' | 'red';

  @ApiPropertyOptional({ example: '2025-12-31', description: 'due on or before this date' })
  @IsOptional()
  @IsCalendarDate()
  dueBefore?: string;

  @ApiPropertyOptional({ description: 'text in title, description or code' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'sub-tasks of this task' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @PlanFilter()
  plan?: string;
}

export class VersionedDto {
  @ApiPropertyOptional({ description: 'when given, a stale version is 409' })
  @Omittable()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ProgressDto {
  @ApiProperty({ example: '已完成资金测算，正在报批' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  note: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(100)
  percent?: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  evidenceIds?: string[];

  @ApiPropertyOptional({
    example: '2026-03',
    description:
      "the report slot this report files (GET /tasks/:id/report-slots): a period of the task's cycle that has begun; a second report for a filed period updates it. Filings are keyed by (task, department, period): a co-department's liaison files its own slot (GET /tasks/:id/co-report-slots), never the lead's, and only on a task with coDepartmentsReport (400 otherwise)",
  })
  @Omittable()
  @IsString()
  @MaxLength(7)
  period?: string;
}

export class SubmitDto extends VersionedDto {
  @ApiProperty({ example: '已按要求完成，佐证材料见附件' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  summary: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'at least one evidence id of this task' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  evidenceIds: string[];
}

export { GRADES };

export class ApproveDto extends VersionedDto {
  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MaxLength(10000)
  comment?: string;

  @ApiPropertyOptional({ enum: GRADES, description: '优秀/良好/合格/不合格' })
  @Omittable()
  @IsIn(GRADES)
  grade?: Grade;
}

/** Return, cancel and reopen: a step that must say why. */
export class ReasonDto extends VersionedDto {
  @ApiProperty({ example: '佐证材料不完整，请补充资金拨付凭证' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  reason: string;
}

export class ExtensionRequestDto {
  @ApiProperty({ example: '2026-03-31' })
  @IsCalendarDate()
  requestedDueDate: string;

  @ApiProperty({ example: '项目用地审批尚未完成' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  reason: string;
}

export class CancelDto extends ReasonDto {
  @ApiPropertyOptional({
    enum: ['cancel', 'keep'],
    description: 'required when the task has open sub-tasks: cancel them too, or keep them (they go on on their own); otherwise 409 naming them',
  })
  @Omittable()
  @IsIn(['cancel', 'keep'])
  children?: 'cancel' | 'keep';
}

export class SignOffDto extends VersionedDto {
  @ApiPropertyOptional({ example: '情况属实，同意报送' })
  @Omittable()
  @IsString()
  @MaxLength(10000)
  comment?: string;
}

export class EndorseDto {
  @ApiProperty({ description: 'true: the leader agrees and the request goes to the supervisor; false: it is rejected' })
  @IsBoolean()
  agree: boolean;

  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MaxLength(10000)
  comment?: string;
}

export class DecisionDto {
  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MaxLength(10000)
  comment?: string;
}

export class EvidenceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() filename: string;
  @ApiProperty() size: number;
  @ApiProperty() mimeType: string;
  @ApiProperty({ description: 'hex SHA-256 of the bytes' }) sha256: string;
  @ApiProperty({ description: 'the department that uploaded it' }) departmentCode: string;
  @ApiProperty({ format: 'uuid', description: 'the user who uploaded it' }) uploadedBy: string;
  @ApiTimestamp() createdAt: Date;
}

export class ProgressReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty({ description: "the reporting department (a co-department's feedback is its own)" }) departmentCode: string;
  @ApiProperty({ example: 'progress' }) kind: string;
  @ApiProperty() note: string;
  @ApiProperty({ nullable: true, type: Number }) percent: number | null;
  @ApiProperty({ type: [String], description: 'evidence of this task the report points to' }) evidenceIds: string[];
  @ApiProperty({ nullable: true, type: String, example: '2026-03', description: 'the report period (定期报送) it files, if any' }) period: string | null;
  @ApiTimestamp() createdAt: Date;
}

export class ExtensionRequestViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty({ example: '2025-12-31' }) currentDueDate: string;
  @ApiProperty({ example: '2026-03-31' }) requestedDueDate: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ExtensionStatus, description: 'awaiting_leader (sign-off tasks), pending (for the supervisor), approved or rejected' })
  status: ExtensionStatus;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) decidedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) decisionComment: string | null;
  @ApiTimestamp() createdAt: Date;
}

export class TaskOwnerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class CarriedFromDto {
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty() planCode: string;
  @ApiProperty() planTitle: string;
  @ApiProperty({ nullable: true, type: String, description: 'its clause in the old plan' }) clauseRef: string | null;
  @ApiTimestamp() movedAt: Date;
  @ApiProperty({ type: TaskOwnerDto, nullable: true }) movedBy: TaskOwnerDto | null;
}

export class ReportSlotDto {
  @ApiProperty({ example: '2026-03', description: '2026-03 (month), 2026-Q1 (quarter), 2026-H1 (half year)' }) period: string;
  @ApiProperty({ example: '2026-03-01' }) from: string;
  @ApiProperty({ example: '2026-03-31' }) to: string;
  @ApiProperty({
    example: '2026-04-07',
    description: 'due by the end of this day (reportDueDay of the next month, the next working day when the policy counts working days)',
  })
  dueDate: string;
  @ApiProperty({ enum: REPORT_SLOT_STATUSES, description: 'filed: by its deadline; late: after it; missed: not by it; open: not yet due' })
  status: ReportSlotStatus;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the first report filed for the period' }) progressId: string | null;
  @ApiProperty({ example: 'finance', description: 'the department that owes it: the lead department, or a co-department (配合单位反馈)' })
  departmentCode: string;
}

/** 配合单位反馈: one co-department's report periods of a task, with its latest report and those it missed. */
export class CoDepartmentSlotsDto {
  @ApiProperty({ example: 'finance' }) departmentCode: string;
  @ApiProperty({ example: '财政局' }) departmentName: string;
  @ApiProperty({ type: ReportSlotDto, nullable: true, description: 'its latest period reported (filed or late); null before its first' })
  latest: ReportSlotDto | null;
  @ApiProperty({ type: [String], example: ['2026-03'], description: 'the periods it missed (逾期未报), oldest first' }) missed: string[];
  @ApiProperty({ type: [ReportSlotDto], description: 'all its periods, oldest first' }) slots: ReportSlotDto[];
}

export class TaskChildrenDto {
  @ApiProperty() total: number;
  @ApiProperty() completed: number;
  @ApiProperty({ nullable: true, type: Number, description: 'completed share of the sub-tasks not cancelled, 0–100; null without any' }) percent: number | null;
}

/** A task as lists show it. */
export class TaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) code: string | null;
  @ApiProperty() title: string;
  @ApiProperty() leadDepartmentCode: string;
  @ApiProperty({ type: [String] }) coDepartmentCodes: string[];
  @ApiProperty({ nullable: true, type: String }) assigneeId: string | null;
  @ApiProperty({ example: '2025-12-31', nullable: true, type: String, description: 'null: open-ended (长期坚持), never overdue; lists put it last' })
  dueDate: string | null;
  @ApiProperty({ enum: TaskStatus }) status: TaskStatus;
  @ApiProperty() version: number;
  @ApiProperty({
    description:
      'open and past its due date — except work waiting in leader_review or submitted after a submission made by the end of the due date (the fair clock); one submitted late stays overdue',
  })
  overdue: boolean;
  @ApiProperty({
    enum: ['green', 'yellow', 'red'],
    description:
      "red: overdue (see `overdue`); yellow: due within the policy's warning window (warnBefore from today, in working days when workdays: true); green: otherwise, and completed, cancelled or in-time waiting work",
  })
  light: string;
  @ApiProperty({ nullable: true, type: String }) clauseRef: string | null;
  @ApiProperty() percent: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the task it is a part of (分解)' }) parentId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'the latest submission; the one approved decides on time' })
  submittedAt: Date | null;
  /** A Date from an entity, or the ISO text the list's SQL already made of it: the same JSON. */
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date | string;
}

/** One task as every change answers it: all its own fields. */
export class TaskViewDto extends TaskDto {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the plan it belongs to' }) planId: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the plan's duty (七(二)) it carries out" }) dutyCode: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: '督办责任人' }) supervisorId: string | null;
  @ApiProperty({ type: [String], description: "the plan's indicators the task serves" }) indicatorCodes: string[];
  @ApiProperty({ nullable: true, type: String, description: 'why the supervisor (or leader) returned it last' }) returnReason: string | null;
  @ApiProperty({ enum: GRADES, nullable: true, description: "the supervisor's grade on approval" }) grade: Grade | null;
  @ApiProperty({ description: "submissions go to the lead department's leader first" }) requireSignOff: boolean;
  @ApiProperty({ enum: REPORT_CYCLES, nullable: true, description: '定期报送 cycle' }) reportEvery: ReportCycle | null;
  @ApiProperty({ description: 'reports due by this day of the month after each period' }) reportDueDay: number;
  @ApiProperty({ nullable: true, type: String, example: '2026-01-01', description: 'report periods start from the one containing it (null: from creation)' })
  reportFrom: string | null;
  @ApiProperty({ description: '配合单位反馈: each co-department owes its own report for every period too' }) coDepartmentsReport: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'who created it (null: the plan seeds)' }) createdBy: string | null;
  @ApiTimestamp() createdAt: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when a supervisor cancelled it' }) cancelledAt: Date | null;
}

/** GET /tasks/:id: the task with what people read beside it. */
export class TaskDetailDto extends TaskViewDto {
  @ApiProperty({ nullable: true, type: String, description: "the plan's text of its clause" }) clauseText: string | null;
  @ApiProperty({ type: TaskOwnerDto, nullable: true, description: '督办责任人 by name' }) supervisor: TaskOwnerDto | null;
  @ApiProperty({ nullable: true, type: String, description: 'set when its reminders reach a year whose holidays are not published yet' })
  calendarNote: string | null;
  @ApiProperty({ type: TaskChildrenDto, description: 'its sub-tasks rolled up' }) children: TaskChildrenDto;
  @ApiProperty({
    type: CarriedFromDto,
    nullable: true,
    description: 'the plan it was carried over (结转) from by POST /plans/:id/carry-over, the last such move; null when never carried',
  })
  carriedFrom: CarriedFromDto | null;
  @ApiProperty({ type: [ProgressReportDto], description: 'progress reports, oldest first' }) progress: ProgressReportDto[];
  @ApiProperty({ type: [EvidenceDto] }) evidence: EvidenceDto[];
  @ApiProperty({ type: [ExtensionRequestViewDto] }) extensionRequests: ExtensionRequestViewDto[];
}

export class TaskPageDto extends PageOf(TaskDto) {}

export class NewCommentDto {
  @ApiProperty({ example: '请@财政联络员 本周内补充拨付凭证', description: 'the comment; `@姓名` tells that person (someone who may see the task)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  body: string;

  @ApiPropertyOptional({ description: '领导批示: shown apart at the top of the task (supervisors and leaders only, 403 otherwise)' })
  @Omittable()
  @IsBoolean()
  instruction?: boolean;
}

export class CommentAuthorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() role: string;
  @ApiProperty({ nullable: true, type: String }) departmentCode: string | null;
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() body: string;
  @ApiProperty({ description: '领导批示' }) instruction: boolean;
  @ApiTimestamp() createdAt: Date;
  @ApiProperty({ type: CommentAuthorDto }) author: CommentAuthorDto;
  @ApiProperty({ type: [TaskOwnerDto], description: 'the users it @-mentions' }) mentions: TaskOwnerDto[];
}

export class HistoryActorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: Role }) role: Role;
}

/** One recorded change of a task (from the audit log), oldest first. */
export class TaskHistoryEntryDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: HistoryActorDto, nullable: true, description: 'null: the system (the plan seeds, the worker)' }) actor: HistoryActorDto | null;
  @ApiProperty({ example: 'task.submit' }) action: string;
  @ApiProperty({ nullable: true, type: String, description: 'the status before, when the change moved it' }) from: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the status after' }) to: string | null;
  @ApiProperty({ type: Object, description: "the entry's detail with its `before` and `after` fields" }) detail: Record<string, unknown>;
}

export class ReportsOwedQuery {
  @ApiPropertyOptional({
    example: 'finance',
    description:
      "a department's code: the periods it owes, as lead or as a reporting co-department (supervisors and reviewers; a department's own people always see their own)",
  })
  @Omittable()
  @IsString()
  @MaxLength(64)
  department?: string;
}

/** A report period owed (本月待报): not filed, due by the end of this month or already missed. */
export class OwedReportDto {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ nullable: true, type: String }) taskCode: string | null;
  @ApiProperty() taskTitle: string;
  @ApiProperty() leadDepartmentCode: string;
  @ApiProperty({ example: 'finance', description: 'the department that owes it: the lead, or a co-department reporting its own part (配合单位反馈)' })
  departmentCode: string;
  @ApiProperty({ example: '2026-11' }) period: string;
  @ApiProperty({ example: '2026-11-01' }) from: string;
  @ApiProperty({ example: '2026-11-30' }) to: string;
  @ApiProperty({ example: '2026-12-07' }) dueDate: string;
  @ApiProperty({ enum: ['open', 'missed'], description: 'open: still due this month; missed: its deadline passed (逾期未报)' })
  status: ReportSlotStatus;
}
