import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../libs/auth/decorators.js';
import { AppConfig } from '../../libs/config/app-config.js';
import { metricsAuthorized } from '../../libs/metrics/metrics-endpoint.js';
import { Metrics } from '../../libs/metrics/metrics.js';

/** GET /metrics in Prometheus's text format, for a scraper (METRICS_TOKEN as a bearer token when set). */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Prometheus metrics (text format 0.0.4): duban_http_requests_total, duban_http_request_duration_seconds, duban_deliveries{status,channel}, duban_reminder_sweep_duration_seconds, duban_reminder_sweep_lag_seconds, duban_queue_jobs{queue,state}, duban_tasks{status}, duban_tasks_overdue, …; `Authorization: Bearer METRICS_TOKEN` when that is set (401 otherwise)',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'the metrics', schema: { type: 'string' } })
  async scrape(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (!metricsAuthorized(this.config.METRICS_TOKEN, request.headers.authorization)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer')
        .send({ statusCode: 401, error: 'Unauthorized', message: '需要 METRICS_TOKEN（Authorization: Bearer <token>）' });
    }
    const text = await this.metrics.registry.metrics();
    return reply.header('content-type', this.metrics.registry.contentType).header('cache-control', 'no-store').send(text);
  }
}
