import { Controller, Get, Logger, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '../../libs/auth/auth.service.js';
import { decide } from '../../libs/auth/permissions.js';
import { ThrottledLog } from '../../libs/common/throttled-log.js';
import { Public } from '../../libs/auth/decorators.js';
import { CalendarService } from '../../libs/calendar/calendar.service.js';
import { MailDriver } from '../../libs/mail/mail-driver.js';
import { QueueConnection } from '../../libs/queue/queue-connection.js';
import { EvidenceStorage } from '../../libs/storage/evidence-storage.js';

/**
 * 200 when the database, evidence storage, queue and mail are usable, 503 otherwise (terminus). The public answer
 * says only up or down per component; the details (endpoints, paths, error texts, the queue backend, missing
 * calendar years) go to an administrator's bearer token and, for what is down, to the log.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');
  private readonly downLog = new ThrottledLog(this.logger, 60_000);

  constructor(
    private readonly auth: AuthService,
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly storage: EvidenceStorage,
    private readonly calendar: CalendarService,
    private readonly queue: QueueConnection,
    private readonly mail: MailDriver,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  async check(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    let result: HealthCheckResult;
    try {
      result = await this.checkAll();
      this.downLog.resolved('health', '健康检查恢复正常');
    } catch (error) {
      // Terminus reports a down indicator as a 503 exception; its body (which part is down, and why) is the answer.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      result = error.getResponse() as HealthCheckResult;
      this.downLog.warn('health', `健康检查未通过：${JSON.stringify(result.error)}`);
    }
    return (await this.showsDetails(request)) ? result : upOrDown(result);
  }

  /** An administrator's bearer token (anything else, or none, gets the public answer). */
  private async showsDetails(request: FastifyRequest): Promise<boolean> {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) return false;
    const actor = await this.auth.actorOf(token).catch(() => null);
    return actor !== null && decide(actor, 'health.details', undefined, this.auth.duties) === 'allow';
  }

  private checkAll() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      () => this.probe('storage', () => this.storage.check()),
      // Down while Redis is unreachable: the API still records work (mail waits in the database), but not all is usable.
      () => this.probe('queue', () => this.queue.check(), { backend: this.queue.kind }),
      () => this.probe('mail', () => this.mail.check()),
      async () => {
        // Always up: a year without holiday data (counted Monday–Friday) is a warning, not an outage.
        const calendar = this.indicators.check('calendar');
        try {
          const { missingYears, message } = await this.calendar.healthCoverage();
          return message ? calendar.up({ missingYears, message }) : calendar.up();
        } catch (error) {
          return calendar.up({ message: `无法检查工作日历：${(error as Error).message}` });
        }
      },
    ]);
  }

  /** `key` is up when `check` resolves, down with the error's message otherwise. */
  private async probe(key: string, check: () => Promise<void>, details: Record<string, unknown> = {}) {
    const indicator = this.indicators.check(key);
    try {
      await check();
      return indicator.up(details);
    } catch (error) {
      return indicator.down({ ...details, message: (error as Error).message });
    }
  }
}

/** The public answer: each component's status only. */
function upOrDown(result: HealthCheckResult): HealthCheckResult {
  const statuses = (part: HealthCheckResult['info']) =>
    part ? Object.fromEntries(Object.entries(part).map(([key, value]) => [key, { status: value?.status ?? 'down' }])) : part;
  return { status: result.status, info: statuses(result.info), error: statuses(result.error), details: statuses(result.details) ?? {} };
}
