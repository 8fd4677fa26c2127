import { randomUUID } from 'node:crypto';
import type { OpenAPIObject, OperationObject, ParameterObject } from '@nestjs/swagger';
import fc from 'fast-check';
import { encodeForUrl, FUZZ_SEED, hostileStrings, hostileValues, junkIds, resolver } from './contract-fuzz-values.js';
import { fixture, pdf } from './support/files.js';
import { hoursAgo, openEpisode } from './support/hardening.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';
import { seedWorld, type World } from './support/world.js';

/**
 * Contract fuzzing: every operation of the service's own OpenAPI document,
 * every field of its body (nested ones too), every query and path parameter,
 * sent hostile values one at a time (the rest of the request valid), by the
 * roles that may call it, and once as every caller. Any 5xx, a dropped
 * connection or a 4xx that is not problem+json fails the suite; afterwards
 * the audit chain must still verify. Seeded: the same requests every run.
 */

type Schema = Record<string, unknown>;

let t: TestApp;
let w: World;
let base: string;
let document: OpenAPIObject;
const ids: Record<string, string> = {};
let apiKey = '';

beforeAll(async () => {
  t = await startTestApp({ UPLOAD_CONCURRENCY: '16' });
  w = await seedWorld(t);
  await t.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
  document = (await t.http.get('/docs-json').expect(200)).body as OpenAPIObject;

  // Real records, so a hostile value meets the checks behind the validation pipe too.
  const episode = await openEpisode(t, w);
  const proof = await t.http
    .post(`/api/v1/obligations/${episode.obligations.NCMEC_REPORT}/evidence`)
    .set(w.agency1User.auth)
    .send({ ncmecCaseNumber: '1234567', performedAt: hoursAgo(1) })
    .expect(201);
  const order = await t.http
    .post('/api/v1/orders')
    .set(w.judgeA.auth)
    .send({ kind: 'INDIVIDUAL', courtId: w.courtA, caseId: w.caseA.id })
    .expect(201);
  const photo = await t.http
    .post(`/api/v1/children/${w.caseA.childId}/photos`)
    .set(w.clerkA.auth)
    .field('takenAt', hoursAgo(2))
    .attach('file', fixture('plain.jpg'), 'p.jpg')
    .expect(201);
  const hearings = await t.http.get(`/api/v1/hearing-requests?courtId=${w.courtA}`).set(w.clerkA.auth).expect(200);
  const templates = await t.http.get('/api/v1/order-templates').set(w.clerkA.auth).expect(200);
  const victim = await t.http
    .post('/api/v1/users')
    .set(w.admin.auth)
    .send({ email: 'fuzz-victim@test.court', name: 'Fuzz Victim', password: 'a long fuzz passphrase', role: 'CLERK', courtId: w.courtA })
    .expect(201);
  const key = await t.http.post(`/api/v1/agencies/${w.agency1}/api-keys`).set(w.admin.auth).send({ name: 'fuzz' }).expect(201);
  apiKey = key.body.key as string;
  Object.assign(ids, {
    courts: w.courtA,
    agencies: w.agency1,
    users: victim.body.id,
    cases: w.caseA.id,
    children: w.caseA.childId,
    photos: photo.body.id,
    orders: order.body.id,
    'order-templates': (templates.body as Array<{ id: string }>)[0]?.id ?? randomUUID(),
    'hearing-requests': (hearings.body.items as Array<{ id: string }>)[0]?.id ?? randomUUID(),
    episodes: episode.episodeId,
    obligations: episode.obligations.STATUS_UPDATE,
    evidence: proof.body.id,
    courtId: w.courtA,
    judgeId: w.judgeA.id,
    agencyId: w.agency1,
    caseId: w.caseA.id,
    childId: w.caseA.childId,
    episodeId: episode.episodeId,
    orderId: order.body.id,
    hearingRequestId: (hearings.body.items as Array<{ id: string }>)[0]?.id ?? randomUUID(),
    userId: victim.body.id,
  });
}, 120_000);
afterAll(() => t?.close());

interface Operation {
  method: string;
  path: string;
  roles: 'public' | 'any' | string[];
  body?: Schema;
  multipart: boolean;
  query: ParameterObject[];
  pathParams: string[];
}

function operations(): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, OperationObject>)) {
      const access = String((op as unknown as Record<string, unknown>)['x-access'] ?? 'any');
      const content = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content ?? {};
      const params = (op.parameters ?? []) as ParameterObject[];
      out.push({
        method: method.toUpperCase(),
        path,
        roles: access === 'public' ? 'public' : access.includes(',') || /^[A-Z]+$/.test(access) ? access.split(', ') : 'any',
        body: (content['application/json'] ?? content['multipart/form-data'])?.schema,
        multipart: Boolean(content['multipart/form-data']),
        query: params.filter((p) => p.in === 'query'),
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
      });
    }
  }
  // Credentials last: signing out, ending sessions and changing passwords would leave the rest unauthenticated.
  const rank = (o: Operation) =>
    /\/auth\/(logout|session)$/.test(o.path) && o.method !== 'POST'
      ? 3
      : o.path.startsWith('/api/v1/auth/logout')
        ? 3
        : o.path.startsWith('/api/v1/auth')
          ? 2
          : 1;
  return out.sort((a, b) => rank(a) - rank(b));
}

/** A plausible value for a field, by its schema and name: the rest of a request stays valid while one field is hostile. */
function validValue(name: string, schema: Schema, resolve: (s: Schema) => Schema, depth = 0): unknown {
  const s = resolve(schema);
  if (Array.isArray(s.enum)) return s.enum[0];
  if (s.anyOf || s.oneOf) return validValue(name, ((s.anyOf ?? s.oneOf) as Schema[])[0], resolve, depth);
  if (s.type === 'object' || s.properties) {
    if (depth > 3) return {};
    return Object.fromEntries(
      Object.entries((s.properties ?? {}) as Record<string, Schema>)
        .filter(([, p]) => resolve(p).format !== 'binary')
        .map(([k, p]) => [k, validValue(k, p, resolve, depth + 1)]),
    );
  }
  if (s.type === 'array') return [validValue(name.replace(/s$/, ''), (s.items ?? {}) as Schema, resolve, depth + 1)];
  if (s.type === 'boolean') return true;
  if (s.type === 'integer' || s.type === 'number') return typeof s.minimum === 'number' ? s.minimum : 1;
  if (ids[name]) return ids[name];
  if (/Ids?$/.test(name)) return ids[name.replace(/s$/, '')] ?? randomUUID();
  if (s.format === 'date-time' || /(At|Since|Before)$/.test(name)) return hoursAgo(1);
  if (s.format === 'date' || /^(date|dateOfBirth|from|to)$/.test(name)) return '2026-01-05';
  if (name === 'month') return '2026-03';
  if (/email/i.test(name)) return 'fuzz-nobody@test.court';
  if (name === 'timezone') return 'America/Chicago';
  if (name === 'state') return 'TX';
  if (typeof s.pattern === 'string') return fc.sample(fc.stringMatching(new RegExp(s.pattern)), { seed: FUZZ_SEED, numRuns: 1 })[0];
  const min = typeof s.minLength === 'number' ? s.minLength : 1;
  return typeof s.example === 'string' ? s.example : 'fuzz value'.padEnd(min, 'x');
}

/** Every field path of a body (nested objects, the first item of arrays), binary fields excepted. */
function fieldPaths(schema: Schema, resolve: (s: Schema) => Schema, prefix: string[] = []): string[][] {
  const s = resolve(schema);
  const out: string[][] = [];
  if (prefix.length > 3) return out;
  for (const [name, property] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
    const p = resolve(property);
    if (p.format === 'binary') continue;
    out.push([...prefix, name]);
    if (p.type === 'object' || p.properties) out.push(...fieldPaths(p, resolve, [...prefix, name]));
    if (p.type === 'array' && p.items) out.push(...fieldPaths(p.items as Schema, resolve, [...prefix, name, '0']));
  }
  return out;
}

function withValue(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
  return copy;
}

interface Sent {
  count: number;
  failures: string[];
  byStatus: Record<string, number>;
}

describe('contract fuzzing from the OpenAPI document', () => {
  it('answers every hostile request with a 2xx or a problem+json 4xx, never a 5xx or a dropped connection; the audit chain still verifies', async () => {
    const resolve = resolver(document as unknown as { components?: { schemas?: Record<string, Schema> } });
    const callers: Record<string, Record<string, string>> = {
      ADMIN: w.admin.auth,
      JUDGE: w.judgeA.auth,
      CLERK: w.clerkA.auth,
      AGENCY: w.agency1User.auth,
      'AGENCY (API key)': { 'X-API-Key': apiKey },
      'JUDGE of another court': w.judgeB.auth,
      anonymous: {},
    };
    const sent: Sent = { count: 0, failures: [], byStatus: {} };
    const files = { jpeg: fixture('gps.jpg'), png: fixture('trailer.png'), pdf: await pdf('fuzz'), text: Buffer.from('not a file') };
    let turn = 0;
    const started = Date.now();

    const send = async (what: string, method: string, url: string, headers: Record<string, string>, body?: string | FormData) => {
      sent.count += 1;
      try {
        const res = await fetch(`${base}${url}`, {
          method,
          headers: body === undefined || body instanceof FormData ? headers : { ...headers, 'Content-Type': 'application/json' },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(15_000),
        });
        await res.arrayBuffer();
        const bucket = `${Math.floor(res.status / 100)}xx`;
        sent.byStatus[bucket] = (sent.byStatus[bucket] ?? 0) + 1;
        const type = res.headers.get('content-type') ?? '';
        if (res.status >= 500) sent.failures.push(`${res.status} ${what}`);
        else if (res.status >= 400 && !type.startsWith('application/problem+json'))
          sent.failures.push(`${res.status} not problem+json (${type}) ${what}`);
      } catch (error) {
        sent.failures.push(`no answer (${(error as Error).message}) ${what}`);
      }
    };

    const slowest: Array<[string, number, number]> = [];
    for (const op of operations()) {
      const opStart = Date.now();
      const opCount = sent.count;
      const allowed = op.roles === 'public' ? ['anonymous'] : op.roles === 'any' ? ['ADMIN', 'JUDGE', 'CLERK', 'AGENCY'] : op.roles;
      const caller = () => callers[allowed[turn++ % allowed.length]] ?? {};
      const pathWith = (override: Record<string, string> = {}) =>
        op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
          if (override[name] !== undefined) return encodeForUrl(override[name]);
          const segment = op.path.split('/')[op.path.split('/').indexOf(`{${name}}`) - 1];
          return encodeForUrl(
            name === 'id' ? (ids[segment === 'events' ? 'none' : segment] ?? randomUUID()) : name === 'token' ? 'junk-token' : randomUUID(),
          );
        });
      const validQuery = Object.fromEntries(
        op.query
          .filter((p) => p.required || ['courtId'].includes(p.name))
          .map((p) => [p.name, String(validValue(p.name, (p.schema ?? {}) as Schema, resolve))]),
      );
      const queryString = (q: Record<string, string | string[]>) => {
        const parts = Object.entries(q).flatMap(([k, v]) =>
          (Array.isArray(v) ? v : [v]).map((x) => `${encodeForUrl(k)}=${encodeForUrl(x)}`),
        );
        return parts.length ? `?${parts.join('&')}` : '';
      };
      const validBody = op.body ? validValue('body', op.body, resolve) : undefined;
      const multipartOf = (body: unknown, file: Buffer | null): FormData => {
        const form = new FormData();
        for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
          form.append(k, typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined'));
        }
        if (file) form.append('file', new Blob([new Uint8Array(file)]), 'upload.bin');
        return form;
      };
      const label = (detail: string) => `${op.method} ${op.path} ${detail}`.slice(0, 300);
      const bodyOf = (body: unknown) => (op.body === undefined ? undefined : JSON.stringify(body));

      // As every caller, with a valid request: who may not gets a problem, never a 5xx.
      for (const [name, headers] of Object.entries(callers)) {
        await send(label(`as ${name}`), op.method, `${pathWith()}${queryString(validQuery)}`, headers, bodyOf(validBody));
      }
      // Each path parameter junk.
      for (const param of op.pathParams) {
        for (const junk of junkIds()) {
          await send(
            label(`path ${param}=${JSON.stringify(junk).slice(0, 40)}`),
            op.method,
            `${pathWith({ [param]: junk })}${queryString(validQuery)}`,
            caller(),
            bodyOf(validBody),
          );
        }
      }
      // Each query parameter hostile, and repeated.
      for (const param of op.query) {
        for (const value of hostileStrings()) {
          await send(
            label(`query ${param.name}=${JSON.stringify(value).slice(0, 40)}`),
            op.method,
            `${pathWith()}${queryString({ ...validQuery, [param.name]: value })}`,
            caller(),
            bodyOf(validBody),
          );
        }
        await send(
          label(`query ${param.name} twice`),
          op.method,
          `${pathWith()}${queryString({ ...validQuery, [param.name]: ['a', 'b'] })}`,
          caller(),
          bodyOf(validBody),
        );
      }
      if (!op.body) continue;
      // Each body field hostile.
      for (const path of fieldPaths(op.body, resolve)) {
        for (const value of hostileValues()) {
          const body = withValue(validBody, path, value);
          await send(
            label(`body ${path.join('.')}=${JSON.stringify(value)?.slice(0, 40)}`),
            op.method,
            pathWith(),
            caller(),
            JSON.stringify(body),
          );
          if (op.multipart && typeof value === 'string') {
            await send(
              label(`multipart ${path.join('.')}=${JSON.stringify(value).slice(0, 40)}`),
              op.method,
              pathWith(),
              caller(),
              multipartOf(body, files.jpeg),
            );
          }
        }
      }
      // The body as a whole hostile: wrong JSON types, deep nesting, a huge string, an unknown field.
      for (const whole of [
        'null',
        '[]',
        '"x"',
        '1e999',
        '[{}]',
        '['.repeat(5000) + ']'.repeat(5000),
        JSON.stringify({ ...(validBody as object), unknownField: 1 }),
        JSON.stringify('x'.repeat(100_000)),
      ]) {
        await send(label(`whole body ${whole.slice(0, 30)}`), op.method, pathWith(), caller(), whole);
      }
      slowest.push([`${op.method} ${op.path}`, Date.now() - opStart, sent.count - opCount]);
      if (op.multipart) {
        for (const [kind, file] of Object.entries(files)) {
          await send(label(`file ${kind}`), op.method, pathWith(), caller(), multipartOf(validBody, file));
          await send(
            label(`file ${kind} cut short`),
            op.method,
            pathWith(),
            caller(),
            multipartOf(validBody, file.subarray(0, Math.ceil(file.length / 2))),
          );
        }
        await send(label('no file'), op.method, pathWith(), caller(), multipartOf(validBody, null));
        await send(label('empty file'), op.method, pathWith(), caller(), multipartOf(validBody, Buffer.alloc(0)));
      }
    }

    if (process.env.FUZZ_TIMES) console.log(slowest.sort((a, b) => b[1] - a[1]).slice(0, 25));
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(
      `contract fuzz: ${sent.count} requests over ${operations().length} operations in ${seconds} s, answers ${JSON.stringify(sent.byStatus)}`,
    );
    expect(sent.failures.slice(0, 40)).toEqual([]);

    // The audit chain, checked range by range, holds after all of it (a fresh sign-in: the fuzzing signed its callers out).
    const admin = await t.http.post('/api/v1/auth/token').send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }).expect(200);
    let from: number | null = 0;
    let checked = 0;
    while (from !== null) {
      const res = await t.http
        .get(`/api/v1/audit-events/verify${from ? `?from=${from}` : ''}`)
        .set('Authorization', `Bearer ${admin.body.accessToken}`)
        .expect(200);
      expect(res.body).toMatchObject({ valid: true });
      checked += res.body.checked as number;
      from = res.body.nextFrom as number | null;
    }
    expect(checked).toBeGreaterThan(sent.count / 10);
  }, 600_000);
});
