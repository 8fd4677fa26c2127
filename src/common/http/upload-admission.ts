import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { defer, type Observable } from 'rxjs';
import { finalize } from 'rxjs/operators';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PayloadTooLarge, Unavailable } from '../errors/domain-error.js';

export const UPLOAD_LIMIT = 'cmfc:upload-limit';

/** Room for the text fields and multipart boundaries beside the file (the JSON body limit). */
export const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;
/** What a client that found every upload slot taken is told to wait, in seconds. */
export const UPLOAD_RETRY_AFTER_SECONDS = 5;

/**
 * Lets a multipart request in before its body is read: refused with a 413 when
 * its Content-Length already says it is over the route's limit, and with a 503
 * (Retry-After) when UPLOAD_CONCURRENCY multipart requests are being read or
 * handled in this process, so uploads can never hold more than that many
 * files in memory at once. Requests that are not multipart pass untouched.
 */
/** Multipart requests in progress in this process (one count whichever module's route takes them). */
let running = 0;

@Injectable()
export class UploadAdmission implements NestInterceptor {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!request.headers['content-type']?.toLowerCase().startsWith('multipart/')) return next.handle();
    const limit = this.reflector.get<number>(UPLOAD_LIMIT, context.getHandler());
    const declared = Number(request.headers['content-length']);
    if (limit && Number.isFinite(declared) && declared > limit + MULTIPART_OVERHEAD_BYTES) {
      throw new PayloadTooLarge('file', `must be at most ${formatMegabytes(limit)} MB (Content-Length says ${declared} bytes)`);
    }
    if (running >= this.config.uploadConcurrency) {
      throw new Unavailable('UploadsBusy', 'Too many uploads are being received at once; try again shortly.', UPLOAD_RETRY_AFTER_SECONDS);
    }
    running += 1;
    return defer(() => next.handle()).pipe(finalize(() => (running -= 1)));
  }
}

const formatMegabytes = (bytes: number) => String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
