import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import { NOTIFICATION_KINDS } from '../../../libs/notifications/event-templates.js';
import { PageQuery, QueryBoolean } from './common.dto.js';

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
