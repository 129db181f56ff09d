import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { HttpWebhookDriver } from './http-webhook-driver.js';
import { WebhookDriver } from './webhook-driver.js';
import { WebhookPolicy } from './webhook-policy.js';

@Module({
  providers: [
    {
      provide: WebhookPolicy,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new WebhookPolicy(config.WEBHOOK_ALLOWED_HOSTS, config.WEBHOOK_ALLOWED_NETWORKS),
    },
    {
      provide: WebhookDriver,
      inject: [WebhookPolicy, AppConfig],
      useFactory: (policy: WebhookPolicy, config: AppConfig) => new HttpWebhookDriver(policy, config.WEBHOOK_TIMEOUT_MS),
    },
  ],
  exports: [WebhookDriver, WebhookPolicy],
})
export class WebhookModule {}
