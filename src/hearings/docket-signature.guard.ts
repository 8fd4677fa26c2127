import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { Unauthenticated } from '../common/errors/domain-error.js';
import { checkDocketSignature } from './docket-signature.js';

/**
 * Callbacks from the case-management system are signed like the webhook
 * (HMAC-SHA256 over `timestamp.body` with DOCKET_WEBHOOK_SECRET). Checked
 * before the body is validated, so an unsigned caller learns nothing.
 */
@Injectable()
export class DocketSignatureGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest & { rawBody?: Buffer }>();
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const secret = this.config.docketWebhookSecret;
    const check = secret
      ? checkDocketSignature({
          secret,
          timestampHeader: header('x-docket-timestamp'),
          signatureHeader: header('x-docket-signature'),
          rawBody: request.rawBody ?? Buffer.alloc(0),
          now: new Date(),
        })
      : 'missing';
    if (check === 'ok') return true;
    if (check === 'stale') throw new Unauthenticated('The callback timestamp is more than five minutes off.', 'StaleSignature');
    throw new Unauthenticated(
      secret ? 'The callback signature is missing or wrong.' : 'Docket callbacks are not configured (DOCKET_WEBHOOK_SECRET).',
      'BadSignature',
    );
  }
}
