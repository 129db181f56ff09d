import { join } from 'node:path';
import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AppConfig } from '../config/app-config.js';
import { MailDriver } from './mail-driver.js';
import { FileMailDriver, SmtpMailDriver } from './nodemailer-mail-driver.js';

/** The mail driver chosen by configuration: SMTP_URL, or files under DATA_DIR/mail. */
@Module({
  providers: [
    {
      provide: MailDriver,
      inject: [AppConfig],
      useFactory: (config: AppConfig): MailDriver =>
        config.SMTP_URL ? new SmtpMailDriver(config.SMTP_URL, config.MAIL_FROM) : new FileMailDriver(join(config.DATA_DIR, 'mail'), config.MAIL_FROM),
    },
  ],
  exports: [MailDriver],
})
export class MailModule implements OnApplicationShutdown {
  constructor(private readonly modules: ModuleRef) {}

  // After onModuleDestroy, when the workers have finished their jobs.
  async onApplicationShutdown(): Promise<void> {
    await this.modules.get(MailDriver).close();
  }
}
