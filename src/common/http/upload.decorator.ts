import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify';
import { ApiConsumes } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { IDEMPOTENCY_DEFERRED, UploadIdempotencyInterceptor } from '../idempotency/idempotency.interceptor.js';
import { assertSafeInput } from './request-input.js';

/** Multipart text fields, once parsed, follow the rule every other input follows (no control characters, no lone surrogates, 32 levels). */
@Injectable()
class MultipartFieldsCheck implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    assertSafeInput(context.switchToHttp().getRequest<FastifyRequest>().body);
    return next.handle();
  }
}

/**
 * A multipart route with one file field, read into memory up to `maxBytes`
 * (a larger file is a 413 before it is all read). Idempotency for the route
 * is checked after the upload is read, so the file is part of the request hash.
 */
export function Upload(field: string, maxBytes: number): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENCY_DEFERRED, true),
    UseInterceptors(
      FileInterceptor(field, { limits: { fileSize: maxBytes, files: 1, fields: 50, fieldSize: 64 * 1024 } }),
      MultipartFieldsCheck,
      UploadIdempotencyInterceptor,
    ),
    ApiConsumes('multipart/form-data', 'application/json'),
  );
}
