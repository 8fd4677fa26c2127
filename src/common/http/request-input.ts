import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationFailed, type FieldError } from '../errors/domain-error.js';
import { DEPTH_MESSAGE, findUnsafeInput, jsonNestingDepth, MAX_INPUT_DEPTH } from '../validation/unsafe-input.js';

const BODY_CHECKED = Symbol('cmfc:body-checked');

type CheckedRequest = FastifyRequest & { [BODY_CHECKED]?: true };

function refuse(errors: FieldError[]): ValidationFailed {
  return new ValidationFailed(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
}

/**
 * Where input enters, before any route sees it (API.md "Errors, hardened"):
 *
 * - JSON bodies are parsed here, nesting at most 32 levels (measured on the
 *   text, before parsing, so neither the validation pipe nor the idempotency
 *   hash ever walks a 5,000-level body), and with no string that holds a C0
 *   control character (but tab, LF, CR) or a lone surrogate;
 * - query parameters (cursors included), path parameters and other parsed
 *   bodies are checked the same way once Fastify has parsed them.
 *
 * Multipart fields are parsed later, by the upload interceptor, which checks
 * them with the same rule (see upload.decorator.ts). Each refusal is a 400
 * naming the field.
 */
export function checkRequestInput(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit }, (request, raw: Buffer, done) => {
    const text = raw.toString('utf8');
    if (jsonNestingDepth(text) > MAX_INPUT_DEPTH) {
      done(refuse([{ field: 'body', message: DEPTH_MESSAGE }]), undefined);
      return;
    }
    void parseJson(request as FastifyRequest, text, (error, body) => {
      if (error) return done(error, undefined);
      const unsafe = findUnsafeInput(body);
      if (unsafe.length > 0) return done(refuse(unsafe), undefined);
      (request as CheckedRequest)[BODY_CHECKED] = true;
      done(null, body);
    });
  });
  fastify.addHook('preValidation', async (request: CheckedRequest) => {
    const unsafe = [...findUnsafeInput(request.params), ...findUnsafeInput(request.query)];
    if (!request[BODY_CHECKED] && request.body !== undefined) unsafe.push(...findUnsafeInput(request.body));
    if (unsafe.length > 0) throw refuse(unsafe);
  });
}

/** The same rule for fields a route parsed itself (multipart). */
export function assertSafeInput(value: unknown): void {
  const unsafe = findUnsafeInput(value);
  if (unsafe.length > 0) throw refuse(unsafe);
}
