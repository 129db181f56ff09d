import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import type { Actor } from '../../../libs/common/roles.js';
import { NotificationService } from '../../../libs/notifications/notification.service.js';
import { PageQuery } from '../dto/common.dto.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  /** The caller's own reminders, newest first: the in-app copy of every mail. */
  @Get()
  @Can('notification.list')
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery) {
    return this.notifications.list(actor, query.page, query.limit);
  }
}
