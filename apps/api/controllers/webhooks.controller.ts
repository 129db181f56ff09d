import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import type { Actor } from '../../../libs/common/roles.js';
import { WebhookService } from '../../../libs/notifications/webhook.service.js';
import { SetWebhookDto, WebhookDto } from '../dto/delivery.dto.js';

/** A department's group robot (企业微信 / 钉钉), which receives the same reminders as mail. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('departments/:code/webhook')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookService) {}

  @Get()
  @Can('webhook.manage')
  @ApiOkResponse({ type: WebhookDto, description: '404 when the department has no robot' })
  get(@Param('code') code: string) {
    return this.webhooks.get(code);
  }

  @Put()
  @Can('webhook.manage')
  @ApiOkResponse({ type: WebhookDto })
  set(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() body: SetWebhookDto) {
    return this.webhooks.set(actor, code, body);
  }

  @Delete()
  @HttpCode(204)
  @Can('webhook.manage')
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('code') code: string) {
    return this.webhooks.remove(actor, code);
  }
}
