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
import { createCase, PASSWORD, seedWorld, type World } from '../support/world.js';
import { hoursAgo, overdueEpisode } from './judge-support.js';

/** Compliance as charts with the numbers in tables, the CSV, and the photo gaps. */
describe('web: judge — compliance and photo gaps', () => {
  let web: WebTest;
  let world: World;
  let page: Page;

  beforeAll(async () => {
    web = await startWebTest();
    world = await seedWorld(web.t);
    // Agency One: Jamie Doe's 24-hour duties overdue.
    await overdueEpisode(web.t, world);
    // Agency Two: reported to law enforcement an hour after discovery, accepted by the clerk.
    const second = await createCase(web.t, world.clerkA, world.courtA, world.judgeA.id, 'A-0002', world.agency2, { firstName: 'Riley' });
    const episode = await web.t.http
      .post('/api/v1/episodes')
      .set(world.agency2User.auth)
      .send({ childId: second.childId, missingSince: hoursAgo(2.5), discoveredAt: hoursAgo(2) })
      .expect(201);
    const le = (episode.body.obligations as { id: string; type: string }[]).find((o) => o.type === 'LAW_ENFORCEMENT_REPORT')!;
    const proof = await web.t.http
      .post(`/api/v1/obligations/${le.id}/evidence`)
      .set(world.agency2User.auth)
      .send({ lawEnforcementAgency: 'Austin PD', reportNumber: '26-1234', performedAt: hoursAgo(1) })
      .expect(201);
    await web.t.http.post(`/api/v1/evidence/${proof.body.id}/review`).set(world.clerkA.auth).send({ decision: 'ACCEPTED' }).expect(200);
    ({ page } = await newPage(web, DESKTOP));
    await signIn(page, world.judgeA.email, PASSWORD);
  });
  afterAll(() => web.close());

  const resources = (p: Page) => p.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));

  it('compliance: per agency, medians, overdue by type and the monthly trend, as charts (their own chunk) and tables; axe', async () => {
    expect((await resources(page)).some((name) => /ComplianceCharts-/.test(name))).toBe(false);
    await page.getByRole('link', { name: 'Compliance' }).click();
    await shown(page.getByRole('heading', { name: 'Compliance', level: 1 }));
    const agencies = page.getByRole('table', { name: /Duties by agency/ });
    expect(await textOf(agencies.locator('tr', { hasText: 'Agency One' }))).toMatch(/Agency One\s+1\s+\d+\s+0\s+0\s+[2-9]/);
    expect(await textOf(agencies.locator('tr', { hasText: 'Agency Two' }))).toMatch(/100%/);
    const medians = page.getByRole('table', { name: /Median hours/ });
    expect(await textOf(medians.locator('tr', { hasText: 'Agency Two' }))).toMatch(/1(\.\d)? h\s+—/);
    const overdue = page.getByRole('table', { name: /overdue now, by type/ });
    expect(await textOf(overdue.locator('tr', { hasText: 'Report to NCMEC' }))).toMatch(/[1-9]/);
    const trend = page.getByRole('table', { name: /The last 12 months/ });
    await shown(trend);
    expect(await trend.locator('tbody tr').count()).toBe(12);
    // The two episodes fall in this month or the last (in the court's zone): their duties are in the trend.
    const rows = (await trend.locator('tbody tr').allInnerTexts()).map((row) => row.split('\t'));
    expect(rows.reduce((sum, [, , overdueNow]) => sum + Number(overdueNow), 0)).toBeGreaterThanOrEqual(2);
    expect(rows.slice(-2).some(([, rate]) => /^\d+(\.\d)?%$/.test(rate))).toBe(true);
    await shown(page.getByRole('img', { name: /On time, by agency \(chart/ }).locator('.recharts-surface'));
    await shown(page.getByRole('img', { name: /Month by month \(chart/ }).locator('.recharts-surface'));
    expect((await resources(page)).some((name) => /ComplianceCharts-/.test(name))).toBe(true);
    expect(await pageProblems(page)).toEqual([]);
    await screenshotForReadme(page, 'judge-compliance');
  });

  it('"Download CSV" gives the same summary as CSV', async () => {
    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/csv/);
    expect(await res.text()).toMatch(/Agency One/);
  });

  it('bad input: a period that ends before it starts is named beside the field', async () => {
    await page.locator('#period-from').fill('2026-06-30');
    await page.locator('#period-to').fill('2026-06-01');
    await page.getByRole('button', { name: 'Show the period' }).click();
    await shown(page.getByRole('alert'));
    expect(await textOf(page.locator('#period-from-error'))).toMatch(/after to/);
    expect(await page.locator('#period-from').getAttribute('aria-invalid')).toBe('true');
    expect(await pageProblems(page)).toEqual([]);
  });

  it('at 360 px the charts and tables fit without sideways scrolling', async () => {
    const phone = await newPage(web, PHONE);
    await signIn(phone.page, world.judgeA.email, PASSWORD);
    await phone.page.goto('/compliance');
    await shown(phone.page.getByRole('table', { name: /The last 12 months/ }));
    await shown(phone.page.getByRole('img', { name: /Month by month \(chart/ }).locator('.recharts-surface'));
    expect(await pageProblems(phone.page)).toEqual([]);

    await phone.page.goto('/photo-gaps');
    await shown(phone.page.getByRole('heading', { name: 'Photo gaps' }));
    const gaps = phone.page.getByRole('table', { name: /Children without a current photo/ });
    expect(await textOf(gaps)).toMatch(/A-0001/);
    expect(await textOf(gaps)).toMatch(/None on file/);
    expect(await textOf(gaps)).toMatch(/Within 180 days/);
    expect(await pageProblems(phone.page)).toEqual([]);
    await phone.page.getByRole('link', { name: 'A-0001' }).click();
    await shown(phone.page.getByRole('heading', { name: /Jamie Doe/ }));
    await phone.context.close();
  });

  it('photo gaps come from the service a page at a time: 50, then "Show more" for the rest', async () => {
    for (let n = 0; n < 50; n += 1) {
      await createCase(web.t, world.clerkA, world.courtA, world.judgeA.id, `G-${String(n).padStart(3, '0')}`, world.agency1);
    }
    const all = await web.t.http.get('/api/v1/compliance/photos?limit=500').set(world.judgeA.auth).expect(200);
    const total = (all.body.items as unknown[]).length;
    expect(total).toBeGreaterThan(50);
    await page.goto('/photo-gaps');
    const rows = page.getByRole('table', { name: /Children without a current photo/ }).locator('tbody tr');
    await shown(rows.first());
    expect(await rows.count()).toBe(50);
    expect(await textOf(page.getByText(/children shown so far, and more/))).toMatch(/50 children/);
    await page.getByRole('button', { name: 'Show more' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length === n, total);
    expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    expect(await textOf(page.getByText(new RegExp(`${total} children\\.`)))).toBeTruthy();
    expect(await pageProblems(page)).toEqual([]);
  });

  it('who may not: a caseworker opens neither compliance nor the photo gaps', async () => {
    const agency = await newPage(web, PHONE);
    await signIn(agency.page, world.agency1User.email, PASSWORD);
    for (const path of ['/compliance', '/photo-gaps']) {
      await agency.page.goto(path);
      await shown(agency.page.getByRole('heading', { name: 'Not available to your role' }));
      expect(await agency.page.getByRole('table').count()).toBe(0);
    }
    expect(await pageProblems(agency.page)).toEqual([]);
    await agency.context.close();
  });
});
