import type { Page } from 'playwright-core';
import { newPage, openInApp, pageProblems, PHONE, shown, signIn, startWebTest, tabTo, textOf, type WebTest } from '../support/browser.js';
import { PASSWORD, seedWorld, type World } from '../support/world.js';

describe('web: a clerk opens a new case', () => {
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
  const invalid = (id: string) => page.locator(`#${id}`).getAttribute('aria-invalid');

  it('the cases page leads to the form: labelled fields, the court’s own judges only; axe-clean at 360 px', async () => {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Cases' }).click();
    await shown(page.getByRole('heading', { name: 'Cases', level: 1 }));
    await page.getByRole('link', { name: 'Open a new case' }).click();
    await shown(page.getByRole('heading', { name: 'Open a new case', level: 1 }));
    const judge = page.getByLabel('Assigned judge');
    // Options of a closed select are never "visible": wait until the court's judges are in it.
    await judge.locator('option', { hasText: 'JudgeA' }).waitFor({ state: 'attached' });
    expect(await judge.locator('option').allInnerTexts()).toEqual(['- Select -', 'JudgeA']);
    expect(await page.getByLabel('Court').count()).toBe(0);
    expect(await pageProblems(page)).toEqual([]);
  });

  it('bad input: an empty form shows each error beside its field, announced', async () => {
    await page.getByRole('button', { name: 'Open the case' }).click();
    await shown(page.getByRole('alert'));
    expect(await errorOf('case-docketNumber')).toMatch(/docketNumber/);
    expect(await errorOf('case-caseType')).toMatch(/caseType/);
    expect(await errorOf('case-judgeId')).toMatch(/judgeId/);
    expect(await errorOf('case-firstName')).toMatch(/firstName/);
    expect(await errorOf('case-lastName')).toMatch(/lastName/);
    expect(await errorOf('case-dateOfBirth')).toMatch(/dateOfBirth/);
    expect(await page.locator('#case-middleName-error').count()).toBe(0);
    expect(await invalid('case-docketNumber')).toBe('true');
    expect(await invalid('case-firstName')).toBe('true');
    expect(await page.locator('#case-firstName').getAttribute('aria-describedby')).toBe('case-firstName-error');
    expect(await pageProblems(page)).toEqual([]);
  });

  it('a docket number used in the court: 409 beside the docket number', async () => {
    await page.getByLabel(/^Docket number/).fill('A-0001');
    await page.getByLabel(/^Type of case/).selectOption({ label: 'Dependency' });
    await page.getByLabel(/^Assigned judge/).selectOption({ label: 'JudgeA' });
    await page.getByLabel(/^First name/).fill('Riley');
    await page.getByLabel(/^Last name/).fill('Stone');
    await page.getByLabel(/^Date of birth/).fill('2014-03-09');
    await page.getByRole('button', { name: 'Open the case' }).click();
    // The empty form's error stays beside the docket number until the service's answer replaces it.
    await shown(page.locator('#case-docketNumber-error', { hasText: 'is already used in this court' }));
    expect(await page.locator('#case-firstName-error').count()).toBe(0);
    expect(await pageProblems(page)).toEqual([]);
  });

  it('opens the case from the keyboard and lands on its page showing the child; nothing about the child kept in storage', async () => {
    await page.getByLabel(/^Docket number/).fill('');
    await page.getByRole('heading', { name: 'Open a new case', level: 1 }).click();
    await tabTo(page, /Docket number/);
    await page.keyboard.type('A-0002');
    await tabTo(page, /Middle name/);
    await page.keyboard.type('Jo');
    await page.getByLabel(/^Sex/).selectOption({ label: 'Female' });
    await tabTo(page, /Open the case/);
    await page.keyboard.press('Enter');

    await shown(page.getByRole('heading', { name: 'Case A-0002' }));
    expect(page.url()).toMatch(/\/cases\/[0-9a-f-]{36}$/);
    expect(await textOf(page.locator('.usa-summary-box'))).toMatch(/Riley Stone, born 2014-03-09/);
    expect(await pageProblems(page)).toEqual([]);

    const id = page.url().split('/').pop()!;
    const created = await web.t.http.get(`/api/v1/cases/${id}`).set(world.clerkA.auth).expect(200);
    expect(created.body).toMatchObject({ courtId: world.courtA, docketNumber: 'A-0002', caseType: 'DEPENDENCY', judgeId: world.judgeA.id });
    const child = await web.t.http.get(`/api/v1/children/${created.body.child.id}`).set(world.clerkA.auth).expect(200);
    expect(child.body).toMatchObject({ firstName: 'Riley', middleName: 'Jo', lastName: 'Stone', dateOfBirth: '2014-03-09', sex: 'F' });
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toMatch(/Riley|Stone|2014-03-09/);
  });

  it('an administrator picks the court first; the judges follow the court', async () => {
    const admin = await newPage(web, PHONE);
    await signIn(admin.page, world.admin.email, PASSWORD);
    await openInApp(admin.page, '/cases/new');
    await shown(admin.page.getByRole('heading', { name: 'Open a new case', level: 1 }));
    const judge = admin.page.getByLabel(/^Assigned judge/);
    expect(await judge.locator('option').allInnerTexts()).toEqual(['- Select -']);
    await admin.page.getByLabel(/^Court/).selectOption({ label: 'Court A' });
    await judge.locator('option', { hasText: 'JudgeA' }).waitFor({ state: 'attached' });
    await judge.selectOption({ label: 'JudgeA' });
    await admin.page.getByLabel(/^Court/).selectOption({ label: 'Court B' });
    await judge.locator('option', { hasText: 'JudgeB' }).waitFor({ state: 'attached' });
    expect(await judge.locator('option').allInnerTexts()).toEqual(['- Select -', 'JudgeB']);
    expect(await judge.inputValue()).toBe('');
    expect(await pageProblems(admin.page)).toEqual([]);
    await admin.context.close();
  });

  it('who may not: an agency user opening /cases/new is sent away', async () => {
    const agency = await newPage(web, PHONE);
    await signIn(agency.page, world.agency1User.email, PASSWORD);
    await openInApp(agency.page, '/cases/new');
    await shown(agency.page.getByRole('heading', { name: 'Not available to your role' }));
    expect(await agency.page.getByLabel(/^Docket number/).count()).toBe(0);
    await agency.context.close();
  });
});
