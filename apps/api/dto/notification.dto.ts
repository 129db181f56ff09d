import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import { NOTIFICATION_KINDS } from '../../../libs/notifications/event-templates.js';
import { PageQuery, QueryBoolean, ApiTimestamp, PageOf } from './common.dto.js';

export class NotificationQuery extends PageQuery {
  @QueryBoolean('unread', 'only notifications not yet read')
  unread?: boolean;
}

export class MailPreferencesDto {
  @ApiProperty({ type: [String], enum: NOTIFICATION_KINDS, description: 'the kinds the caller takes off mail; every other kind is mailed' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsIn(NOTIFICATION_KINDS, { each: true })
  mailOff: string[];
}

export class NotificationKindDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: string;
  @ApiProperty({ example: '任务被退回' }) label: string;
  @ApiProperty({ description: 'false: in-app only' }) mail: boolean;
}

export class NotificationPreferencesDto {
  @ApiProperty({ type: [NotificationKindDto] }) kinds: NotificationKindDto[];
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    example: 'reminder',
    description: 'what it is about: a ladder template (reminder, overdue, escalation, review) or a task event (task.assigned, …)',
  })
  kind: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ description: 'the same as kind (kept for clients of the first release)' }) template: string;
  @ApiProperty({ example: '2025-12-24', description: 'the day the ladder step (or the event) fell on' }) step: string;
  @ApiProperty({
    example: '2025-12-31',
    nullable: true,
    type: String,
    description: "the deadline it was about (a report period's for report_due); null: an event of an open-ended task (长期坚持)",
  })
  dueDate: string | null;
  @ApiProperty() subject: string;
  @ApiProperty() body: string;
  @ApiTimestamp() createdAt: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt: Date | null;
}

export class NotificationPageDto extends PageOf(NotificationDto) {}

export class UnreadCountDto {
  @ApiProperty() count: number;
}

export class MarkedReadDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: [true] }) read: true;
}

export class MarkedAllReadDto {
  @ApiProperty({ description: 'how many were unread' }) marked: number;
}
