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
import { ApiProblems } from '../openapi/api-problems.decorator.js';
import { hashingStorage } from './hashing-storage.js';
import { assertSafeInput } from './request-input.js';
import { UPLOAD_LIMIT, UploadAdmission } from './upload-admission.js';

/** Multipart text fields, once parsed, follow the rule every other input follows (no control characters, no lone surrogates, 32 levels). */
@Injectable()
class MultipartFieldsCheck implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    assertSafeInput(context.switchToHttp().getRequest<FastifyRequest>().body);
    return next.handle();
  }
}

/**
 * A multipart route with one file field of at most `maxBytes`: refused before
 * it is read when its Content-Length is over that (413) or when
 * UPLOAD_CONCURRENCY uploads are already in progress (503 with Retry-After);
 * read with its SHA-256 counted as it streams, into memory (`keep: 'all'`) or
 * only its first bytes for the content check (`keep: 'head'`, for routes that
 * need nothing but the hash); a larger file is a 413 before it is all read.
 * Idempotency for the route is checked after the upload is read, so the file
 * is part of the request hash.
 */
export function Upload(field: string, maxBytes: number, keep: 'all' | 'head' = 'all'): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENCY_DEFERRED, true),
    SetMetadata(UPLOAD_LIMIT, maxBytes),
    UseInterceptors(
      UploadAdmission,
      FileInterceptor(field, {
        storage: hashingStorage(keep),
        limits: { fileSize: maxBytes, files: 1, fields: 50, fieldSize: 64 * 1024 },
      }),
      MultipartFieldsCheck,
      UploadIdempotencyInterceptor,
    ),
    ApiConsumes('multipart/form-data', 'application/json'),
    ApiProblems([503, 'Too many uploads at once in this process; retry after Retry-After seconds']),
  );
}
