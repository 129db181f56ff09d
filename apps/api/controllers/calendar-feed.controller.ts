import { Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can, CurrentActor, Public } from '../../../libs/auth/decorators.js';
import { CalendarFeedService } from '../../../libs/calendar-feed/calendar-feed.service.js';
import { NotFoundError } from '../../../libs/common/errors.js';
import type { Actor } from '../../../libs/common/roles.js';
import { CalendarFeedCreatedDto, CalendarFeedStatusDto, FeedQuery } from '../dto/calendar-feed.dto.js';
import { PlanScope } from '../../../libs/plan/plan-scope.js';
import { FEED_RATE_LIMIT } from '../rate-limit.js';
import { FEED_MESSAGES } from '../../../libs/calendar-feed/calendar-feed.messages.js';

/** Each user's private iCalendar feed of deadlines (订阅日历). */
@ApiTags('calendar-feed')
@Controller()
export class CalendarFeedController {
  constructor(
    private readonly feeds: CalendarFeedService,
    private readonly plans: PlanScope,
  ) {}

  @Post('me/calendar-feed')
  @Can('calendar-feed.manage')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'make a new feed URL (the previous one stops working); audited as calendar-feed.create' })
  @ApiCreatedResponse({ type: CalendarFeedCreatedDto })
  create(@CurrentActor() actor: Actor) {
    return this.feeds.create(actor);
  }

  @Get('me/calendar-feed')
  @Can('calendar-feed.manage')
  @ApiBearerAuth()
  @ApiOkResponse({ type: CalendarFeedStatusDto })
  status(@CurrentActor() actor: Actor) {
    return this.feeds.status(actor);
  }

  @Delete('me/calendar-feed')
  @Can('calendar-feed.manage')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'revoke the feed URL (audited as calendar-feed.revoke); 204 also when there is none' })
  @ApiNoContentResponse()
  async revoke(@CurrentActor() actor: Actor) {
    await this.feeds.revoke(actor);
  }

  @Get('feeds/:file')
  @Public()
  @RouteConfig({ rateLimit: FEED_RATE_LIMIT })
  @ApiOperation({
    summary: "a user's deadlines as iCalendar (text/calendar), for calendar apps",
    description:
      'No bearer token (calendar apps cannot send one): the random token in the path is the credential, made by POST /api/v1/me/calendar-feed. ' +
      'One all-day event per open task on its due date (DTSTART;VALUE=DATE), UID task-<id>@duban, reminders at 09:00 the day before and on the day. ' +
      'A liaison or leader gets the open tasks its department leads or co-operates on; supervisors, reviewers and admins every open task. ' +
      'A revoked, unknown or malformed token is 404, the same answer for each. `?plan=` (a plan id or code) keeps one plan’s tasks; an unknown plan is 404 naming it.',
  })
  @ApiParam({ name: 'file', example: '3q2-7wEJ0w1ZbE5hEXJyZ1n0kQ8m7yQ6lPZkqkD0tRw.ics', description: '<token>.ics' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'the feed', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'not an active feed' })
  @ApiTooManyRequestsResponse({ description: 'too many requests from this client' })
  async feed(@Param('file') file: string, @Query() query: FeedQuery, @Res() reply: FastifyReply) {
    if (!file.endsWith('.ics')) throw new NotFoundError(FEED_MESSAGES.notFound);
    const body = await this.feeds.render(file.slice(0, -'.ics'.length), (await this.plans.filter(query.plan)) ?? null);
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="duban.ics"')
      .header('cache-control', 'private, no-store')
      .header('referrer-policy', 'no-referrer')
      .send(body);
  }
}
