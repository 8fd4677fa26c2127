import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { ApiKeyService } from './api-key.service.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { TokenService } from './token.service.js';

@Module({
  imports: [
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
  controllers: [AuthController],
  providers: [TokenService, ApiKeyService, AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, ApiKeyService],
})
export class AuthModule {}
