import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { NotificationFanOut } from '../src/notifications/notification-fan-out.service.js';
import { NotificationSender } from '../src/notifications/notification-sender.service.js';
import { Mailbox } from './support/mailbox.js';
import { expectProblem } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait.js';
import { createCase, seedWorld, type SeededUser, type World } from './support/world.js';

/**
 * E-mail to the people on a case, through the outbox and BullMQ to a real SMTP
 * server this test runs: who is told of what, what the message says (initials
 * and docket number, never the child's name or birth date), each person once
 * per event, and nothing lost while the SMTP server is down.
 */

let t: TestApp;
let w: World;
const mailbox = new Mailbox();

beforeAll(async () => {
  await mailbox.start();
  t = await startTestApp({
    SMTP_URL: mailbox.url,
    MAIL_FROM: 'Court A Clerk <clerk@court-a.example>',
    MAIL_BACKOFF_MS: '300',
    MAIL_ATTEMPTS: '12',
    PUBLIC_BASE_URL: 'https://court.example',
  });
  w = await seedWorld(t);
});
afterAll(async () => {
  await t?.close();
  await mailbox.stop();
});

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
type Notification = { id: string; event: string; recipient: string; status: string; attempts: number; lastError: string | null };

/** A case of court A, placed with agency 1 with a caseworker, with a GAL and a CASA volunteer. */
async function caseWithPeople(docket: string, tag: string) {
  const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, docket, null, { firstName: 'Jamie', lastName: 'Doe' });
  await t.http
    .post(`/api/v1/cases/${c.id}/placements`)
    .set(w.clerkA.auth)
    .send({
      agencyId: w.agency1,
      placementType: 'FOSTER_HOME',
      startedAt: '2026-01-05T09:00:00-06:00',
      caseworkerName: 'Casey Worker',
      caseworkerEmail: `caseworker-${tag}@agency-one.example`,
    })
    .expect(201);
  for (const [role, name] of [
    ['GUARDIAN_AD_LITEM', 'Dana Whitfield'],
    ['CASA', 'Lee Park'],
  ]) {
    await t.http
      .post(`/api/v1/cases/${c.id}/participants`)
      .set(w.clerkA.auth)
      .send({ role, name, email: `${role.toLowerCase()}-${tag}@advocates.example` })
      .expect(201);
  }
  return c;
}

const openEpisode = async (childId: string, body: Record<string, unknown> = {}, by: SeededUser = w.agency1User) =>
  (
    await t.http
      .post('/api/v1/episodes')
      .set(by.auth)
      .send({ childId, missingSince: hoursAgo(2), ...body })
      .expect(201)
  ).body as {
    id: string;
    obligations: Array<{ id: string; type: string }>;
  };

const notifications = async (query: string, by: SeededUser = w.clerkA): Promise<Notification[]> =>
  (await t.http.get(`/api/v1/notifications?${query}`).set(by.auth).expect(200)).body.items as Notification[];

describe('child missing', () => {
  let episodeId: string;
  const people = (tag: string) => [
    'judgea@test.court',
    'clerka@test.court',
    `caseworker-${tag}@agency-one.example`,
    `guardian_ad_litem-${tag}@advocates.example`,
    `casa-${tag}@advocates.example`,
  ];

  beforeAll(async () => {
    const c = await caseWithPeople('A-MAIL-1', 'm1');
    episodeId = (await openEpisode(c.childId)).id;
    await waitFor(() => people('m1').every((address) => mailbox.to(address).some((m) => /A-MAIL-1$/.test(m.mail.subject ?? ''))), 20_000);
  });

  it("tells the case's judge, the court's clerks, the caseworker and every participant, each once", async () => {
    for (const address of people('m1')) expect(mailbox.to(address).filter((m) => /A-MAIL-1$/.test(m.mail.subject ?? ''))).toHaveLength(1);
    // The server has the messages; each record says SENT once the worker has heard the server's answer.
    const items = await waitFor(async () => {
      const list = await notifications(`episodeId=${episodeId}`);
      return list.every((n) => n.status === 'SENT') ? list : null;
    }, 20_000);
    expect(items.map((n) => n.recipient).sort()).toEqual([...people('m1')].sort());
    for (const n of items)
      expect(n).toMatchObject({ event: 'child.missing', channel: 'EMAIL', status: 'SENT', attempts: 1, lastError: null });
  });

  it('says initials, docket number and a link to the record, from MAIL_FROM, in text and HTML, and nothing else of the child', async () => {
    const [{ mail }] = mailbox.to('guardian_ad_litem-m1@advocates.example');
    expect(mail.from?.value[0]).toEqual({ name: 'Court A Clerk', address: 'clerk@court-a.example' });
    expect(mail.to).toMatchObject({ value: [{ name: 'Dana Whitfield', address: 'guardian_ad_litem-m1@advocates.example' }] });
    expect(mail.subject).toBe('Child missing: J.D., Case No. A-MAIL-1');
    expect(mail.text).toContain('J.D., the child in Case No. A-MAIL-1 before Court A, has been reported missing from placement since');
    expect(mail.text).toContain(`https://court.example/episodes/${episodeId}`);
    expect(mail.html).toContain(`<a href="https://court.example/episodes/${episodeId}">`);
    expect(mail.html).toContain('<strong>J.D.</strong>');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@court-a\.example>$/);
    for (const body of [mail.text ?? '', String(mail.html), mail.subject ?? '']) {
      expect(body).not.toMatch(/Jamie|Doe|2011|04-17|April 17|butterfly|tattoo/);
    }
  });

  it('never sends twice: the event fanned out again and the message job delivered again change nothing', async () => {
    const before = mailbox.received.length;
    const fanOut = t.app.get(NotificationFanOut);
    const items = await notifications(`episodeId=${episodeId}`);
    const [row] = await t.db.query(`SELECT case_id, court_id FROM episodes WHERE id = $1`, [episodeId]);
    expect(
      await fanOut.fanOut({ type: 'child.missing', episodeId, caseId: row.case_id, courtId: row.court_id, missingSince: hoursAgo(2) }),
    ).toBe(0);
    for (const n of items) expect(await t.app.get(NotificationSender).send(n.id, false)).toBe('already-done');
    expect(mailbox.received.length).toBe(before);
    expect((await notifications(`episodeId=${episodeId}`)).map((n) => n.attempts)).toEqual(items.map(() => 1));
  });

  it('sends nothing while another worker holds the message (its lease), and sends it once the lease is over', async () => {
    const c = await caseWithPeople('A-MAIL-LEASE', 'lease');
    const [episode] = await t.db.query(`SELECT id FROM episodes LIMIT 1`);
    // Written straight to the table, with no outbox row: only the deliveries below send it.
    const [{ id }] = await t.db.query(
      `INSERT INTO notifications (id, event, event_key, court_id, case_id, episode_id, recipient, recipient_name, recipient_role, subject,
                                  text_body, html_body, message_id, claimed_until)
       VALUES (gen_random_uuid(), 'child.missing', 'test.lease', $1, $2, $3, 'lease@advocates.example', 'Lease Test', 'OTHER', 'Lease',
               'text', '<p>html</p>', '<lease@court-a.example>', now() + interval '1 minute') RETURNING id`,
      [w.courtA, c.id, episode.id],
    );
    const sender = t.app.get(NotificationSender);
    await expect(sender.send(id, false)).rejects.toThrow(/another worker is sending this message/);
    expect(mailbox.to('lease@advocates.example')).toHaveLength(0);
    await t.db.query(`UPDATE notifications SET claimed_until = now() - interval '1 second' WHERE id = $1`, [id]);
    expect(await sender.send(id, false)).toBe('sent');
    expect(await sender.send(id, false)).toBe('already-done');
    expect(mailbox.to('lease@advocates.example')).toHaveLength(1);
  });
});

describe('with the SMTP server down', () => {
  it('keeps trying with backoff and delivers once it is back: each person once, attempts recorded', async () => {
    const c = await caseWithPeople('A-MAIL-2', 'm2');
    await mailbox.stop();
    const episode = await openEpisode(c.childId);
    const pending = await waitFor(async () => {
      const items = await notifications(`episodeId=${episode.id}`);
      return items.length === 5 && items.every((n) => n.attempts >= 2 && n.status === 'PENDING') ? items : null;
    }, 30_000);
    expect(pending[0].lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect(mailbox.to('casa-m2@advocates.example')).toHaveLength(0);
    await mailbox.start();
    const sent = await waitFor(async () => {
      const items = await notifications(`episodeId=${episode.id}`);
      return items.every((n) => n.status === 'SENT') ? items : null;
    }, 30_000);
    for (const n of sent) {
      expect(n.attempts).toBeGreaterThanOrEqual(2);
      expect(n.lastError).toBeNull();
      expect(mailbox.to(n.recipient).filter((m) => m.mail.subject === 'Child missing: J.D., Case No. A-MAIL-2')).toHaveLength(1);
    }
  });

  it('records a permanent refusal (550) as FAILED at once with the reason', async () => {
    const c = await caseWithPeople('A-MAIL-3', 'm3');
    mailbox.refuse.add('casa-m3@advocates.example');
    const episode = await openEpisode(c.childId);
    const failed = await waitFor(async () => {
      const items = await notifications(`episodeId=${episode.id}&status=FAILED`);
      return items.length > 0 ? items : null;
    }, 20_000);
    expect(failed).toEqual([expect.objectContaining({ recipient: 'casa-m3@advocates.example', status: 'FAILED', attempts: 1 })]);
    expect(failed[0].lastError).toMatch(/^SMTP 550/);
    await waitFor(async () => (await notifications(`episodeId=${episode.id}&status=SENT`)).length === 4, 20_000);
  });
});

describe('duties overdue and proof rejected', () => {
  it("tells the agency's users and the court's clerks when a duty turns overdue", async () => {
    const c = await caseWithPeople('A-MAIL-4', 'm4');
    // Discovered 25 hours ago: the 24-hour reports are already past due when the episode opens.
    const episode = await openEpisode(c.childId, { missingSince: hoursAgo(26), discoveredAt: hoursAgo(25) });
    const overdue = await waitFor(async () => {
      const items = (await notifications(`episodeId=${episode.id}`)).filter((n) => n.event === 'obligation.overdue');
      return items.length >= 4 ? items : null;
    }, 20_000);
    expect(new Set(overdue.map((n) => n.recipient))).toEqual(new Set(['agency1@test.court', 'clerka@test.court']));
    const ncmec = await waitFor(
      () => mailbox.to('agency1@test.court').find((m) => m.mail.subject === 'Overdue: Report the child to NCMEC (J.D., Case No. A-MAIL-4)'),
      20_000,
    );
    expect(ncmec.mail.text).toMatch(/Due \w+ \d+, \d{4} at \d+:\d\d [AP]M C[SD]T/);
    expect(mailbox.to('guardian_ad_litem-m4@advocates.example').filter((m) => /^Overdue/.test(m.mail.subject ?? ''))).toHaveLength(0);
  });

  it('tells the person who submitted a proof that it was rejected (and nobody else)', async () => {
    const c = await caseWithPeople('A-MAIL-5', 'm5');
    const episode = await openEpisode(c.childId);
    const le = episode.obligations.find((o) => o.type === 'LAW_ENFORCEMENT_REPORT')!;
    const proof = await t.http
      .post(`/api/v1/obligations/${le.id}/evidence`)
      .set(w.agency1User.auth)
      .send({ lawEnforcementAgency: 'Austin Police Department', reportNumber: 'APD-1', performedAt: hoursAgo(1) })
      .expect(201);
    await t.http
      .post(`/api/v1/evidence/${proof.body.id}/review`)
      .set(w.clerkA.auth)
      .send({ decision: 'REJECTED', reason: 'Wrong report' })
      .expect(200);
    const rejected = await waitFor(async () => {
      const items = (await notifications(`episodeId=${episode.id}`)).filter((n) => n.event === 'evidence.rejected');
      return items.length > 0 && items.every((n) => n.status === 'SENT') ? items : null;
    }, 20_000);
    expect(rejected.map((n) => n.recipient)).toEqual(['agency1@test.court']);
    const message = mailbox.to('agency1@test.court').find((m) => /^Proof not accepted/.test(m.mail.subject ?? ''));
    expect(message?.mail.subject).toBe('Proof not accepted: Report the child missing to law enforcement (J.D., Case No. A-MAIL-5)');
    expect(message?.mail.text).not.toContain('Wrong report');
  });
});

describe('GET /notifications', () => {
  it('is for judges, clerks and admins only (403 for an agency, 401 without a login)', async () => {
    expectProblem(await t.http.get('/api/v1/notifications').set(w.agency1User.auth), 403);
    expectProblem(await t.http.get('/api/v1/notifications'), 401);
  });

  it("shows another court's clerk none of court A's messages, and an admin all of them", async () => {
    expect(await notifications('limit=500', w.clerkB)).toEqual([]);
    const all = await notifications('limit=500', w.admin);
    expect(all.length).toBeGreaterThan(10);
    expect(all.every((n) => (n as unknown as { courtId: string }).courtId === w.courtA)).toBe(true);
  });

  it('pages newest first with a cursor', async () => {
    const first = await t.http.get('/api/v1/notifications?limit=2').set(w.clerkA.auth).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await t.http.get(`/api/v1/notifications?limit=2&cursor=${first.body.nextCursor}`).set(w.clerkA.auth).expect(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(Date.parse(second.body.items[0].createdAt)).toBeLessThanOrEqual(Date.parse(first.body.items[1].createdAt));
  });

  it.each([
    ['status=LOST', 'status'],
    ['episodeId=42', 'episodeId'],
    ['caseId=x', 'caseId'],
    ['limit=0', 'limit'],
    ['cursor=garbage', 'cursor'],
  ])('refuses %s naming %s', async (query, field) => {
    expectProblem(await t.http.get(`/api/v1/notifications?${query}`).set(w.clerkA.auth), 400, field);
  });

  it('is audited as a list of the ids shown', async () => {
    const items = await notifications('limit=3', w.judgeA);
    const [audit] = await t.db.query(
      `SELECT details FROM audit_events WHERE entity_type = 'notification' AND actor_id = $1 ORDER BY seq DESC LIMIT 1`,
      [w.judgeA.id],
    );
    expect(audit.details).toEqual({ ids: items.map((n) => n.id) });
  });
});

describe('without SMTP_URL', () => {
  let drop: TestApp;
  afterAll(() => drop?.close());

  it('writes each message as an .eml file under DATA_DIR/mail and records it SENT', async () => {
    drop = await startTestApp({ PUBLIC_BASE_URL: 'https://court.example' });
    const world = await seedWorld(drop);
    const episode = (
      await drop.http
        .post('/api/v1/episodes')
        .set(world.clerkA.auth)
        .send({ childId: world.caseA.childId, missingSince: hoursAgo(1) })
        .expect(201)
    ).body as { id: string };
    const dir = join(drop.config.dataDir, 'mail');
    const items = await waitFor(async () => {
      const list = (await drop.http.get(`/api/v1/notifications?episodeId=${episode.id}`).set(world.clerkA.auth).expect(200)).body
        .items as Notification[];
      return list.length === 2 && list.every((n) => n.status === 'SENT') ? list : null;
    }, 20_000);
    expect(items.map((n) => n.recipient).sort()).toEqual(['clerka@test.court', 'judgea@test.court']);
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(items.map((n) => `${n.id}.eml`).sort());
    const mail = await simpleParser(readFileSync(join(dir, `${items[0].id}.eml`)));
    expect(mail.subject).toBe('Child missing: J.D., Case No. A-0001');
    expect(mail.text).toContain(`https://court.example/episodes/${episode.id}`);
  });
});
