import type { Page } from 'playwright-core';
import {
  DESKTOP,
  isFocused,
  newPage,
  pageProblems,
  PHONE,
  shown,
  signIn,
  openInApp,
  startWebTest,
  textOf,
  type WebTest,
} from '../support/browser.js';
import { PASSWORD, seedWorld, type World } from '../support/world.js';

describe('web: sign-in and sign-out', () => {
  let web: WebTest;
  let world: World;

  beforeAll(async () => {
    web = await startWebTest();
    world = await seedWorld(web.t);
  });
  afterAll(() => web.close());

  async function storageOf(page: Page) {
    return page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
  }

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])('shows a labelled sign-in form that passes axe (%s)', async (_name, viewport) => {
    const { context, page } = await newPage(web, viewport);
    await page.goto('/');
    await shown(page.getByRole('heading', { name: 'Sign in', level: 1 }));
    await shown(page.getByLabel('E-mail address'));
    await shown(page.getByLabel('Password'));
    expect(await pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('refuses a wrong password, announcing why, and signs in nobody', async () => {
    const { context, page } = await newPage(web, PHONE);
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill(world.clerkA.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    expect(await textOf(alert)).toMatch(/password/i);
    expect(await isFocused(alert)).toBe(true);
    expect(await page.getByText('Signed in as').count()).toBe(0);
    expect(await pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('signs a clerk in and out; sign-out forgets everything and keeps nothing in browser storage', async () => {
    const { context, page } = await newPage(web);
    await signIn(page, world.clerkA.email, PASSWORD);
    await shown(page.getByText('Signed in as ClerkA (Clerk)'));
    await shown(page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Proof queue' }));
    expect(await storageOf(page)).toEqual({ local: 0, session: 0 });
    // The session is an HttpOnly cookie: the page cannot read it, and a reload keeps it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('cmfc_session');
    await page.reload();
    await shown(page.getByText('Signed in as ClerkA (Clerk)'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await shown(page.getByRole('heading', { name: 'Sign in', level: 1 }));
    await openInApp(page, '/proofs');
    await shown(page.getByRole('heading', { name: 'Sign in', level: 1 }));
    expect(await page.getByText('Signed in as').count()).toBe(0);
    await page.reload();
    await shown(page.getByRole('heading', { name: 'Sign in', level: 1 }));
    expect(await storageOf(page)).toEqual({ local: 0, session: 0 });
    await context.close();
  });

  it('sends a signed-out visitor of a deep link to sign in, and an agency user away from a clerk page', async () => {
    const { context, page } = await newPage(web);
    await page.goto('/proofs');
    await shown(page.getByRole('heading', { name: 'Sign in', level: 1 }));
    await signIn(page, world.agency1User.email, PASSWORD);
    await openInApp(page, '/proofs');
    await shown(page.getByRole('heading', { name: 'Not available to your role' }));
    await context.close();
  });
});
