import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import type { Actor } from '../../../libs/common/roles.js';
import { NotificationService } from '../../../libs/notifications/notification.service.js';
import {
  MailPreferencesDto,
  MarkedAllReadDto,
  MarkedReadDto,
  NotificationPageDto,
  NotificationPreferencesDto,
  NotificationQuery,
  UnreadCountDto,
} from '../dto/notification.dto.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  /** The caller's own notifications, newest first: the in-app copy of every mail. Each item: `{id, kind, taskId, subject, body, createdAt, readAt, …}`. */
  @Get()
  @Can('notification.list')
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: NotificationQuery): Promise<NotificationPageDto> {
    return this.notifications.list(actor, query.page, query.limit, query.unread ?? false);
  }

  @Get('unread-count')
  @Can('notification.list')
  @ApiOperation({ summary: 'How many of the caller’s notifications are unread: `{count}` (the console’s badge)' })
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return this.notifications.unreadCount(actor);
  }

  @Get('preferences')
  @Can('notification.preferences')
  @ApiOperation({ summary: 'Which kinds of notification reach the caller by mail (in-app always): `{kinds: [{kind, label, mail}]}`' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  preferences(@CurrentActor() actor: Actor): Promise<NotificationPreferencesDto> {
    return this.notifications.preferences(actor);
  }

  @Put('preferences')
  @Can('notification.preferences')
  @ApiOperation({ summary: 'Turns mail off for the kinds named in `mailOff` (and on for the others); the caller’s own choice, audited' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  setPreferences(@CurrentActor() actor: Actor, @Body() body: MailPreferencesDto): Promise<NotificationPreferencesDto> {
    return this.notifications.setPreferences(actor, body.mailOff);
  }

  @Post('read-all')
  @HttpCode(200)
  @Can('notification.read')
  @ApiOperation({ summary: 'Marks every unread notification of the caller read: `{marked}`' })
  @ApiOkResponse({ type: MarkedAllReadDto })
  markAllRead(@CurrentActor() actor: Actor): Promise<MarkedAllReadDto> {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Can('notification.read')
  @ApiOperation({ summary: 'Marks one of the caller’s notifications read (again: keeps the first time); another user’s is 404' })
  @ApiOkResponse({ type: MarkedReadDto })
  markRead(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<MarkedReadDto> {
    return this.notifications.markRead(actor, id);
  }
}
