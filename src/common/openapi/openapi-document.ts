import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  getSchemaPath,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ResponseObject,
} from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './api-problems.decorator.js';
import { ProblemDto } from './problem.dto.js';

/** Security schemes, by the names operations refer to them. */
export const BEARER = 'bearer';
export const API_KEY = 'apiKey';
export const SESSION = 'session';

const TAGS: Array<[string, string]> = [
  ['auth', 'Signing in: browser sessions and access tokens for people (TOTP, single sign-on), API keys for agency systems'],
  ['directory', 'Courts and their closures, agencies and their API keys, users'],
  ['cases', 'Cases, children, placements and photos'],
  ['orders', 'Order templates, orders (drafts, PDFs, signing, vacating) and public verification'],
  ['episodes', 'Missing episodes, the obligations they raise, proof and its review'],
  ['hearings', 'Hearing requests on the court calendar and the docket of the case-management system'],
  ['notifications', 'E-mail to the people on a case, with its delivery status'],
  ['compliance', 'Agency compliance with the orders, photo gaps'],
  ['audit', 'The hash-chained audit log'],
  ['health', 'Liveness and readiness'],
];

/** `CasesController.listPlacements` → `cases_listPlacements`: stable and readable in generated clients. */
function operationId(controllerKey: string, methodKey: string): string {
  const feature = controllerKey.replace(/Controller$/, '');
  return `${feature.charAt(0).toLowerCase()}${feature.slice(1)}_${methodKey}`;
}

const IDEMPOTENCY_KEY: ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'The same key and body within 24 h answers the first answer again and creates nothing new; ' +
    'the same key with another body or URL, or while the first request runs, is a 409.',
  schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,200}$' },
};

const problem = (description: string): ResponseObject => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
});

/** What holds for every operation by a global rule rather than by its own decorators. */
function applyGlobalRules(method: string, operation: OperationObject & { 'x-access'?: string }): void {
  // @Access('PUBLIC'): no login.
  if (operation['x-access'] === 'public') operation.security = [];
  // The IdempotencyInterceptor takes an Idempotency-Key on every POST.
  if (method === 'post') {
    operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_KEY];
    operation.responses['400'] ??= problem('Invalid input; `errors` names each field');
    const conflict = operation.responses['409'] as ResponseObject | undefined;
    operation.responses['409'] = conflict
      ? { ...conflict, description: `${conflict.description}; or the Idempotency-Key was used for another request` }
      : problem('The Idempotency-Key was used for another request, or that request still runs');
  }
}

/** `{allOf: [{$ref}]}` with nothing beside it (how Nest refers to a named enum) is just the `$ref`. */
function collapseLoneAllOf(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    const schema = value as { allOf?: unknown[] } | null;
    if (schema && typeof schema === 'object' && Object.keys(schema).length === 1 && schema.allOf?.length === 1) {
      (node as Record<string, unknown>)[key] = schema.allOf[0];
    } else {
      collapseLoneAllOf(value);
    }
  }
}

/**
 * The OpenAPI document of the application, from the same decorators and DTO classes that route and
 * validate requests. Operations that `@Access('PUBLIC')` marks get `security: []` (no login), so no
 * operation is left without a declared security.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('cmfc-court')
    .setDescription(
      'Court orders, agency compliance and hearing requests for children missing from care. HTTP contract version 1. ' +
        'Every error is `application/problem+json` (RFC 9457) with a stable `code`, and for invalid input `errors: [{field, message}]`.',
    )
    .setVersion('1')
    // The same origin that serves the document, so the document does not depend on the configuration.
    .addServer('/', 'This service')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from POST /api/v1/auth/token' },
      BEARER,
    )
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: "An agency system's key" }, API_KEY)
    .addCookieAuth(
      'cmfc_session',
      { type: 'apiKey', in: 'cookie', description: 'Browser session from POST /api/v1/auth/session; changes also send X-CSRF-Token' },
      SESSION,
    );
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), { operationIdFactory: operationId });
  for (const path of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(path) as Array<[string, OperationObject]>) applyGlobalRules(method, operation);
  }
  collapseLoneAllOf(document.components?.schemas);
  return document;
}
