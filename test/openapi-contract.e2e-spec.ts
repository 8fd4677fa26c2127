import { randomUUID } from 'node:crypto';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Response, Test } from 'supertest';
import { binary, fixture, pdf } from './support/files.js';
import { Contract } from './support/openapi-contract.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';
import { seedWorld, type SeededUser, type World } from './support/world.js';

let t: TestApp;
let w: World;
let contract: Contract;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
  contract = new Contract((await t.http.get('/docs-json').expect(200)).body as OpenAPIObject);
});
afterAll(() => t?.close());

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/** Sends the request, expects `status`, and checks the answer against the document's `operation`. */
async function call(operation: string, request: Test, status: number): Promise<Response> {
  const res = await request;
  expect({ operation, status: res.status, body: res.status === status ? undefined : (res.body as unknown) }).toEqual({ operation, status });
  expect(contract.problems(operation, res)).toEqual([]);
  return res;
}

const as = (user: SeededUser) => ({
  get: (path: string) => t.http.get(path).set(user.auth),
  post: (path: string) => t.http.post(path).set(user.auth),
  patch: (path: string) => t.http.patch(path).set(user.auth),
});

describe('real answers conform to the OpenAPI document (strictly: no undocumented field)', () => {
  it('directory and sign-in', async () => {
    const token = await call(
      'POST /api/v1/auth/token',
      t.http.post('/api/v1/auth/token').send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
      200,
    );
    await call('GET /api/v1/auth/me', t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token.body.accessToken}`), 200);
    const session = await call(
      'POST /api/v1/auth/session',
      t.http.post('/api/v1/auth/session').send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
      200,
    );
    const jar = (session.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]);
    const csrf = jar.find((c) => c.startsWith('cmfc_csrf='))?.split('=')[1] ?? '';
    await call('GET /api/v1/auth/me', t.http.get('/api/v1/auth/me').set('Cookie', jar.join('; ')), 200);
    await call(
      'POST /api/v1/auth/mfa/totp',
      t.http.post('/api/v1/auth/mfa/totp').set('Cookie', jar.join('; ')).set('X-CSRF-Token', csrf),
      200,
    );
    await call(
      'POST /api/v1/auth/mfa/totp/confirm',
      t.http.post('/api/v1/auth/mfa/totp/confirm').set('Cookie', jar.join('; ')).set('X-CSRF-Token', csrf).send({ code: '12' }),
      400,
    );
    await call(
      'DELETE /api/v1/auth/session',
      t.http.delete('/api/v1/auth/session').set('Cookie', jar.join('; ')).set('X-CSRF-Token', csrf),
      204,
    );
    await call(
      'POST /api/v1/auth/logout',
      t.http.post('/api/v1/auth/logout').set('Authorization', `Bearer ${token.body.accessToken}`),
      204,
    );
    await call('GET /api/v1/users', as(w.admin).get('/api/v1/users?role=CLERK'), 200);
    await call('PATCH /api/v1/users/{id}', as(w.admin).patch(`/api/v1/users/${w.clerkB.id}`).send({ name: 'Clerk Bee' }), 200);
    await call(
      'POST /api/v1/auth/password',
      as(w.clerkB).post('/api/v1/auth/password').send({ currentPassword: 'not-it-at-all', newPassword: 'a fine new passphrase' }),
      400,
    );
    await call('DELETE /api/v1/users/{id}/mfa', t.http.delete(`/api/v1/users/${w.judgeB.id}/mfa`).set(w.admin.auth), 204);
    await call(
      'POST /api/v1/auth/token',
      t.http.post('/api/v1/auth/token').send({ email: ADMIN_EMAIL, password: 'wrong-password-1' }),
      401,
    );

    const court = await call(
      'POST /api/v1/courts',
      as(w.admin).post('/api/v1/courts').send({ name: 'Court C', state: 'TX', county: 'Bexar', timezone: 'America/Chicago' }),
      201,
    );
    await call('GET /api/v1/courts', as(w.clerkA).get('/api/v1/courts'), 200);
    await call('GET /api/v1/courts/{id}', as(w.admin).get(`/api/v1/courts/${court.body.id}`), 200);
    await call('GET /api/v1/courts/{id}', as(w.clerkA).get(`/api/v1/courts/${court.body.id}`), 404);
    await call(
      'POST /api/v1/courts/{id}/closures',
      as(w.clerkA).post(`/api/v1/courts/${w.courtA}/closures`).send({ date: '2027-03-05', name: 'Training' }),
      201,
    );
    await call('GET /api/v1/courts/{id}/closures', as(w.clerkA).get(`/api/v1/courts/${w.courtA}/closures`), 200);
    await call('GET /api/v1/courts/{id}/judges', as(w.clerkA).get(`/api/v1/courts/${w.courtA}/judges`), 200);
    await call('GET /api/v1/courts/{id}/judges', as(w.clerkA).get(`/api/v1/courts/${w.courtB}/judges`), 404);
    await call('GET /api/v1/courts/{id}/court-days', as(w.clerkA).get(`/api/v1/courts/${w.courtA}/court-days?month=2027-03`), 200);

    const agency = await call(
      'POST /api/v1/agencies',
      as(w.admin).post('/api/v1/agencies').send({ name: 'Agency Four', kind: 'CHILD_WELFARE', state: 'TX' }),
      201,
    );
    await call('GET /api/v1/agencies', as(w.admin).get('/api/v1/agencies'), 200);
    await call('GET /api/v1/agencies/{id}', as(w.admin).get(`/api/v1/agencies/${agency.body.id}`), 200);
    const key = await call(
      'POST /api/v1/agencies/{id}/api-keys',
      as(w.admin).post(`/api/v1/agencies/${w.agency1}/api-keys`).send({ name: 'CMS' }),
      201,
    );
    await call('GET /api/v1/auth/me', t.http.get('/api/v1/auth/me').set('X-API-Key', key.body.key as string), 200);
    await call('GET /api/v1/agencies/{id}/api-keys', as(w.admin).get(`/api/v1/agencies/${w.agency1}/api-keys`), 200);
    await call(
      'DELETE /api/v1/agencies/{id}/api-keys/{keyId}',
      t.http.delete(`/api/v1/agencies/${w.agency1}/api-keys/${key.body.id as string}`).set(w.admin.auth),
      204,
    );

    const user = await call(
      'POST /api/v1/users',
      as(w.admin)
        .post('/api/v1/users')
        .send({ email: 'new.clerk@test.court', name: 'New Clerk', password: 'long-enough-password', role: 'CLERK', courtId: w.courtA }),
      201,
    );
    await call('POST /api/v1/users', as(w.admin).post('/api/v1/users').send({ email: 'x' }), 400);
    await call('GET /api/v1/users/{id}', as(w.admin).get(`/api/v1/users/${user.body.id}`), 200);
    await call('GET /api/v1/users/{id}', as(w.clerkA).get(`/api/v1/users/${randomUUID()}`), 404);
  });

  it('cases, children, photos', async () => {
    const newCase = {
      courtId: w.courtA,
      docketNumber: 'A-0900',
      caseType: 'DELINQUENCY',
      judgeId: w.judgeA.id,
      child: { firstName: 'Sam', lastName: 'Roe', dateOfBirth: '2010-02-03' },
    };
    await call('POST /api/v1/cases', as(w.clerkA).post('/api/v1/cases').send(newCase), 201);
    await call('POST /api/v1/cases', as(w.clerkA).post('/api/v1/cases').send(newCase), 409);
    await call('GET /api/v1/cases', as(w.clerkA).get('/api/v1/cases'), 200);
    await call('GET /api/v1/cases/{id}', as(w.agency1User).get(`/api/v1/cases/${w.caseA.id}`), 200);
    await call('GET /api/v1/cases/{id}', as(w.clerkB).get(`/api/v1/cases/${w.caseA.id}`), 404);
    await call('GET /api/v1/cases/{id}/placements', as(w.clerkA).get(`/api/v1/cases/${w.caseA.id}/placements`), 200);
    await call(
      'POST /api/v1/cases/{id}/placements',
      as(w.clerkA)
        .post(`/api/v1/cases/${w.caseA.id}/placements`)
        .send({ agencyId: w.agency3, placementType: 'KINSHIP', startedAt: hoursAgo(48) }),
      201,
    );
    await call(
      'POST /api/v1/cases/{id}/placements',
      as(w.clerkA)
        .post(`/api/v1/cases/${w.caseA.id}/placements`)
        .send({ agencyId: w.agency1, placementType: 'FOSTER_HOME', startedAt: hoursAgo(24) }),
      201,
    );
    const participant = await call(
      'POST /api/v1/cases/{id}/participants',
      as(w.clerkA)
        .post(`/api/v1/cases/${w.caseA.id}/participants`)
        .send({ role: 'CASA', name: 'Pat Volunteer', email: 'pat@casa.example' }),
      201,
    );
    await call('GET /api/v1/cases/{id}/participants', as(w.agency1User).get(`/api/v1/cases/${w.caseA.id}/participants`), 200);
    await call(
      'DELETE /api/v1/cases/{id}/participants/{pid}',
      t.http.delete(`/api/v1/cases/${w.caseA.id}/participants/${participant.body.id}`).set(w.clerkA.auth),
      204,
    );
    await call('GET /api/v1/children/{id}', as(w.clerkA).get(`/api/v1/children/${w.caseA.childId}`), 200);
    await call('PATCH /api/v1/children/{id}', as(w.clerkA).patch(`/api/v1/children/${w.caseA.childId}`).send({ hairColor: 'brown' }), 200);
    await call(
      'PATCH /api/v1/children/{id}',
      as(w.clerkA).patch(`/api/v1/children/${w.caseA.childId}`).send({ heightInches: 'tall' }),
      400,
    );
    const photo = await call(
      'POST /api/v1/children/{id}/photos',
      as(w.agency1User)
        .post(`/api/v1/children/${w.caseA.childId}/photos`)
        .field('takenAt', hoursAgo(3))
        .attach('file', fixture('plain.jpg'), 'p.jpg'),
      201,
    );
    await call(
      'POST /api/v1/children/{id}/photos',
      as(w.agency1User)
        .post(`/api/v1/children/${w.caseA.childId}/photos`)
        .field('takenAt', hoursAgo(3))
        .attach('file', fixture('not-an-image.jpg'), 'p.jpg'),
      415,
    );
    await call('GET /api/v1/photos/{id}', as(w.clerkA).get(`/api/v1/photos/${photo.body.id}`).buffer(true).parse(binary), 200);
    await call('GET /api/v1/children/{id}', as(w.clerkA).get(`/api/v1/children/${w.caseA.childId}`), 200);
  });

  it('order templates, orders and verification', async () => {
    const templates = await call('GET /api/v1/order-templates', as(w.judgeA).get('/api/v1/order-templates'), 200);
    const standing = (templates.body.items as Array<{ id: string; kind: string }>).find((x) => x.kind === 'STANDING_ORDER')!;
    const detail = await call('GET /api/v1/order-templates/{id}', as(w.judgeA).get(`/api/v1/order-templates/${standing.id}`), 200);
    await call(
      'POST /api/v1/order-templates',
      as(w.admin)
        .post('/api/v1/order-templates')
        .send({ courtId: w.courtB, kind: 'STANDING_ORDER', title: 'Court B standing order', body: detail.body.body }),
      201,
    );

    const order = await call('POST /api/v1/orders', as(w.judgeA).post('/api/v1/orders').send({ kind: 'STANDING', courtId: w.courtA }), 201);
    const id = order.body.id as string;
    await call(
      'PATCH /api/v1/orders/{id}',
      as(w.judgeA)
        .patch(`/api/v1/orders/${id}`)
        .send({ terms: { lawEnforcementReportHours: 12 } }),
      200,
    );
    await call('GET /api/v1/orders', as(w.clerkA).get('/api/v1/orders'), 200);
    await call('GET /api/v1/orders/{id}', as(w.clerkA).get(`/api/v1/orders/${id}`), 200);
    await call('GET /api/v1/orders/{id}/preview', as(w.judgeA).get(`/api/v1/orders/${id}/preview`), 200);
    await call('GET /api/v1/orders/{id}/pdf', as(w.judgeA).get(`/api/v1/orders/${id}/pdf`).buffer(true).parse(binary), 200);
    await call(
      'GET /api/v1/orders/{id}/certificate-of-service.pdf',
      as(w.clerkA).get(`/api/v1/orders/${id}/certificate-of-service.pdf`),
      409,
    );
    const signed = await call('POST /api/v1/orders/{id}/sign', as(w.judgeA).post(`/api/v1/orders/${id}/sign`), 200);
    await call('POST /api/v1/orders/{id}/sign', as(w.judgeA).post(`/api/v1/orders/${id}/sign`), 409);
    await call(
      'PATCH /api/v1/orders/{id}',
      as(w.judgeA)
        .patch(`/api/v1/orders/${id}`)
        .send({ terms: { ncicEntryHours: 1 } }),
      409,
    );
    const signedPdf = await call(
      'GET /api/v1/orders/{id}/pdf',
      as(w.judgeA).get(`/api/v1/orders/${id}/pdf`).buffer(true).parse(binary),
      200,
    );
    await call('GET /api/v1/orders/verify', t.http.get(`/api/v1/orders/verify?sha256=${signed.body.sha256 as string}`), 200);
    await call('GET /api/v1/orders/verify', t.http.get(`/api/v1/orders/verify?sha256=${'0'.repeat(64)}`), 200);
    await call('GET /api/v1/orders/verify', t.http.get('/api/v1/orders/verify?sha256=nope'), 400);
    await call(
      'POST /api/v1/orders/verify',
      t.http.post('/api/v1/orders/verify').attach('file', signedPdf.body as Buffer, 'order.pdf'),
      200,
    );
    await call('POST /api/v1/orders/verify', t.http.post('/api/v1/orders/verify').attach('file', fixture('plain.png'), 'order.pdf'), 415);
    await call(
      'POST /api/v1/orders/{id}/vacate',
      as(w.judgeA).post(`/api/v1/orders/${id}/vacate`).send({ reason: 'Replaced by a new standing order' }),
      200,
    );
    await call('POST /api/v1/orders/{id}/vacate', as(w.judgeA).post(`/api/v1/orders/${id}/vacate`).send({ reason: 'Again' }), 409);
  });

  it('episodes, obligations, proof, hearings, docket, compliance, audit, health', async () => {
    const opened = await call(
      'POST /api/v1/episodes',
      as(w.agency1User)
        .post('/api/v1/episodes')
        .send({ childId: w.caseA.childId, missingSince: hoursAgo(3), discoveredAt: hoursAgo(2), companions: ['a friend'] }),
      201,
    );
    await call(
      'POST /api/v1/episodes',
      as(w.agency1User)
        .post('/api/v1/episodes')
        .send({ childId: w.caseA.childId, missingSince: hoursAgo(3) }),
      409,
    );
    const episode = opened.body as { id: string; obligations: Array<{ id: string; type: string }>; hearingRequests: Array<{ id: string }> };
    const by = Object.fromEntries(episode.obligations.map((o) => [o.type, o.id]));
    await call('GET /api/v1/episodes', as(w.clerkA).get('/api/v1/episodes'), 200);
    await call('GET /api/v1/episodes/{id}', as(w.agency1User).get(`/api/v1/episodes/${episode.id}`), 200);
    await call('GET /api/v1/obligations', as(w.clerkA).get('/api/v1/obligations?status=OPEN'), 200);
    await call('GET /api/v1/obligations/{id}', as(w.clerkA).get(`/api/v1/obligations/${by.LAW_ENFORCEMENT_REPORT}`), 200);

    const report = await call(
      'POST /api/v1/obligations/{id}/evidence',
      as(w.agency1User)
        .post(`/api/v1/obligations/${by.LAW_ENFORCEMENT_REPORT}/evidence`)
        .send({ lawEnforcementAgency: 'Austin Police Department', reportNumber: 'APD-1', performedAt: hoursAgo(1) }),
      201,
    );
    await call(
      'POST /api/v1/obligations/{id}/evidence',
      as(w.agency1User)
        .post(`/api/v1/obligations/${by.LAW_ENFORCEMENT_REPORT}/evidence`)
        .send({ lawEnforcementAgency: 'APD', reportNumber: 'APD-2', performedAt: hoursAgo(1) }),
      409,
    );
    await call(
      'POST /api/v1/evidence/{id}/review',
      as(w.clerkA).post(`/api/v1/evidence/${report.body.id}/review`).send({ decision: 'ACCEPTED' }),
      200,
    );
    const scan = await call(
      'POST /api/v1/obligations/{id}/evidence',
      as(w.agency1User)
        .post(`/api/v1/obligations/${by.NCMEC_REPORT}/evidence`)
        .field('ncmecCaseNumber', '1234567')
        .field('performedAt', hoursAgo(1))
        .attach('file', await pdf('NCMEC intake'), 'ncmec.pdf'),
      201,
    );
    await call('GET /api/v1/evidence/{id}', as(w.clerkA).get(`/api/v1/evidence/${scan.body.id}`), 200);
    await call('GET /api/v1/evidence/{id}/file', as(w.clerkA).get(`/api/v1/evidence/${scan.body.id}/file`).buffer(true).parse(binary), 200);
    await call('GET /api/v1/obligations/{id}/evidence', as(w.clerkA).get(`/api/v1/obligations/${by.LAW_ENFORCEMENT_REPORT}/evidence`), 200);
    await call(
      'POST /api/v1/evidence/{id}/review',
      as(w.clerkA).post(`/api/v1/evidence/${scan.body.id}/review`).send({ decision: 'REJECTED' }),
      400,
    );
    await call(
      'POST /api/v1/obligations/{id}/waive',
      as(w.judgeA).post(`/api/v1/obligations/${by.NCIC_ENTRY}/waive`).send({ reason: 'Entered by the sheriff' }),
      200,
    );
    await call(
      'POST /api/v1/obligations/{id}/waive',
      as(w.clerkA).post(`/api/v1/obligations/${by.NCIC_ENTRY}/waive`).send({ reason: 'x' }),
      403,
    );

    const hearing = episode.hearingRequests[0].id;
    await call('GET /api/v1/hearing-requests', as(w.clerkA).get('/api/v1/hearing-requests'), 200);
    await call('GET /api/v1/hearing-requests/{id}', as(w.judgeA).get(`/api/v1/hearing-requests/${hearing}`), 200);
    await call('GET /api/v1/hearing-requests/{id}/notice.pdf', as(w.clerkA).get(`/api/v1/hearing-requests/${hearing}/notice.pdf`), 409);
    await call(
      'POST /api/v1/hearing-requests/{id}/schedule',
      as(w.clerkA)
        .post(`/api/v1/hearing-requests/${hearing}/schedule`)
        .send({ scheduledFor: '2027-03-03T09:30:00-06:00', courtroom: '4B' }),
      200,
    );
    await call(
      'GET /api/v1/hearing-requests/{id}/notice.pdf',
      as(w.clerkA).get(`/api/v1/hearing-requests/${hearing}/notice.pdf`).buffer(true).parse(binary),
      200,
    );
    await call(
      'GET /api/v1/hearing-requests/{id}/certificate-of-service.pdf',
      as(w.clerkA).get(`/api/v1/hearing-requests/${hearing}/certificate-of-service.pdf`).buffer(true).parse(binary),
      200,
    );
    await call(
      'GET /api/v1/episodes/{id}/report-packet.pdf',
      as(w.agency1User).get(`/api/v1/episodes/${episode.id}/report-packet.pdf`).buffer(true).parse(binary),
      200,
    );
    await call(
      'GET /api/v1/episodes/{id}/poster.pdf',
      as(w.clerkA).get(`/api/v1/episodes/${episode.id}/poster.pdf`).buffer(true).parse(binary),
      200,
    );
    await call(
      'POST /api/v1/hearing-requests/{id}/docket-sync/retry',
      as(w.clerkA).post(`/api/v1/hearing-requests/${hearing}/docket-sync/retry`),
      409,
    );
    await call(
      'POST /api/v1/hearing-requests/{id}/cancel',
      as(w.judgeA).post(`/api/v1/hearing-requests/${hearing}/cancel`).send({ reason: 'Child found' }),
      200,
    );
    await call('GET /api/v1/docket/events', as(w.clerkA).get('/api/v1/docket/events'), 200);
    await call('POST /api/v1/docket/events/{id}/retry', as(w.clerkA).post(`/api/v1/docket/events/${randomUUID()}/retry`), 404);
    await call(
      'POST /api/v1/docket/callbacks',
      t.http
        .post('/api/v1/docket/callbacks')
        .send({ eventId: randomUUID(), hearingRequestId: hearing, scheduledFor: '2027-03-03T09:30:00-06:00', courtroom: '1' }),
      401,
    );

    await call(
      'POST /api/v1/episodes/{id}/recovery',
      as(w.agency1User)
        .post(`/api/v1/episodes/${episode.id}/recovery`)
        .send({ recoveredAt: hoursAgo(0.5), recoveryLocation: 'Austin' }),
      200,
    );
    await call('GET /api/v1/notifications', as(w.clerkA).get(`/api/v1/notifications?episodeId=${episode.id}`), 200);
    await call('GET /api/v1/compliance/summary.csv', as(w.judgeA).get('/api/v1/compliance/summary.csv'), 200);
    const feed = await call('POST /api/v1/auth/calendar-feed', as(w.clerkA).post('/api/v1/auth/calendar-feed'), 201);
    await call('GET /calendar/{token}.ics', t.http.get(new URL(feed.body.url as string).pathname), 200);
    await call('GET /calendar/{token}.ics', t.http.get(`/calendar/${'x'.repeat(43)}.ics`), 404);
    await call('GET /api/v1/compliance/summary', as(w.judgeA).get('/api/v1/compliance/summary'), 200);
    await call('GET /api/v1/compliance/photos', as(w.clerkA).get('/api/v1/compliance/photos'), 200);
    await call('GET /api/v1/audit-events', as(w.admin).get('/api/v1/audit-events?limit=20'), 200);
    await call('GET /api/v1/audit-events/verify', as(w.admin).get('/api/v1/audit-events/verify'), 200);
    await call('GET /api/v1/audit-events/verify', as(w.clerkA).get('/api/v1/audit-events/verify'), 403);
    await call('GET /health', t.http.get('/health'), 200);
    await call('GET /health/ready', t.http.get('/health/ready'), 200);
  });

  it('the tour covered nearly every operation with a success answer', () => {
    const succeeded = new Set([...contract.checked].filter((c) => / 2\d\d$/.test(c)).map((c) => c.replace(/ \d+$/, '')));
    expect(succeeded.size).toBeGreaterThanOrEqual(55);
  });
});
