import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import type { Actor } from '../../../libs/common/roles.js';
import { NotificationService } from '../../../libs/notifications/notification.service.js';
import { NotificationQuery } from '../dto/notification.dto.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  /** The caller's own notifications, newest first: the in-app copy of every mail. Each item: `{id, kind, taskId, subject, body, createdAt, readAt, …}`. */
  @Get()
  @Can('notification.list')
  list(@CurrentActor() actor: Actor, @Query() query: NotificationQuery) {
    return this.notifications.list(actor, query.page, query.limit, query.unread ?? false);
  }

  @Get('unread-count')
  @Can('notification.list')
  @ApiOperation({ summary: 'How many of the caller’s notifications are unread: `{count}` (the console’s badge)' })
  unreadCount(@CurrentActor() actor: Actor) {
    return this.notifications.unreadCount(actor);
  }

  @Post('read-all')
  @HttpCode(200)
  @Can('notification.read')
  @ApiOperation({ summary: 'Marks every unread notification of the caller read: `{marked}`' })
  markAllRead(@CurrentActor() actor: Actor) {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Can('notification.read')
  @ApiOperation({ summary: 'Marks one of the caller’s notifications read (again: keeps the first time); another user’s is 404' })
  markRead(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.notifications.markRead(actor, id);
  }
}
