import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery, ApiTimestamp, PageOf } from './common.dto.js';
import { IsCalendarDate } from './is-calendar-date.js';

/** The audit viewer's filters (GET /audit and GET /audit.xlsx). */
export class AuditFilterQuery {
  @ApiPropertyOptional({ description: "the actor: a user's id, email or name" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ example: 'task.*', description: 'an action (`auth.login_failed`), or every action of a domain (`task.*`)' })
  @IsOptional()
  @Matches(/^[a-z][a-z_-]*(\.[a-z_-]+)*(\.\*)?$/, { message: 'action must be an action such as auth.login, or a domain such as task.*' })
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ example: 'task', description: 'the kind of object changed (task, user, evidence, assessment…)' })
  @IsOptional()
  @Matches(/^[a-z][a-z_-]*$/, { message: 'entity must be an object kind such as task or user' })
  @MaxLength(64)
  entity?: string;

  @ApiPropertyOptional({ description: "one object's id (with entity)" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'from this day (in TZ), inclusive' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'to this day (in TZ), inclusive' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** The viewer's page of entries: the filters and `page`, `limit`. */
export class AuditQuery extends IntersectionType(PageQuery, AuditFilterQuery) {}

export class AuditEntryDto {
  @ApiProperty() seq: number;
  @ApiTimestamp() at: Date;
  @ApiProperty({ type: String, nullable: true, description: 'null for the system (worker, seed)' }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: String, nullable: true }) actorEmail: string | null;
  @ApiProperty({ example: 'task.approve' }) action: string;
  @ApiProperty({ example: '审核通过', description: "the action's Chinese name" }) actionLabel: string;
  @ApiProperty({ example: 'task', description: 'the kind of object changed' }) entity: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ type: String, nullable: true }) taskId: string | null;
  @ApiProperty({ type: Object, nullable: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: Object, nullable: true }) after: Record<string, unknown> | null;
  @ApiProperty({ type: Object, nullable: true }) detail: Record<string, unknown> | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "the client address of the request that made the change (TRUST_PROXY-aware); null for the system's own",
  })
  ip: string | null;
}

export class AuditPageDto extends PageOf(AuditEntryDto) {}

class ChainBreakDto {
  @ApiProperty() seq: number;
  @ApiProperty() reason: string;
}

export class AuditChainDto {
  @ApiProperty({ description: 'entries checked before the first broken link (all of them when intact)' }) checked: number;
  @ApiProperty({ type: ChainBreakDto, nullable: true, description: 'the first broken link; null when the chain holds' }) broken: ChainBreakDto | null;
  @ApiTimestamp() verifiedAt: Date;
}
