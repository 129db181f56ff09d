import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../../libs/auth/decorators.js';
import { EvidenceStorage } from '../../libs/storage/evidence-storage.js';

/** 200 when the database and evidence storage are usable, 503 otherwise (terminus). */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly storage: EvidenceStorage,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      async () => {
        const storage = this.indicators.check('storage');
        try {
          await this.storage.check();
          return storage.up();
        } catch (error) {
          return storage.down({ message: (error as Error).message });
        }
      },
    ]);
  }
}
