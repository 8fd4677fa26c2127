import type { Page } from 'playwright-core';
import {
  isFocused,
  newPage,
  openInApp,
  pageProblems,
  PHONE,
  DESKTOP,
  shown,
  signIn,
  startWebTest,
  tabTo,
  textOf,
  type WebTest,
} from '../support/browser.js';
import { fixture, pdf } from '../support/files.js';
import { PASSWORD, seedWorld, type World } from '../support/world.js';

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

type Duty = { id: string; type: string };

describe('web: clerk proof queue', () => {
  let web: WebTest;
  let world: World;
  let page: Page;
  let duties: Record<string, Duty>;

  beforeAll(async () => {
    web = await startWebTest();
    const { t } = web;
    world = await seedWorld(t);
    const open = async (auth: { Authorization: string }, childId: string) => {
      const res = await t.http
        .post('/api/v1/episodes')
        .set(auth)
        .send({ childId, missingSince: ago(2 * HOUR), discoveredAt: ago(HOUR) })
        .expect(201);
      return Object.fromEntries((res.body.obligations as Duty[]).map((o) => [o.type, o]));
    };
    // The agency submits (the clerk may not review a proof of their own).
    duties = await open(world.agency1User.auth, world.caseA.childId);
    const agency = world.agency1User.auth;
    await t.http
      .post(`/api/v1/obligations/${duties.LAW_ENFORCEMENT_REPORT.id}/evidence`)
      .set(agency)
      .field('lawEnforcementAgency', 'Austin Police Department')
      .field('reportNumber', 'APD-2026-0042')
      .field('performedAt', ago(30 * 60_000))
      .attach('file', await pdf('Incident report APD-2026-0042'), { filename: 'report.pdf', contentType: 'application/pdf' })
      .expect(201);
    await t.http
      .post(`/api/v1/obligations/${duties.CURRENT_PHOTO.id}/evidence`)
      .set(agency)
      .field('performedAt', ago(20 * 60_000))
      .attach('file', fixture('plain.jpg'), { filename: 'photo.jpg', contentType: 'image/jpeg' })
      .expect(201);
    await t.http
      .post(`/api/v1/obligations/${duties.NCMEC_REPORT.id}/evidence`)
      .set(agency)
      .send({ ncmecCaseNumber: '1490732', performedAt: ago(10 * 60_000) })
      .expect(201);
    // Court B's proof is not court A's to review.
    const other = await open(world.agency2User.auth, world.caseB.childId);
    await t.http
      .post(`/api/v1/obligations/${other.NCMEC_REPORT.id}/evidence`)
      .set(world.agency2User.auth)
      .send({ ncmecCaseNumber: '999', performedAt: ago(10 * 60_000) })
      .expect(201);
    ({ page } = await newPage(web, PHONE));
    await signIn(page, world.clerkA.email, PASSWORD);
  }, 120_000);
  afterAll(() => web.close());

  const proof = (type: string) => page.locator(`article[data-duty="${type}"]`);

  it('lists each proof with its document beside its fields: a PDF framed, a photo inline; axe-clean at 360 px', async () => {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Proof queue' }).click();
    await shown(page.getByRole('heading', { name: 'Proof queue', level: 1 }));
    await shown(proof('NCMEC_REPORT'));
    expect(await page.locator('article.proof').count()).toBe(3);
    expect(await textOf(page.getByText('Times are in the court’s zone'))).toMatch(/America\/Chicago/);

    const le = proof('LAW_ENFORCEMENT_REPORT');
    expect(await textOf(le.getByRole('heading'))).toMatch(/Report to law enforcement: Jamie Doe/);
    expect(await textOf(le)).toMatch(/Austin Police Department/);
    expect(await textOf(le)).toMatch(/APD-2026-0042/);
    expect(await textOf(le)).toMatch(/Agency One/);
    expect(await textOf(le)).toMatch(/Reported at\s*\w{3} \d+, \d{4}, \d+:\d\d [AP]M C[SD]T/);
    const frame = await shown(le.locator('iframe[title^="The document of the proof"]'));
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);

    const photo = await shown(proof('CURRENT_PHOTO').getByRole('img', { name: /The document of the proof: Current photo on file/ }));
    await page.waitForFunction(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      await photo.elementHandle(),
    );

    expect(await textOf(proof('NCMEC_REPORT'))).toMatch(/1490732/);
    expect(await textOf(proof('NCMEC_REPORT'))).toMatch(/No document was sent/);
    expect(await page.getByText('999').count()).toBe(0);
    expect(await pageProblems(page)).toEqual([]);
  });

  it('bad input: rejecting without a reason shows the service’s error beside the reason, announced', async () => {
    const ncmec = proof('NCMEC_REPORT');
    await ncmec.getByRole('button', { name: /^Reject/ }).click();
    const alert = await shown(ncmec.getByRole('alert'));
    expect(await alert.innerText()).toMatch(/reason/i);
    const field = ncmec.getByRole('textbox', { name: /^Reason/ });
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await field.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))!;
    expect(await textOf(page.locator(`#${errorId}`))).toMatch(/required to reject/);
    expect(await isFocused(alert)).toBe(true);
    expect(await pageProblems(page)).toEqual([]);
    const evidence = await web.t.http.get(`/api/v1/obligations/${duties.NCMEC_REPORT.id}/evidence`).set(world.clerkA.auth).expect(200);
    expect(evidence.body.items[0].status).toBe('SUBMITTED');
  });

  it('review a proof with the keyboard only: reject one with a reason, accept another', async () => {
    const desk = await newPage(web, DESKTOP);
    const p = desk.page;
    await signIn(p, world.clerkA.email, PASSWORD);
    await openInApp(p, '/proofs');
    await shown(p.locator('article[data-duty="CURRENT_PHOTO"] img'));
    await tabTo(p, /^Reason Current photo on file/);
    await p.keyboard.type('The face cannot be seen');
    await tabTo(p, /^Reject Current photo on file/);
    await p.keyboard.press('Enter');
    const done = await shown(p.getByText('Rejected: Current photo on file: Jamie Doe.'));
    await p.locator('article[data-duty="CURRENT_PHOTO"]').waitFor({ state: 'detached' });
    expect(await p.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/Rejected: Current photo/);
    expect(await done.isVisible()).toBe(true);

    await tabTo(p, /^Accept Report to law enforcement/);
    await p.keyboard.press('Enter');
    await shown(p.getByText('Accepted: Report to law enforcement: Jamie Doe.'));
    await p.locator('article[data-duty="LAW_ENFORCEMENT_REPORT"]').waitFor({ state: 'detached' });
    expect(await pageProblems(p)).toEqual([]);
    await desk.context.close();

    const { http } = web.t;
    const le = await http.get(`/api/v1/obligations/${duties.LAW_ENFORCEMENT_REPORT.id}`).set(world.clerkA.auth).expect(200);
    expect(le.body.status).toBe('SATISFIED');
    const photo = await http.get(`/api/v1/obligations/${duties.CURRENT_PHOTO.id}/evidence`).set(world.clerkA.auth).expect(200);
    expect(photo.body.items[0]).toMatchObject({ status: 'REJECTED', reviewReason: 'The face cannot be seen' });
  });

  it('who may not: an agency user is sent away from the queue', async () => {
    const agency = await newPage(web, PHONE);
    await signIn(agency.page, world.agency1User.email, PASSWORD);
    await openInApp(agency.page, '/proofs');
    await shown(agency.page.getByRole('heading', { name: 'Not available to your role' }));
    expect(await agency.page.locator('article.proof').count()).toBe(0);
    await agency.context.close();
  });
});
