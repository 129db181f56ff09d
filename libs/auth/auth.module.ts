import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey, randomBytes } from 'node:crypto';
import { AuditModule } from '../audit/audit.module.js';
import { AppConfig } from '../config/app-config.js';
import { SettingRepository } from '../db/repositories/setting.repository.js';
import { AuthService } from './auth.service.js';
import { jwtOptions } from './jwt-options.js';
import { SessionTicketService } from './session-ticket.service.js';
import { UserImportService } from './user-import.service.js';
import { UserService } from './user.service.js';

/** Accounts and sign-in: users, passwords and the access tokens. */
@Module({
  imports: [
    AuditModule,
    JwtModule.registerAsync({
      inject: [AppConfig, SettingRepository],
      useFactory: async (config: AppConfig, settings: SettingRepository) =>
        jwtOptions(
          // Shared by every process of the installation, so a token from one API process works on all.
          // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a PEM public key
          // on every verify (and fails), which took a quarter of the CPU of an authenticated request.
          createSecretKey(Buffer.from(config.JWT_SECRET ?? (await settings.getOrInit('jwt-secret', randomBytes(48).toString('base64url'))))),
          config.JWT_TTL_SECONDS,
        ),
    }),
  ],
  providers: [AuthService, UserService, UserImportService, SessionTicketService],
  exports: [AuthService, UserService, UserImportService, SessionTicketService],
})
export class AuthModule {}
