import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { newPage, openInApp, pageProblems, PHONE, shown, signIn, startWebTest, textOf, type WebTest } from '../support/browser.js';
import { createCase, PASSWORD, seedWorld, type World } from '../support/world.js';

const HOUR = 3_600_000;
const ZONE = 'America/Chicago';
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

interface CourtDay {
  date: string;
  open: boolean;
  closedBecause: string | null;
}

describe('web: clerk hearing queue', () => {
  let web: WebTest;
  let world: World;
  let page: Page;
  let closureDay: string;
  let openDay: string;
  let preMajorityEpisode: string;

  const month = async (m: string): Promise<CourtDay[]> =>
    (await web.t.http.get(`/api/v1/courts/${world.courtA}/court-days?month=${m}`).set(world.clerkA.auth).expect(200)).body.days;

  /** The first day from `from` on which the court sits. */
  async function nextCourtDay(from: DateTime): Promise<string> {
    for (let day = from; ; day = day.plus({ months: 1 }).startOf('month')) {
      const found = (await month(day.toFormat('yyyy-MM'))).find((d) => d.date >= day.toISODate()! && d.open);
      if (found) return found.date;
    }
  }

  beforeAll(async () => {
    web = await startWebTest();
    const { t } = web;
    world = await seedWorld(t);
    const open = (childId: string) =>
      t.http
        .post('/api/v1/episodes')
        .set(world.agency1User.auth)
        .send({ childId, missingSince: ago(2 * HOUR), discoveredAt: ago(HOUR) })
        .expect(201);
    await open(world.caseA.childId);
    // Turns 18 in 20 days: the episode also raises a PRE_MAJORITY request.
    const older = await createCase(t, world.clerkA, world.courtA, world.judgeA.id, 'A-0002', world.agency1, {
      firstName: 'Riley',
      lastName: 'Poe',
      dateOfBirth: DateTime.now().setZone(ZONE).minus({ years: 18 }).plus({ days: 20 }).toISODate(),
    });
    preMajorityEpisode = (await open(older.childId)).body.id;
    // A court closure on a weekday at least ten days ahead, and the next court day after it.
    closureDay = await nextCourtDay(DateTime.now().setZone(ZONE).plus({ days: 10 }));
    await t.http
      .post(`/api/v1/courts/${world.courtA}/closures`)
      .set(world.clerkA.auth)
      .send({ date: closureDay, name: 'Staff training' })
      .expect(201);
    openDay = await nextCourtDay(DateTime.fromISO(closureDay, { zone: ZONE }).plus({ days: 1 }));
    ({ page } = await newPage(web, PHONE));
    await signIn(page, world.clerkA.email, PASSWORD);
  }, 120_000);
  afterAll(() => web.close());

  const queued = () => page.getByRole('region', { name: 'Waiting to be scheduled' });
  const request = (docket: string, reason: string) => queued().locator(`li[data-reason="${reason}"]`).filter({ hasText: docket });

  /** Moves the calendar to the month of `date`. */
  async function showMonth(date: string) {
    const target = DateTime.fromISO(date).toFormat('LLLL yyyy');
    for (let i = 0; i < 24 && (await textOf(page.locator('#calendar-heading'))) !== target; i++) {
      await page.getByRole('button', { name: 'Next month' }).click();
    }
    await shown(page.locator(`td[data-date="${date}"]`));
  }

  it('lists the requests with their target dates on a month calendar with weekends, holidays and closures marked; axe-clean at 360 px', async () => {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Hearings' }).click();
    await shown(page.getByRole('heading', { name: 'Hearings', level: 1 }));
    expect(await textOf(page.getByText('Times are in the court’s zone'))).toMatch(/C[SD]T, America\/Chicago/);
    const missing = await shown(request('A-0001', 'CHILD_MISSING'));
    expect(await missing.innerText()).toMatch(/Child missing: Jamie Doe/);
    expect(await missing.innerText()).toMatch(/To be heard by \w{3}, \w{3} \d+, \d{4}/);
    await shown(request('A-0002', 'PRE_MAJORITY'));

    // every day the service says is closed is marked closed, with its reason
    const shownMonth = DateTime.fromFormat(await textOf(page.locator('#calendar-heading')), 'LLLL yyyy').toFormat('yyyy-MM');
    const days = await month(shownMonth);
    for (const day of days.filter((d) => !d.open)) {
      const cell = page.locator(`td[data-date="${day.date}"]`);
      expect(await cell.getAttribute('class')).toMatch(/closed/);
      expect(await cell.textContent()).toContain(`Closed: ${day.closedBecause}`);
    }
    expect(days.some((d) => d.closedBecause === 'a weekend')).toBe(true);
    expect(await pageProblems(page)).toEqual([]);

    await showMonth(closureDay);
    const closure = page.locator(`td[data-date="${closureDay}"]`);
    expect(await closure.getAttribute('class')).toMatch(/closure/);
    expect(await textOf(page.getByRole('list', { name: /Closed days in/ }))).toMatch(/a court closure/);
    expect(await pageProblems(page)).toEqual([]);
  });

  it('bad input: an empty courtroom is refused beside the courtroom; a day the court is closed with the reason beside the date', async () => {
    const item = request('A-0001', 'CHILD_MISSING');
    await item.getByRole('button', { name: /^Schedule/ }).click();
    await item.getByLabel('Date').fill(closureDay);
    await item.getByLabel(/^Time/).fill('10:00');
    await item.getByRole('button', { name: /^Schedule the hearing/ }).click();
    await shown(item.getByRole('alert'));
    const courtroom = item.getByLabel('Courtroom');
    expect(await courtroom.getAttribute('aria-invalid')).toBe('true');
    expect(await textOf(item.locator('[id$="-courtroom-error"]'))).toMatch(/courtroom/);

    await courtroom.fill('Courtroom 3B');
    await item.getByRole('button', { name: /^Schedule the hearing/ }).click();
    const date = item.getByLabel('Date');
    await shown(item.locator('[id$="-date-error"]'));
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await date.getAttribute('aria-describedby')).toMatch(/-date-error/);
    expect(await textOf(item.locator('[id$="-date-error"]'))).toMatch(new RegExp(`closed on ${closureDay}: a court closure`));
    expect(await textOf(item.getByRole('alert'))).toMatch(/a court closure/);
    expect(await courtroom.getAttribute('aria-invalid')).toBeNull();
    expect(await pageProblems(page)).toEqual([]);
  });

  it('schedules on a court day (date, time, courtroom) → scheduled, on the calendar, with the notice of hearing PDF', async () => {
    const item = request('A-0001', 'CHILD_MISSING');
    await item.getByLabel('Date').fill(openDay);
    await item.getByLabel(/^Time/).fill('10:00');
    await item.getByLabel('Courtroom').fill('Courtroom 3B');
    await item.getByRole('button', { name: /^Schedule the hearing/ }).click();
    await shown(page.getByText(/Hearing scheduled: Child missing, A-0001/));
    const scheduled = await shown(page.getByRole('region', { name: 'Scheduled', exact: true }).locator('li[data-reason="CHILD_MISSING"]'));
    expect(await scheduled.innerText()).toMatch(/Set for \w{3} \d+, \d{4}, 10:00 AM C[SD]T, Courtroom 3B/);
    await showMonth(openDay);
    expect(await page.locator(`td[data-date="${openDay}"]`).textContent()).toMatch(
      /10:00 AM C[SD]T: A-0001 \(Child missing\), Courtroom 3B/,
    );
    const href = await scheduled.getByRole('link', { name: /Notice of hearing \(PDF\)/ }).getAttribute('href');
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toMatch(/application\/pdf/);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const certificateHref = await scheduled.getByRole('link', { name: /Certificate of service \(PDF\)/ }).getAttribute('href');
    expect(certificateHref).toMatch(/^\/api\/v1\/hearing-requests\/[0-9a-f-]{36}\/certificate-of-service\.pdf$/);
    const certificate = await page.request.get(certificateHref!);
    expect(certificate.status()).toBe(200);
    expect(certificate.headers()['content-type']).toMatch(/application\/pdf/);
    expect((await certificate.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // Only a scheduled hearing was served: the requests waiting have neither document.
    expect(
      await queued()
        .getByRole('link', { name: /Certificate of service/ })
        .count(),
    ).toBe(0);
    expect(await pageProblems(page)).toEqual([]);
  });

  it('drafts the order continuing jurisdiction from a PRE_MAJORITY request, for the judge to sign', async () => {
    const item = request('A-0002', 'PRE_MAJORITY');
    await item.getByRole('button', { name: /Draft order continuing jurisdiction/ }).click();
    const link = await shown(item.getByRole('link', { name: 'Open the draft order' }));
    const id = (await link.getAttribute('href'))!.replace('/orders/', '');
    const order = await web.t.http.get(`/api/v1/orders/${id}`).set(world.judgeA.auth).expect(200);
    expect(order.body).toMatchObject({ kind: 'CONTINUING_JURISDICTION', status: 'DRAFT', episodeId: preMajorityEpisode });
  });

  it('cancels a request with a reason (an empty reason is refused beside the field)', async () => {
    const item = request('A-0002', 'CHILD_MISSING');
    await item.getByRole('button', { name: /^Cancel\s*:/ }).click();
    await item.getByRole('button', { name: /^Cancel the hearing request/ }).click();
    await shown(item.getByRole('alert'));
    expect(await item.getByLabel('Why it is cancelled').getAttribute('aria-invalid')).toBe('true');
    expect(await textOf(item.locator('.usa-error-message'))).toMatch(/reason/);
    await item.getByLabel('Why it is cancelled').fill('Heard with the pre-majority request');
    await item.getByRole('button', { name: /^Cancel the hearing request/ }).click();
    await shown(page.getByText(/Hearing request cancelled: Child missing, A-0002/));
    await page.getByRole('button', { name: 'Show cancelled requests' }).click();
    const cancelled = await shown(page.getByRole('region', { name: 'Cancelled', exact: true }).locator('li'));
    expect(await cancelled.innerText()).toMatch(/Cancelled: Heard with the pre-majority request/);
    expect(await pageProblems(page)).toEqual([]);
  });

  it('who may not: an agency user is sent away; a judge may cancel but not schedule', async () => {
    const agency = await newPage(web, PHONE);
    await signIn(agency.page, world.agency1User.email, PASSWORD);
    await openInApp(agency.page, '/hearings');
    await shown(agency.page.getByRole('heading', { name: 'Not available to your role' }));
    expect(await agency.page.getByRole('heading', { name: 'Hearings' }).count()).toBe(0);
    await agency.context.close();

    const judge = await newPage(web, PHONE);
    await signIn(judge.page, world.judgeA.email, PASSWORD);
    await openInApp(judge.page, '/hearings');
    const item = await shown(judge.page.getByRole('region', { name: 'Waiting to be scheduled' }).locator('li[data-reason="PRE_MAJORITY"]'));
    await shown(item.getByRole('button', { name: /^Cancel\s*:/ }));
    expect(await item.getByRole('button', { name: /^Schedule/ }).count()).toBe(0);
    // The judge reads the certificate of service of the hearing the clerk scheduled.
    const scheduled = judge.page.getByRole('region', { name: 'Scheduled', exact: true }).locator('li[data-reason="CHILD_MISSING"]');
    const certificate = await shown(scheduled.getByRole('link', { name: /Certificate of service \(PDF\)/ }));
    const answer = await judge.page.request.get((await certificate.getAttribute('href'))!);
    expect({ status: answer.status(), type: answer.headers()['content-type'] }).toEqual({ status: 200, type: 'application/pdf' });
    await judge.context.close();
  });
});
