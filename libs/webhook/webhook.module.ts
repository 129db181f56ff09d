import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { FetchWebhookDriver } from './fetch-webhook-driver.js';
import { WebhookDriver } from './webhook-driver.js';

@Module({
  providers: [{ provide: WebhookDriver, inject: [AppConfig], useFactory: (config: AppConfig) => new FetchWebhookDriver(config.WEBHOOK_TIMEOUT_MS) }],
  exports: [WebhookDriver],
})
export class WebhookModule {}
