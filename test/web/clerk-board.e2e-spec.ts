import type { Page } from 'playwright-core';
import {
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
import { createCase, PASSWORD, seedWorld, type World } from '../support/world.js';

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe('web: clerk board', () => {
  let web: WebTest;
  let world: World;
  let page: Page;

  beforeAll(async () => {
    web = await startWebTest();
    const { t } = web;
    world = await seedWorld(t);
    const open = (auth: { Authorization: string }, childId: string, discoveredAgo: number) =>
      t.http
        .post('/api/v1/episodes')
        .set(auth)
        .send({ childId, missingSince: ago(discoveredAgo + HOUR), discoveredAt: ago(discoveredAgo) })
        .expect(201);
    // Court A: Agency One's child missing for a day (its first duties overdue), Agency Three's
    // child reported an hour ago (its duties due within the day). Court B: Agency Two, overdue.
    const third = await createCase(t, world.clerkA, world.courtA, world.judgeA.id, 'A-0002', world.agency3, {
      firstName: 'Alex',
      lastName: 'Roe',
    });
    const late = await open(world.agency1User.auth, world.caseA.childId, 25 * HOUR);
    await open(world.agency3User.auth, third.childId, HOUR);
    const other = await open(world.agency2User.auth, world.caseB.childId, 25 * HOUR);
    for (const episode of [late.body.id, other.body.id]) {
      await waitFor(async () => {
        const rows = await t.db.query(`SELECT count(*)::int AS n FROM obligations WHERE episode_id = $1 AND status = 'OVERDUE'`, [episode]);
        return rows[0].n >= 3;
      }, 60_000);
    }
    ({ page } = await newPage(web, PHONE));
    await signIn(page, world.clerkA.email, PASSWORD);
  }, 180_000);
  afterAll(() => web.close());

  it('home: overdue now and due in the next 24 h, by agency, counting down in the court’s zone; axe-clean at 360 px', async () => {
    await shown(page.getByRole('heading', { name: 'Court board: Court A' }));
    expect(await textOf(page.getByText('Times are in the court’s zone'))).toMatch(/C[SD]T, America\/Chicago/);

    const overdue = page.getByRole('region', { name: 'Overdue now' });
    const agencyOne = overdue.getByRole('table', { name: /Agency One: 3 overdue/ });
    await shown(agencyOne.getByRole('link', { name: 'Jamie Doe' }));
    const le = agencyOne.locator('tr[data-duty="LAW_ENFORCEMENT_REPORT"]');
    expect(await textOf(le)).toMatch(/Report to law enforcement/);
    expect(await textOf(le)).toMatch(/overdue by (1 h|[0-9]+ min|less than a minute)/);
    expect(await textOf(le)).toMatch(/C[SD]T/);

    const dueSoon = page.getByRole('region', { name: 'Due in the next 24 hours' });
    const agencyThree = dueSoon.getByRole('table', { name: /Agency Three: 3 due soon/ });
    await shown(agencyThree.getByRole('link', { name: 'Alex Roe' }));
    expect(await textOf(agencyThree.locator('tr[data-duty="NCMEC_REPORT"]'))).toMatch(/due in 2[23] h/);
    // Agency One's NCIC entry is due 2 h after its law-enforcement report's deadline, an hour from now
    const soonOne = dueSoon.getByRole('table', { name: /Agency One: 1 due soon/ });
    expect(await textOf(soonOne.locator('tr[data-duty="NCIC_ENTRY"]'))).toMatch(/due in ([0-9]+ min|1 h)/);
    // Agency Three's falls due 25 h from now: not in the next 24 h
    expect(await agencyThree.locator('tr[data-duty="NCIC_ENTRY"]').count()).toBe(0);
    // court B's agency is not this court's business
    expect(await page.getByText('Agency Two').count()).toBe(0);
    expect(await pageProblems(page)).toEqual([]);
    await screenshotForReadme(page, 'clerk-home');
  });

  it('a duty links to its episode', async () => {
    await page.getByRole('region', { name: 'Overdue now' }).getByRole('link', { name: 'Jamie Doe' }).first().click();
    await shown(page.getByRole('heading', { name: 'Jamie Doe is missing' }));
  });

  it('who may not: the clerk of another court sees only that court’s duties; an agency user gets the agency home', async () => {
    const other = await newPage(web, PHONE);
    await signIn(other.page, world.clerkB.email, PASSWORD);
    await shown(other.page.getByRole('heading', { name: 'Court board: Court B' }));
    await shown(other.page.getByRole('table', { name: /Agency Two: 3 overdue/ }));
    expect(await other.page.getByText('Agency One').count()).toBe(0);
    expect(await other.page.getByText('Alex Roe').count()).toBe(0);
    await other.context.close();

    const agency = await newPage(web, PHONE);
    await signIn(agency.page, world.agency3User.email, PASSWORD);
    await shown(agency.page.getByRole('heading', { name: 'Children missing now' }));
    expect(await agency.page.getByRole('heading', { name: /Court board/ }).count()).toBe(0);
    await agency.context.close();
  });
});
