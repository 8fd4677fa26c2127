import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import {
  newPage,
  pageProblems,
  PHONE,
  screenshotForReadme,
  shown,
  signIn,
  startWebTest,
  tabTo,
  textOf,
  type WebTest,
} from '../support/browser.js';
import { PASSWORD, seedWorld, type World } from '../support/world.js';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

/**
 * Types a wall-clock time of the court's zone into the focused datetime-local field as a person
 * would in Chromium (en-US): month, day, year; Tab to the time; hours, minutes, A or P.
 */
async function typeWallTime(page: Page, at: DateTime): Promise<void> {
  const local = at.setZone('America/Chicago');
  await page.keyboard.type(local.toFormat('MMddyyyy'));
  await page.keyboard.press('Tab');
  await page.keyboard.type(local.toFormat('hhmm') + local.toFormat('a')[0]);
}

describe('web: agency caseworker', () => {
  let web: WebTest;
  let world: World;
  let page: Page;
  let episodeUrl: string;

  beforeAll(async () => {
    web = await startWebTest();
    world = await seedWorld(web.t);
    ({ page } = await newPage(web, PHONE));
    await signIn(page, world.agency1User.email, PASSWORD);
  });
  afterAll(() => web.close());

  it('home: no child missing yet; passes axe at 360 px', async () => {
    await shown(page.getByRole('heading', { name: 'Children missing now' }));
    await shown(page.getByText('No child of yours is missing.'));
    expect(await pageProblems(page)).toEqual([]);
  });

  it('child page: warns that there is no photo on file', async () => {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'My children' }).click();
    await page.getByRole('link', { name: 'Jamie Doe' }).click();
    await shown(page.getByRole('heading', { name: 'No photo on file' }));
    expect(await textOf(page.getByRole('status').or(page.locator('.usa-alert--warning')))).toMatch(/within the last 180 days/);
    expect(await page.locator('input[type=file]').getAttribute('capture')).toBe('environment');
    expect(await pageProblems(page)).toEqual([]);
  });

  it('report a child missing: bad input shows each error beside its field', async () => {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Report a child missing' }).click();
    await shown(page.getByRole('heading', { name: 'Report a child missing' }));
    expect(await pageProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Report missing' }).click();
    await shown(page.getByRole('alert'));
    expect(await textOf(page.locator('#childId-error'))).toMatch(/childId/);
    expect(await textOf(page.locator('#missingSince-error'))).toMatch(/missingSince/);
    expect(await page.locator('#childId').getAttribute('aria-invalid')).toBe('true');
    expect(await pageProblems(page)).toEqual([]);
  });

  it('report a child missing with the keyboard only → the episode checklist with deadlines in the court’s zone', async () => {
    const missingSince = DateTime.now().minus({ hours: 3 });
    await page.goto('/');
    await shown(page.getByRole('heading', { name: 'Children missing now' }));
    await tabTo(page, /^Menu$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /Report a child missing/);
    await page.keyboard.press('Enter');
    await shown(page.getByRole('heading', { name: 'Report a child missing' }));
    await tabTo(page, /^Child/);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /^Missing since/);
    await typeWallTime(page, missingSince);
    await tabTo(page, /^Last seen where/);
    await page.keyboard.type('Bus stop at 5th and Main');
    await tabTo(page, /^Clothing/);
    await page.keyboard.type('Red hoodie, jeans');
    await tabTo(page, /^Companions/);
    await page.keyboard.type('A. Friend');
    await tabTo(page, /phone number/);
    await page.keyboard.type('512-555-0100');
    await tabTo(page, /^Report missing$/);
    await page.keyboard.press('Enter');

    await shown(page.getByRole('heading', { name: 'Jamie Doe is missing' }));
    episodeUrl = page.url();
    const duties = page.getByRole('list', { name: 'Duties' });
    const le = duties.locator('[data-duty="LAW_ENFORCEMENT_REPORT"]');
    expect(await textOf(le)).toMatch(/Report to law enforcement/);
    expect(await textOf(le)).toMatch(/due in (2[0-9]|1[0-9]) h/);
    expect(await textOf(le)).toMatch(/42 U\.S\.C\. § 671\(a\)\(35\)\(B\)/);
    expect(await textOf(le)).toMatch(/C[SD]T/);
    expect(await textOf(page.locator('.usa-summary-box'))).toMatch(/America\/Chicago/);
    expect(await duties.locator('[data-duty="NCMEC_REPORT"]').count()).toBe(1);
    expect(await pageProblems(page)).toEqual([]);
    await screenshotForReadme(page, 'episode-page');
  });

  it('upload proof: a refused NCIC number is shown beside its field; a photo with the camera input is accepted', async () => {
    const ncic = page.locator('[data-duty="NCIC_ENTRY"]');
    await ncic.getByRole('button', { name: /Upload proof/ }).click();
    await ncic.getByLabel('NCIC number').fill('12345');
    await ncic.getByLabel(/Entered at/).focus();
    await typeWallTime(page, DateTime.now().minus({ hours: 1 }));
    await ncic.getByRole('button', { name: 'Send proof' }).click();
    await shown(ncic.getByRole('alert'));
    expect(await textOf(ncic.locator('.usa-error-message'))).toMatch(/ncicNumber/i);
    expect(await pageProblems(page)).toEqual([]);

    const photo = page.locator('[data-duty="CURRENT_PHOTO"]');
    await photo.getByRole('button', { name: /Upload proof/ }).click();
    const input = photo.locator('input[type=file]');
    expect(await input.getAttribute('capture')).toBe('environment');
    await input.setInputFiles(fixture('plain.jpg'));
    await photo.getByLabel(/Photo taken at/).focus();
    await typeWallTime(page, DateTime.now().minus({ minutes: 30 }));
    await photo.getByRole('button', { name: 'Send proof' }).click();
    await shown(photo.getByText('Proof sent'));
    await shown(photo.getByText('Proof awaiting review'));
  });

  it('another agency cannot open the episode', async () => {
    const other = await newPage(web, PHONE);
    await signIn(other.page, world.agency2User.email, PASSWORD);
    await other.page.evaluate((to) => {
      history.pushState({}, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
    }, new URL(episodeUrl).pathname);
    await shown(other.page.getByRole('heading', { name: 'Not found' }));
    await other.context.close();
  });

  it('report recovery → the post-recovery duties appear', async () => {
    await page.getByRole('button', { name: 'The child was found' }).click();
    await page.getByLabel(/Found at/).focus();
    await typeWallTime(page, DateTime.now().minus({ minutes: 10 }));
    await page.getByLabel('Where').fill('Greyhound station');
    await page.getByRole('button', { name: 'Record the recovery' }).click();
    await shown(page.getByRole('heading', { name: 'Jamie Doe was found' }));
    await shown(page.locator('[data-duty="POST_RECOVERY_PHOTO"]'));
    await shown(page.locator('[data-duty="SAFETY_ASSESSMENT"]'));
    expect(await pageProblems(page)).toEqual([]);
  });
});
