import { createHash } from 'node:crypto';
import { binary, pdfText } from './support/files.js';
import { Mailbox, type ReceivedMail } from './support/mailbox.js';
import { expectProblem } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait.js';
import { createCase, seedWorld, type SeededUser, type World } from './support/world.js';

/**
 * Service on the people of a case: the notice of hearing when a hearing is set
 * (attached), its cancellation, the signed order (attached), and the clerk's
 * certificates of service built from what was sent, to whom and when.
 */

let t: TestApp;
let w: World;
const mailbox = new Mailbox();

beforeAll(async () => {
  await mailbox.start();
  t = await startTestApp({
    SMTP_URL: mailbox.url,
    MAIL_FROM: 'clerk@court-a.example',
    MAIL_BACKOFF_MS: '200',
    PUBLIC_BASE_URL: 'https://court.example',
  });
  w = await seedWorld(t);
});
afterAll(async () => {
  await t?.close();
  await mailbox.stop();
});

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function caseWithPeople(docket: string) {
  const tag = docket.toLowerCase();
  const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, docket, null);
  await t.http
    .post(`/api/v1/cases/${c.id}/placements`)
    .set(w.clerkA.auth)
    .send({
      agencyId: w.agency1,
      placementType: 'FOSTER_HOME',
      startedAt: '2026-01-05T09:00:00-06:00',
      caseworkerName: 'Casey Worker',
      caseworkerEmail: `caseworker.${tag}@agency-one.example`,
    })
    .expect(201);
  const people = {
    gal: `gal.${tag}@advocates.example`,
    casa: `casa.${tag}@advocates.example`,
    caseworker: `caseworker.${tag}@agency-one.example`,
  };
  await t.http
    .post(`/api/v1/cases/${c.id}/participants`)
    .set(w.clerkA.auth)
    .send({ role: 'GUARDIAN_AD_LITEM', name: 'Dana Whitfield', email: people.gal })
    .expect(201);
  await t.http
    .post(`/api/v1/cases/${c.id}/participants`)
    .set(w.clerkA.auth)
    .send({ role: 'CASA', name: 'Lee Park', email: people.casa })
    .expect(201);
  const episode = await t.http
    .post('/api/v1/episodes')
    .set(w.agency1User.auth)
    .send({ childId: c.childId, missingSince: hoursAgo(2) })
    .expect(201);
  const hearingRequestId = (episode.body.hearingRequests as Array<{ id: string; reason: string }>).find(
    (h) => h.reason === 'CHILD_MISSING',
  )!.id;
  return { ...c, people, episodeId: episode.body.id as string, hearingRequestId };
}

const schedule = (id: string, scheduledFor: string, courtroom: string) =>
  t.http.post(`/api/v1/hearing-requests/${id}/schedule`).set(w.clerkA.auth).send({ scheduledFor, courtroom }).expect(200);
const mailTo = (address: string, subject: RegExp) => mailbox.to(address).filter((m) => subject.test(m.mail.subject ?? ''));
const waitForMail = (address: string, subject: RegExp, count = 1): Promise<ReceivedMail[]> =>
  waitFor(() => {
    const found = mailTo(address, subject);
    return found.length >= count ? found : null;
  }, 20_000);
const certificate = async (path: string, by: SeededUser = w.clerkA): Promise<string> => {
  const res = await t.http.get(path).set(by.auth).buffer(true).parse(binary).expect(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return (await pdfText(res.body as Buffer)).text;
};
const allSent = (query: string) =>
  waitFor(async () => {
    const items = (await t.http.get(`/api/v1/notifications?${query}`).set(w.clerkA.auth).expect(200)).body.items as Array<{
      status: string;
    }>;
    return items.length > 0 && items.every((n) => n.status !== 'PENDING') ? items : null;
  }, 20_000);

describe('a hearing set, set again, and cancelled', () => {
  let c: Awaited<ReturnType<typeof caseWithPeople>>;

  beforeAll(async () => {
    c = await caseWithPeople('A-SRV-1');
  });

  it('serves the notice of hearing on every participant and the caseworker, attached as a PDF', async () => {
    await schedule(c.hearingRequestId, '2027-03-03T09:30:00-06:00', 'Courtroom 3B');
    for (const address of Object.values(c.people))
      await waitForMail(address, /^Notice of hearing: Case No\. A-SRV-1, Wednesday, March 3, 2027$/);
    const [{ mail }] = mailTo(c.people.gal, /^Notice of hearing/);
    expect(mail.text).toContain('Wednesday, March 3, 2027 at 9:30 AM CST');
    expect(mail.text).toContain('Courtroom 3B');
    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments;
    expect(attachment).toMatchObject({ filename: 'notice-of-hearing-2027-03-03.pdf', contentType: 'application/pdf' });
    const { text } = await pdfText(attachment.content);
    for (const expected of [
      'NOTICE OF HEARING',
      'Case No. A-SRV-1',
      'Wednesday, March 3, 2027',
      'Courtroom 3B',
      'Agency One',
      'Dana Whitfield, guardian ad litem',
      'Lee Park, court-appointed special advocate',
    ]) {
      expect(text).toContain(expected);
    }
    // The court's own staff are not served with their own notice.
    expect(mailTo('judgea@test.court', /^Notice of hearing: Case No\. A-SRV-1/)).toHaveLength(0);
  });

  it('serves the new notice when the hearing is set again, and the certificate lists that latest service', async () => {
    await schedule(c.hearingRequestId, '2027-03-04T09:30:00-06:00', 'Courtroom 2');
    for (const address of Object.values(c.people)) await waitForMail(address, /Thursday, March 4, 2027$/);
    await allSent(`hearingRequestId=${c.hearingRequestId}`);
    const text = await certificate(`/api/v1/hearing-requests/${c.hearingRequestId}/certificate-of-service.pdf`);
    for (const expected of [
      'CERTIFICATE OF SERVICE',
      'In the Interest of J.D., a minor child',
      'Case No. A-SRV-1',
      'Notice of Hearing set for March 4, 2027 at 9:30 AM CST, Courtroom 2',
      `Dana Whitfield, Guardian ad litem ${c.people.gal}`,
      `Lee Park, Court-appointed special advocate ${c.people.casa}`,
      `Casey Worker, Caseworker ${c.people.caseworker}`,
      '/s/ ClerkA',
      'Clerk of the Court',
    ]) {
      expect(text).toContain(expected);
    }
    const [{ mail }] = mailTo(c.people.casa, /Thursday, March 4, 2027$/);
    expect(text).toContain(`SHA-256 of the copy served: ${sha256(mail.attachments[0].content)}`);
    expect(text).toMatch(/\d+, 20\d\d at \d+:\d\d [AP]M C[SD]T/);
  });

  it('tells the same people when it is cancelled, without an attachment', async () => {
    await t.http
      .post(`/api/v1/hearing-requests/${c.hearingRequestId}/cancel`)
      .set(w.clerkA.auth)
      .send({ reason: 'Child found' })
      .expect(200);
    const [{ mail }] = await waitForMail(c.people.caseworker, /^Hearing cancelled: Case No\. A-SRV-1$/);
    expect(mail.text).toContain('It had been set for Thursday, March 4, 2027 at 9:30 AM CST.');
    expect(mail.attachments).toHaveLength(0);
    await waitForMail(c.people.gal, /^Hearing cancelled/);
  });

  it('certifies a failed service with its reason', async () => {
    const d = await caseWithPeople('A-SRV-2');
    mailbox.refuse.add(d.people.casa);
    await schedule(d.hearingRequestId, '2027-03-03T10:00:00-06:00', 'Courtroom 1');
    await allSent(`hearingRequestId=${d.hearingRequestId}`);
    const text = await certificate(`/api/v1/hearing-requests/${d.hearingRequestId}/certificate-of-service.pdf`, w.judgeA);
    expect(text).toContain('Service not completed');
    expect(text).toMatch(new RegExp(`Lee Park, Court-appointed special advocate ${d.people.casa.replace(/\./g, '\\.')} .* SMTP 550`));
    expect(text).toContain(`Dana Whitfield, Guardian ad litem ${d.people.gal}`);
    expect(text).toContain('/s/ JudgeA Judge');
  });
});

describe('a signed order', () => {
  let c: Awaited<ReturnType<typeof caseWithPeople>>;
  let order: { id: string; sha256: string; orderNumber: string };

  beforeAll(async () => {
    c = await caseWithPeople('A-SRV-3');
    const draft = await t.http
      .post('/api/v1/orders')
      .set(w.clerkA.auth)
      .send({ kind: 'INDIVIDUAL', courtId: w.courtA, caseId: c.id })
      .expect(201);
    order = (await t.http.post(`/api/v1/orders/${draft.body.id}/sign`).set(w.judgeA.auth).expect(200)).body;
  });

  it('is served on every participant with the signed PDF attached, byte for byte', async () => {
    for (const address of [c.people.gal, c.people.casa]) {
      const [{ mail }] = await waitForMail(address, new RegExp(`^Order No\\. ${order.orderNumber} signed: Case No\\. A-SRV-3$`));
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0].filename).toBe(`order-${order.orderNumber}.pdf`);
      expect(sha256(mail.attachments[0].content)).toBe(order.sha256);
      expect(mail.text).toContain(`https://court.example/orders/${order.id}`);
    }
    expect(mailTo(c.people.caseworker, /^Order No\./)).toHaveLength(0);
  });

  it('has a certificate of service listing each person served and the SHA-256 of the order', async () => {
    await allSent(`orderId=${order.id}`);
    const text = await certificate(`/api/v1/orders/${order.id}/certificate-of-service.pdf`);
    expect(text).toContain(`Order No. ${order.orderNumber}, Order Regarding a Child Missing from Care`);
    expect(text).toContain(`SHA-256 of the copy served: ${order.sha256}`);
    expect(text).toContain(`Dana Whitfield, Guardian ad litem ${c.people.gal}`);
    expect(text).toContain(`Lee Park, Court-appointed special advocate ${c.people.casa}`);
    const [audit] = await t.db.query(
      `SELECT actor_id, details FROM audit_events WHERE entity_type = 'order' AND entity_id = $1 AND action = 'read' ORDER BY seq DESC LIMIT 1`,
      [order.id],
    );
    expect(audit).toEqual({ actor_id: w.clerkA.id, details: { document: 'certificate_of_service' } });
  });

  it('is refused to other roles and courts, and for a draft or a hearing never set', async () => {
    const path = `/api/v1/orders/${order.id}/certificate-of-service.pdf`;
    expectProblem(await t.http.get(path).set(w.agency1User.auth), 403);
    expectProblem(await t.http.get(path).set(w.admin.auth), 403);
    expectProblem(await t.http.get(path).set(w.clerkB.auth), 404);
    expectProblem(await t.http.get(path), 401);
    expectProblem(await t.http.get('/api/v1/orders/x/certificate-of-service.pdf').set(w.clerkA.auth), 400, 'id');
    const draft = await t.http
      .post('/api/v1/orders')
      .set(w.clerkA.auth)
      .send({ kind: 'INDIVIDUAL', courtId: w.courtA, caseId: c.id })
      .expect(201);
    expectProblem(await t.http.get(`/api/v1/orders/${draft.body.id}/certificate-of-service.pdf`).set(w.clerkA.auth), 409);
    const d = await caseWithPeople('A-SRV-4');
    const hearingPath = `/api/v1/hearing-requests/${d.hearingRequestId}/certificate-of-service.pdf`;
    expectProblem(await t.http.get(hearingPath).set(w.clerkA.auth), 409);
    expectProblem(await t.http.get(hearingPath).set(w.judgeB.auth), 404);
    expectProblem(await t.http.get(hearingPath).set(w.agency1User.auth), 403);
  });
});
