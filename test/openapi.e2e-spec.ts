import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIObject, OperationObject, ReferenceObject, ResponseObject } from '@nestjs/swagger';
import { createOpenApiDocumentOffline } from '../src/bootstrap.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let document: OpenAPIObject;

beforeAll(async () => {
  t = await startTestApp();
  document = (await t.http.get('/docs-json').expect(200)).body as OpenAPIObject;
});
afterAll(() => t?.close());

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** Operations that take no input and need no login: nothing a caller can get wrong, so no 4xx to document. */
const NO_CLIENT_ERRORS = new Set(['GET /health', 'GET /health/ready', 'GET /api/v1/auth/sign-in-options']);

function operations(doc: OpenAPIObject): Array<{ name: string; path: string; operation: OperationObject & { 'x-access'?: string } }> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ name: `${method.toUpperCase()} ${path}`, path, operation: item[method]! })),
  );
}

const responsesOf = (operation: OperationObject) =>
  Object.entries(operation.responses) as Array<[string, ResponseObject | ReferenceObject]>;

/** What is wrong with one operation's documentation, as short sentences (none: it is complete). */
function gaps(name: string, path: string, operation: OperationObject & { 'x-access'?: string }): string[] {
  const found: string[] = [];
  if (!operation.summary?.trim()) found.push('no summary');

  const success = responsesOf(operation).filter(([status]) => /^2\d\d$|^30[23]$/.test(status));
  const described = success.some(([status, response]) => {
    // No content, or a redirect (single sign-on sends the browser on; its description says where).
    if (status === '204' || (/^30[23]$/.test(status) && Boolean((response as ResponseObject).description))) return true;
    const content = Object.values((response as ResponseObject).content ?? {});
    return (
      content.length > 0 &&
      content.every((media) => media.schema && ('$ref' in media.schema || 'type' in media.schema || 'oneOf' in media.schema))
    );
  });
  if (!described) found.push('no 2xx answer with a schema or file content');

  const problems = responsesOf(operation).filter(([status]) => /^4\d\d$/.test(status));
  const notProblemJson = problems.filter(
    ([, response]) =>
      ((response as ResponseObject).content?.['application/problem+json']?.schema as ReferenceObject | undefined)?.$ref !==
      '#/components/schemas/ProblemDto',
  );
  if (notProblemJson.length > 0) found.push(`4xx not as problem+json: ${notProblemJson.map(([status]) => status).join(', ')}`);
  if (problems.length === 0 && !NO_CLIENT_ERRORS.has(name)) found.push('no 4xx problem answers');
  const statuses = new Set(problems.map(([status]) => status));
  const takesInput = (operation.parameters ?? []).some((p) => 'in' in p && p.in !== 'header') || operation.requestBody !== undefined;
  if (takesInput && !statuses.has('400')) found.push('takes input but documents no 400');
  if (path.includes('{') && !statuses.has('404')) found.push('has a path id but documents no 404');

  if (!Array.isArray(operation.security)) found.push('no explicit security');
  else if (operation['x-access'] === 'public' ? operation.security.length > 0 : operation.security.length === 0)
    found.push(`security ${JSON.stringify(operation.security)} does not match @Access ${operation['x-access']}`);
  if (operation['x-access'] !== 'public' && !(statuses.has('401') && statuses.has('403'))) found.push('authenticated without 401 and 403');
  return found.map((gap) => `${name}: ${gap}`);
}

describe('the OpenAPI document', () => {
  it('documents every operation: summary, 2xx answer, problem+json 4xx answers, security', () => {
    const all = operations(document);
    expect(all.length).toBeGreaterThan(60);
    expect(all.flatMap(({ name, path, operation }) => gaps(name, path, operation))).toEqual([]);
  });

  it('catches an operation that documents nothing', () => {
    expect(gaps('GET /api/v1/things/{id}', '/api/v1/things/{id}', { parameters: [{ name: 'id', in: 'path' }], responses: {} })).toEqual([
      'GET /api/v1/things/{id}: no summary',
      'GET /api/v1/things/{id}: no 2xx answer with a schema or file content',
      'GET /api/v1/things/{id}: no 4xx problem answers',
      'GET /api/v1/things/{id}: takes input but documents no 400',
      'GET /api/v1/things/{id}: has a path id but documents no 404',
      'GET /api/v1/things/{id}: no explicit security',
      'GET /api/v1/things/{id}: authenticated without 401 and 403',
    ]);
  });

  it('gives public operations no security and the others bearer, API key and the session cookie', () => {
    const verify = document.paths['/api/v1/orders/verify'].get!;
    expect(verify.security).toEqual([]);
    expect(document.paths['/api/v1/cases'].post!.security).toEqual([{ bearer: [] }, { apiKey: [] }, { session: [] }]);
    expect(Object.keys(document.components!.securitySchemes!)).toEqual(expect.arrayContaining(['bearer', 'apiKey', 'session']));
  });

  it('describes lists as pages and files as binary content', () => {
    const page = document.components!.schemas!.EpisodeSummaryPage as { properties: Record<string, unknown>; required: string[] };
    expect(page.required).toEqual(['items', 'nextCursor']);
    expect(page.properties.items).toEqual({ type: 'array', items: { $ref: '#/components/schemas/EpisodeSummaryDto' } });
    const pdf = document.paths['/api/v1/orders/{id}/pdf'].get!.responses['200'] as ResponseObject;
    expect(pdf.content).toEqual({ 'application/pdf': { schema: { type: 'string', format: 'binary' } } });
  });

  it('is valid OpenAPI (swagger-parser) with every $ref resolving', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('is the same document that `node dist/main.js openapi` writes without a database or Redis', async () => {
    expect(await createOpenApiDocumentOffline(t.config)).toEqual(document);
  });
});
