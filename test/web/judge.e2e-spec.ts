import type { Page } from 'playwright-core';
import {
  DESKTOP,
  newPage,
  pageProblems,
  PHONE,
  screenshotForReadme,
  shown,
  signIn,
  startWebTest,
  textOf,
  type WebTest,
} from '../support/browser.js';
import { waitFor } from '../support/wait.js';
import { overdueEpisode } from './judge-support.js';
import { PASSWORD, seedWorld, type World } from '../support/world.js';

/** The judge's home and orders: drafting from a template, the live preview, signing what was previewed, vacating. */
describe('web: judge — home and orders', () => {
  let web: WebTest;
  let world: World;
  let page: Page;
  let draftUrl: string;

  beforeAll(async () => {
    web = await startWebTest();
    world = await seedWorld(web.t);
    await overdueEpisode(web.t, world);
    ({ page } = await newPage(web, PHONE));
    await signIn(page, world.judgeA.email, PASSWORD);
  });
  afterAll(() => web.close());

  it('home: the children missing in the court, the duties overdue and the hearings requested; times in the court’s zone; axe at 360 px', async () => {
    await shown(page.getByRole('heading', { name: 'Your court today' }));
    const missing = page.getByRole('table', { name: 'Open episodes in the court' });
    expect(await textOf(missing)).toMatch(/Jamie Doe/);
    expect(await textOf(missing)).toMatch(/Agency One/);
    expect(await textOf(missing)).toMatch(/C[SD]T/);
    const overdue = page.getByRole('table', { name: /Agency One: \d+ overdue/ });
    expect(await textOf(overdue)).toMatch(/Report to law enforcement/);
    expect(await textOf(overdue)).toMatch(/overdue by/);
    expect(await textOf(page.getByRole('table', { name: /Hearings requested/ }))).toMatch(/Child missing/);
    expect(await textOf(page.getByText(/Times are in the court’s zone/))).toMatch(/America\/Chicago/);
    expect(await pageProblems(page)).toEqual([]);
    await screenshotForReadme(page, 'judge-home');
  });

  it('new order: bad input shows the service’s errors beside the fields, announced', async () => {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('link', { name: 'Draft a new order' }).click();
    await shown(page.getByRole('heading', { name: 'Draft a new order' }));
    await shown(page.getByText(/Template: Individual order|Template: .*version/));
    expect(await pageProblems(page)).toEqual([]);
    await page.getByLabel(/Report to NCMEC within/).fill('-3');
    await page.getByRole('button', { name: 'Create the draft and preview it' }).click();
    await shown(page.getByRole('alert'));
    expect(await textOf(page.locator('#order-ncmecReportHours-error'))).toMatch(/ncmecReportHours/);
    expect(await page.locator('#order-ncmecReportHours').getAttribute('aria-invalid')).toBe('true');
    expect(await pageProblems(page)).toEqual([]);
    // With the terms right, the missing case is named next.
    await page.getByLabel(/Report to NCMEC within/).fill('');
    await page.getByRole('button', { name: 'Create the draft and preview it' }).click();
    expect(await textOf(page.locator('#order-case-error'))).toMatch(/required/);
    expect(await page.locator('#order-case').getAttribute('aria-invalid')).toBe('true');
    expect(await textOf(page.getByRole('alert'))).toMatch(/required/);
    expect(await pageProblems(page)).toEqual([]);
  });

  it('new order from the template → the draft beside its live preview; a change is saved and shown in the preview', async () => {
    await page.locator('#order-case').selectOption({ label: 'A-0001: Jamie Doe' });
    await page.getByLabel(/Report to NCMEC within/).fill('12');
    await page.getByRole('button', { name: 'Create the draft and preview it' }).click();
    await shown(page.getByRole('heading', { name: 'Draft individual order' }));
    draftUrl = page.url();
    const frame = page.frameLocator('iframe[title="Preview of the draft order"]');
    expect(await textOf(frame.locator('body'))).toMatch(/DRAFT/);
    expect(await textOf(frame.locator('body'))).toMatch(/1-800-843-5678\) within 12 hours/);

    await page.getByLabel(/Report to NCMEC within/).fill('6');
    await shown(page.getByText('Draft saved; the preview shows it'));
    await waitFor(async () => /1-800-843-5678\) within 6 hours/.test(await frame.locator('body').innerText()), 10_000);
    expect(await pageProblems(page)).toEqual([]);
    await page.setViewportSize(DESKTOP);
    await screenshotForReadme(page, 'judge-order-draft');
    await page.setViewportSize(PHONE);

    // Bad input in the editor: the error beside the field and in the announced status.
    await page.getByLabel(/Hearing within/).fill('soon');
    await shown(page.locator('#draft-hearingWithinCourtDays-error'));
    expect(await textOf(page.getByRole('status').filter({ hasText: 'Not saved' }))).toMatch(/hearingWithinCourtDays/);
    await page.getByLabel(/Hearing within/).fill('3');
    await shown(page.getByText('Draft saved; the preview shows it'));
  });

  it('signing after the draft changed elsewhere is refused: "the draft changed — review the new preview"; then the new preview is signed', async () => {
    const id = new URL(draftUrl).pathname.split('/').pop()!;
    const sign = page.getByRole('button', { name: 'Sign the order as previewed' });
    await waitFor(() => sign.isEnabled(), 10_000);
    // The clerk changes the draft after the judge's preview was rendered.
    await web.t.http
      .patch(`/api/v1/orders/${id}`)
      .set(world.clerkA.auth)
      .send({ terms: { ncmecReportHours: 4 } })
      .expect(200);
    await sign.click();
    await shown(page.getByRole('heading', { name: 'The draft changed — review the new preview' }));
    const still = await web.t.http.get(`/api/v1/orders/${id}`).set(world.judgeA.auth).expect(200);
    expect(still.body).toMatchObject({ status: 'DRAFT', orderNumber: null });
    const frame = page.frameLocator('iframe[title="Preview of the draft order"]');
    await waitFor(async () => /1-800-843-5678\) within 4 hours/.test(await frame.locator('body').innerText()), 10_000);
    expect(await pageProblems(page)).toEqual([]);

    await waitFor(() => sign.isEnabled(), 10_000);
    await sign.click();
    const heading = await textOf(page.getByRole('heading', { name: /^Order \d{4}-IO-\d{4}$/ }));
    const signed = await web.t.http.get(`/api/v1/orders/${id}`).set(world.judgeA.auth).expect(200);
    expect(signed.body).toMatchObject({ status: 'SIGNED', terms: { ncmecReportHours: 4 } });
    expect(heading).toBe(`Order ${signed.body.orderNumber}`);
    const pdfHref = await page.getByRole('link', { name: 'The signed PDF' }).getAttribute('href');
    const pdf = await page.request.get(pdfHref!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    // Signed in a case: who was served it, from the notification records.
    const certificateHref = await page.getByRole('link', { name: 'Certificate of service (PDF)' }).getAttribute('href');
    expect(certificateHref).toBe(`/api/v1/orders/${id}/certificate-of-service.pdf`);
    const certificate = await page.request.get(certificateHref!);
    expect(certificate.status()).toBe(200);
    expect(certificate.headers()['content-type']).toBe('application/pdf');
    expect((await certificate.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pageProblems(page)).toEqual([]);
  });

  it('vacate: a reason is required (the error beside the field); with one the order is vacated', async () => {
    await page.getByRole('button', { name: 'Vacate the order' }).click();
    await shown(page.locator('#vacate-reason-error'));
    expect(await page.locator('#vacate-reason').getAttribute('aria-invalid')).toBe('true');
    expect(await pageProblems(page)).toEqual([]);
    await page.getByLabel('Reason for vacating').fill('Entered in the wrong case');
    await page.getByRole('button', { name: 'Vacate the order' }).click();
    await shown(page.locator('.order-facts').getByText(/Entered in the wrong case/));
    expect(await textOf(page.locator('.order-facts'))).toMatch(/Status\s+Vacated/);
    expect(await page.getByRole('button', { name: 'Vacate the order' }).count()).toBe(0);
  });

  it('a standing order for every agency, signed, is the one in force; the list filters by status and pages', async () => {
    await page.goto('/orders/new');
    await page.getByText('Standing order, for the agencies placing children in the court').click();
    await page.getByRole('button', { name: 'Create the draft and preview it' }).click();
    await shown(page.getByRole('heading', { name: 'Draft standing order' }));
    const sign = page.getByRole('button', { name: 'Sign the order as previewed' });
    await waitFor(() => sign.isEnabled(), 10_000);
    await sign.click();
    const number = (await textOf(page.getByRole('heading', { name: /^Order \d{4}-SO-\d{4}$/ }))).replace('Order ', '');
    // A standing order is served on no one: no certificate of service.
    await shown(page.getByRole('link', { name: 'The signed PDF' }));
    expect(await page.getByRole('link', { name: 'Certificate of service (PDF)' }).count()).toBe(0);

    // Enough drafts for a second page.
    for (let i = 0; i < 5; i++) {
      await Promise.all(
        Array.from({ length: 11 }, () =>
          web.t.http
            .post('/api/v1/orders')
            .set(world.clerkA.auth)
            .send({ kind: 'INDIVIDUAL', courtId: world.courtA, caseId: world.caseA.id })
            .expect(201),
        ),
      );
    }
    await page.goto('/orders');
    const inForce = page.locator('.usa-summary-box');
    await shown(inForce.getByRole('link', { name: `Order ${number}` }));
    expect(await textOf(inForce)).toMatch(/every agency/);
    await page.getByLabel('Status').selectOption('VACATED');
    await shown(page.getByRole('table'));
    expect(await page.getByRole('table').locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Status').selectOption('DRAFT');
    await shown(page.getByRole('button', { name: 'Show more' }));
    expect(await page.getByRole('table').locator('tbody tr').count()).toBe(50);
    await page.getByRole('button', { name: 'Show more' }).click();
    await waitFor(async () => (await page.getByRole('table').locator('tbody tr').count()) === 55, 10_000);
    expect(await pageProblems(page)).toEqual([]);
  });

  it('who may not: a caseworker cannot open /orders/new; a clerk sees a draft but cannot sign it', async () => {
    const agency = await newPage(web, PHONE);
    await signIn(agency.page, world.agency1User.email, PASSWORD);
    await agency.page.goto('/orders/new');
    await shown(agency.page.getByRole('heading', { name: 'Not available to your role' }));
    expect(await agency.page.getByRole('button', { name: 'Create the draft and preview it' }).count()).toBe(0);
    expect(await pageProblems(agency.page)).toEqual([]);
    await agency.context.close();

    const clerk = await newPage(web, DESKTOP);
    await signIn(clerk.page, world.clerkA.email, PASSWORD);
    const draft = await web.t.http
      .post('/api/v1/orders')
      .set(world.clerkA.auth)
      .send({ kind: 'INDIVIDUAL', courtId: world.courtA, caseId: world.caseA.id })
      .expect(201);
    await clerk.page.goto(`/orders/${draft.body.id}`);
    await shown(clerk.page.getByRole('heading', { name: 'Draft individual order' }));
    await shown(clerk.page.frameLocator('iframe[title="Preview of the draft order"]').locator('body'));
    expect(await clerk.page.getByRole('button', { name: 'Sign the order as previewed' }).count()).toBe(0);
    expect(await clerk.page.getByRole('link', { name: 'Certificate of service (PDF)' }).count()).toBe(0);
    expect(await pageProblems(clerk.page)).toEqual([]);
    // Once the judge signs it, the clerk reads its certificate of service.
    await web.t.http.post(`/api/v1/orders/${draft.body.id}/sign`).set(world.judgeA.auth).expect(200);
    await clerk.page.reload();
    const certificate = await shown(clerk.page.getByRole('link', { name: 'Certificate of service (PDF)' }));
    const answer = await clerk.page.request.get((await certificate.getAttribute('href'))!);
    expect({ status: answer.status(), type: answer.headers()['content-type'] }).toEqual({ status: 200, type: 'application/pdf' });
    await clerk.context.close();
  });
});
