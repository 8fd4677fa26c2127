import type { Page } from 'playwright-core';
import { newPage, openInApp, pageProblems, PHONE, shown, signIn, startWebTest, textOf, type WebTest } from '../support/browser.js';
import { PASSWORD, seedWorld, type World } from '../support/world.js';

describe('web: clerk cases, children, placements, participants', () => {
  let web: WebTest;
  let world: World;
  let page: Page;

  beforeAll(async () => {
    web = await startWebTest();
    world = await seedWorld(web.t);
    ({ page } = await newPage(web, PHONE));
    await signIn(page, world.clerkA.email, PASSWORD);
  }, 120_000);
  afterAll(() => web.close());

  const errorOf = (id: string) => textOf(page.locator(`#${id}-error`));

  it('lists the court’s cases with their children and placements; axe-clean at 360 px', async () => {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Cases' }).click();
    await shown(page.getByRole('heading', { name: 'Cases', level: 1 }));
    const row = await shown(page.getByRole('row').filter({ hasText: 'A-0001' }));
    expect(await row.innerText()).toMatch(/Jamie Doe/);
    expect(await row.innerText()).toMatch(/Agency One \(foster home\)/);
    expect(await page.getByText('B-0001').count()).toBe(0);
    expect(await pageProblems(page)).toEqual([]);
  });

  it('the case page: its child and placements; axe-clean', async () => {
    await page.getByRole('link', { name: 'A-0001' }).click();
    await shown(page.getByRole('heading', { name: 'Case A-0001' }));
    expect(await textOf(page.locator('.usa-summary-box'))).toMatch(/Jamie Doe, born 2011-04-17/);
    expect(await textOf(page.locator('.usa-summary-box'))).toMatch(/America\/Chicago/);
    const placements = page.getByRole('table', { name: /Where the child has been placed/ });
    expect(await textOf(placements.locator('tbody tr').nth(0))).toMatch(
      /Agency One[\s\S]*Foster home[\s\S]*Jan 5, 2026, 9:00 AM CST[\s\S]*Now/,
    );
    expect(await pageProblems(page)).toEqual([]);
  });

  it('bad input: a placement with nothing chosen shows each error beside its field', async () => {
    await page.getByRole('button', { name: 'Place the child' }).click();
    await page.getByRole('button', { name: 'Record the placement' }).click();
    await shown(page.getByRole('alert'));
    expect(await errorOf('placement-agency')).toMatch(/agencyId/);
    expect(await errorOf('placement-type')).toMatch(/placementType/);
    expect(await errorOf('placement-started')).toMatch(/startedAt/);
    expect(await page.locator('#placement-agency').getAttribute('aria-invalid')).toBe('true');
    expect(await pageProblems(page)).toEqual([]);
  });

  it('places the child with another agency: the earlier placement ends', async () => {
    await page.getByLabel(/^Agency/).selectOption({ label: 'Agency Three' });
    await page.getByLabel('Kind of placement').selectOption({ label: 'Kinship' });
    await page.getByLabel(/^Placed since/).fill('2026-11-20T10:00');
    await page.getByLabel('Caseworker’s name').fill('Pat Lee');
    await page.getByRole('button', { name: 'Record the placement' }).click();
    await shown(page.getByText('Placement recorded; the earlier one has ended.'));
    const rows = page.getByRole('table', { name: /Where the child has been placed/ }).locator('tbody tr');
    await shown(rows.filter({ hasText: 'Agency Three' }));
    expect(await textOf(rows.nth(0))).toMatch(/Agency Three[\s\S]*Kinship[\s\S]*Nov 20, 2026, 10:00 AM CST[\s\S]*Now[\s\S]*Pat Lee/);
    expect(await textOf(rows.nth(1))).toMatch(/Agency One[\s\S]*Nov 20, 2026, 10:00 AM CST/);
    const child = await web.t.http.get(`/api/v1/children/${world.caseA.childId}`).set(world.clerkA.auth).expect(200);
    expect(child.body.currentPlacement).toMatchObject({ agencyId: world.agency3, placementType: 'KINSHIP' });
  });

  it('participants: a bad e-mail is refused beside the field; added; removed', async () => {
    await page.getByLabel('Role').selectOption({ label: 'Guardian ad litem' });
    await page.getByLabel(/^Name/).fill('Dana Whitfield');
    await page.getByLabel('E-mail address').fill('not-an-email');
    await page.getByRole('button', { name: 'Add the participant' }).click();
    await shown(page.getByRole('alert'));
    expect(await errorOf('participant-email')).toMatch(/email/);
    expect(await page.locator('#participant-email').getAttribute('aria-invalid')).toBe('true');
    expect(await pageProblems(page)).toEqual([]);

    await page.getByLabel('E-mail address').fill('gal@advocates.example');
    await page.getByRole('button', { name: 'Add the participant' }).click();
    await shown(page.getByText('Dana Whitfield added as a participant.'));
    const list = page.getByRole('list', { name: 'Participants' });
    expect(await textOf(list)).toMatch(/Dana Whitfield, Guardian ad litem \(gal@advocates\.example\)/);
    expect(await pageProblems(page)).toEqual([]);

    await list.getByRole('button', { name: /Remove\s*Dana Whitfield/ }).click();
    await shown(page.getByText('Dana Whitfield is no longer a participant.'));
    await shown(page.getByText('No participant yet.'));
    const left = await web.t.http.get(`/api/v1/cases/${world.caseA.id}/participants`).set(world.clerkA.auth).expect(200);
    expect(left.body.items).toEqual([]);
  });

  it('who may not: an agency user is sent away; another court’s clerk finds no such case; a judge reads but does not change', async () => {
    const agency = await newPage(web, PHONE);
    await signIn(agency.page, world.agency1User.email, PASSWORD);
    await openInApp(agency.page, '/cases');
    await shown(agency.page.getByRole('heading', { name: 'Not available to your role' }));
    await agency.context.close();

    const other = await newPage(web, PHONE);
    await signIn(other.page, world.clerkB.email, PASSWORD);
    await openInApp(other.page, `/cases/${world.caseA.id}`);
    await shown(other.page.getByRole('heading', { name: 'Not found' }));
    expect(await other.page.getByText('Jamie').count()).toBe(0);
    await other.context.close();

    const judge = await newPage(web, PHONE);
    await signIn(judge.page, world.judgeA.email, PASSWORD);
    await openInApp(judge.page, `/cases/${world.caseA.id}`);
    await shown(judge.page.getByRole('heading', { name: 'Case A-0001' }));
    await shown(judge.page.getByRole('heading', { name: 'Participants' }));
    expect(await judge.page.getByRole('button', { name: 'Place the child' }).count()).toBe(0);
    expect(await judge.page.getByRole('button', { name: 'Add the participant' }).count()).toBe(0);
    await judge.context.close();
  });
});
