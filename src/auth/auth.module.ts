import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { AccountsDataModule } from './accounts-data.module.js';
import { AccountStateService } from './account-state.service.js';
import { ApiKeyService } from './api-key.service.js';
import { AuthChangeBus } from './auth-changes.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { Authenticator } from './authenticator.service.js';
import { LoginThrottle } from './login-throttle.js';
import { LoginService } from './login.service.js';
import { MfaController } from './mfa/mfa.controller.js';
import { MfaRepository } from './mfa/mfa.repository.js';
import { MfaService } from './mfa/mfa.service.js';
import { OidcController } from './oidc/oidc.controller.js';
import { OidcService } from './oidc/oidc.service.js';
import { PendingOidcLogins } from './oidc/pending-oidc-logins.js';
import { RevokedTokensRepository } from './revoked-tokens.repository.js';
import { CarriedTokensRepository } from './carried-tokens.repository.js';
import { SessionService } from './session.service.js';
import { SessionsRepository } from './sessions.repository.js';
import { TokenService } from './token.service.js';

@Module({
  imports: [
    AccountsDataModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it as a
      // public key on every verification, which was a fifth of the CPU of an authenticated read.
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as string,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController, MfaController, OidcController],
  providers: [
    TokenService,
    ApiKeyService,
    AuthService,
    AuthChangeBus,
    AccountStateService,
    RevokedTokensRepository,
    CarriedTokensRepository,
    SessionsRepository,
    SessionService,
    Authenticator,
    LoginThrottle,
    LoginService,
    MfaRepository,
    MfaService,
    OidcService,
    PendingOidcLogins,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [
    TokenService,
    ApiKeyService,
    Authenticator,
    AccountStateService,
    SessionService,
    MfaService,
    LoginService,
    // for housekeeping (src/outbox/maintenance.processor.ts)
    RevokedTokensRepository,
    CarriedTokensRepository,
    SessionsRepository,
  ],
})
export class AuthModule {}
