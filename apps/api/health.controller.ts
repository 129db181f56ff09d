import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../../libs/auth/decorators.js';
import { CalendarService } from '../../libs/calendar/calendar.service.js';
import { MailDriver } from '../../libs/mail/mail-driver.js';
import { QueueConnection } from '../../libs/queue/queue-connection.js';
import { EvidenceStorage } from '../../libs/storage/evidence-storage.js';

/** 200 when the database, evidence storage, queue and mail are usable, 503 otherwise (terminus). */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
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
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.checkAll();
    } catch (error) {
      // Terminus reports a down indicator as a 503 exception; its body (which part is down, and why) is the answer.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      return error.getResponse();
    }
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
