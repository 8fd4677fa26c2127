import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, of, type Observable } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { canonicalJson } from '../canonical-json.js';
import type { Principal } from '../principal.js';
import { Conflict, ValidationFailed } from '../errors/domain-error.js';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';

export const IDEMPOTENCY_DEFERRED = 'cmfc:idempotency-deferred';

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;
/** A run that has not finished after this long is taken to have died with its process. */
const ABANDONED_AFTER_MS = 5 * 60 * 1000;

/**
 * Routes whose answers carry credentials (access tokens, session cookies, TOTP
 * secrets and recovery codes under /auth, an agency's API key shown once):
 * their answers are never stored, so an Idempotency-Key there is not used.
 */
const CREDENTIAL_ROUTES = [/^\/api\/v1\/auth(\/|$)/, /^\/api\/v1\/agencies\/[^/]+\/api-keys$/];

/**
 * `Idempotency-Key` on POST, kept in PostgreSQL for 24 hours and scoped to the
 * caller and the concrete URL (ids and query included): the same key and body
 * on the same URL answers the stored first answer (status and body) and runs
 * nothing; the same key on another URL or with another body, or while the
 * first request still runs, is a 409. Callers without a login are scoped by
 * their address. A failed first attempt is forgotten, so the client may retry
 * it with the same key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  protected readonly runsBeforeUploads: boolean = true;

  constructor(
    @Inject(IdempotencyKeysRepository) protected readonly keys: IdempotencyKeysRepository,
    @Inject(Reflector) protected readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    if (request.method !== 'POST') return next.handle();
    const header = request.headers['idempotency-key'];
    if (header === undefined) return next.handle();
    // Upload routes are handled by UploadIdempotencyInterceptor, once the multipart body has been read.
    if (this.runsBeforeUploads && this.reflector.get<boolean>(IDEMPOTENCY_DEFERRED, context.getHandler())) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || !KEY.test(key)) throw ValidationFailed.field('Idempotency-Key', 'must be 1-200 letters, digits or ._:-');
    const path = request.url;
    if (CREDENTIAL_ROUTES.some((route) => route.test(path.split('?')[0]))) return next.handle();
    const owner = request.principal?.id ?? anonymousOwner(request.ip);

    const hash = requestHash(request);
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;

    return from(this.claim(owner, key, path, hash)).pipe(
      mergeMap((stored) => {
        if (stored) {
          void reply.status(stored.status).header('idempotent-replayed', 'true');
          return of(stored.body);
        }
        return next.handle().pipe(
          mergeMap((body) => from(this.keys.complete(owner, key, status, body)).pipe(mergeMap(() => of(body)))),
          catchError((error: unknown) => from(this.keys.release(owner, key)).pipe(mergeMap(() => Promise.reject(error)))),
        );
      }),
    );
  }

  /** Takes the key for this request, or returns the stored answer of an earlier identical one. */
  private async claim(owner: string, key: string, path: string, hash: string): Promise<{ status: number; body: unknown } | null> {
    if (await this.keys.claim(owner, key, path, hash, ABANDONED_AFTER_MS / 1000)) return null;
    const existing = await this.keys.find(owner, key);
    if (!existing) return this.claim(owner, key, path, hash);
    if (existing.path !== path) {
      throw new Conflict('IdempotencyKeyReused', 'This Idempotency-Key was used for a request to another URL.', [
        { field: 'Idempotency-Key', message: 'was used for another URL' },
      ]);
    }
    if (existing.requestHash !== hash) {
      throw new Conflict('IdempotencyKeyReused', 'This Idempotency-Key was used with a different request.', [
        { field: 'Idempotency-Key', message: 'was used with a different request' },
      ]);
    }
    if (existing.status === 'RUNNING') {
      throw new Conflict('IdempotencyKeyInUse', 'A request with this Idempotency-Key is still running.', [
        { field: 'Idempotency-Key', message: 'is in use by a running request' },
      ]);
    }
    return { status: existing.responseStatus, body: existing.responseBody };
  }
}

/** The same rule for upload routes, placed after the multipart interceptor so the file counts in the request hash. */
@Injectable()
export class UploadIdempotencyInterceptor extends IdempotencyInterceptor {
  protected override readonly runsBeforeUploads = false;
}

/** A caller without a login is scoped by address: a stable UUID derived from it (the owner column is a uuid). */
function anonymousOwner(address: string): string {
  const hex = createHash('sha256').update(`anonymous:${address}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The body as the route sees it; uploaded files count by their SHA-256. */
function requestHash(request: FastifyRequest & { file?: { buffer?: Buffer; sha256?: string } }): string {
  const file = request.file?.sha256 ?? (request.file?.buffer ? createHash('sha256').update(request.file.buffer).digest('hex') : null);
  return createHash('sha256')
    .update(canonicalJson({ body: request.body ?? null, file }))
    .digest('hex');
}
