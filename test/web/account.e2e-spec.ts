import { TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import {
  isFocused,
  newPage,
  openInApp,
  pageProblems,
  PHONE,
  shown,
  signIn,
  startWebTest,
  tabTo,
  textOf,
  type WebTest,
} from '../support/browser.js';
import { PASSWORD, seedWorld, type World } from '../support/world.js';

/** The account page: changing one's password (other sessions end), the second factor, the hearing calendar link. */
describe('web: your account', () => {
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

  const errorOf = (name: string) => textOf(page.locator(`#password-${name}-error`));
  const invalid = (name: string) => page.locator(`#password-${name}`).getAttribute('aria-invalid');
  const storage = (p: Page) => p.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));

  async function fillPassword(current: string, next: string, confirm: string) {
    await page.getByLabel(/^Current password/).fill(current);
    await page.getByLabel(/^New password/).fill(next);
    await page.getByLabel(/^Confirm new password/).fill(confirm);
    await page.getByRole('button', { name: 'Change password' }).click();
  }

  it('the header leads every role to the account page: password, two-factor (off, with the enrolment link), calendar; axe-clean at 360 px', async () => {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Account' }).click();
    await shown(page.getByRole('heading', { name: 'Your account', level: 1 }));
    await shown(page.getByRole('heading', { name: 'Change your password' }));
    await shown(page.getByRole('region', { name: 'Two-factor sign-in' }).getByText('Off: you sign in with your password alone.'));
    await shown(page.getByRole('link', { name: 'Set up an authenticator app' }));
    await shown(page.getByRole('button', { name: 'Get a calendar link' }));
    expect(await page.getByLabel('Your calendar link').count()).toBe(0);
    expect(await pageProblems(page)).toEqual([]);

    for (const user of [world.agency1User, world.admin, world.judgeA]) {
      const other = await newPage(web, PHONE);
      await signIn(other.page, user.email, PASSWORD);
      await other.page.getByRole('button', { name: 'Menu' }).click();
      await other.page.getByRole('link', { name: 'Account' }).click();
      await shown(other.page.getByRole('heading', { name: 'Your account', level: 1 }));
      await other.context.close();
    }
  });

  it('bad input: a mismatched confirmation is refused in the browser, beside the confirmation, with nothing sent', async () => {
    const sent: string[] = [];
    const listen = (request: { method(): string; url(): string }) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/v1/auth/password')) sent.push(request.url());
    };
    page.on('request', listen);
    await fillPassword(PASSWORD, 'a brand new passphrase', 'a brand new passphrasE');
    await shown(page.getByRole('alert'));
    expect(await errorOf('confirmPassword')).toMatch(/does not match the new password/);
    expect(await invalid('confirmPassword')).toBe('true');
    expect(await invalid('newPassword')).toBeNull();
    expect(await page.locator('#password-confirmPassword').getAttribute('aria-describedby')).toBe('password-confirmPassword-error');
    page.off('request', listen);
    expect(sent).toEqual([]);
    expect(await pageProblems(page)).toEqual([]);
  });

  it('bad input: a wrong current password is refused beside "Current password"; a short new one beside "New password" (the service’s 400)', async () => {
    await fillPassword('not-my-password', 'a brand new passphrase', 'a brand new passphrase');
    await shown(page.locator('#password-currentPassword-error', { hasText: 'is not the current password' }));
    expect(await invalid('currentPassword')).toBe('true');
    expect(await page.locator('#password-confirmPassword-error').count()).toBe(0);
    expect(await isFocused(page.locator('.form-problem'))).toBe(true);

    await fillPassword(PASSWORD, 'too short', 'too short');
    await shown(page.locator('#password-newPassword-error', { hasText: 'must have at least 12 characters' }));
    expect(await invalid('newPassword')).toBe('true');
    expect(await page.locator('#password-currentPassword-error').count()).toBe(0);
    expect(await pageProblems(page)).toEqual([]);
    // Nothing was changed: the seeded password still signs in.
    await web.t.http.post('/api/v1/auth/token').send({ email: world.clerkA.email, password: PASSWORD }).expect(200);
  });

  it('changes the password from the keyboard: the other browser and the access token are signed out, this browser goes on', async () => {
    const email = 'clerk-changes@test.court';
    await web.t.http
      .post('/api/v1/users')
      .set(world.admin.auth)
      .send({ email, name: 'Casey Change', password: PASSWORD, role: 'CLERK', courtId: world.courtA })
      .expect(201);
    const here = await newPage(web, PHONE);
    const elsewhere = await newPage(web, PHONE);
    await signIn(here.page, email, PASSWORD);
    await signIn(elsewhere.page, email, PASSWORD);
    const token = (await web.t.http.post('/api/v1/auth/token').send({ email, password: PASSWORD }).expect(200)).body.accessToken as string;
    const status = (p: Page, path: string) => p.evaluate(async (to) => (await fetch(to)).status, path);
    expect(await status(elsewhere.page, '/api/v1/auth/me')).toBe(200);

    const p = here.page;
    await openInApp(p, '/account');
    await shown(p.getByRole('heading', { name: 'Your account', level: 1 }));
    await p.getByRole('heading', { name: 'Change your password' }).click();
    await tabTo(p, /Current password/);
    await p.keyboard.type(PASSWORD);
    await tabTo(p, /New password/);
    await p.keyboard.type('a brand new passphrase');
    await tabTo(p, /Confirm new password/);
    await p.keyboard.type('a brand new passphrase');
    await tabTo(p, /^Change password$/);
    await p.keyboard.press('Enter');

    const done = await shown(p.getByRole('status').filter({ hasText: 'Your password is changed' }));
    expect(await done.innerText()).toMatch(/Every other session and access token of yours was signed out; this one goes on/);
    expect(await p.getByLabel(/^Current password/).inputValue()).toBe('');
    expect(await pageProblems(p)).toEqual([]);

    // The other browser's next call is refused; the app there says the session ended.
    expect(await status(elsewhere.page, '/api/v1/auth/me')).toBe(401);
    await openInApp(elsewhere.page, '/cases');
    await shown(elsewhere.page.getByText('Your session ended. Sign in again to continue.'));
    await web.t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);

    // This browser goes on, and the new password is the one that signs in.
    expect(await status(p, '/api/v1/auth/me')).toBe(200);
    await p.getByRole('button', { name: 'Menu' }).click();
    await p.getByRole('link', { name: 'Cases' }).click();
    await shown(p.getByRole('heading', { name: 'Cases', level: 1 }));
    await web.t.http.post('/api/v1/auth/token').send({ email, password: PASSWORD }).expect(401);
    await web.t.http.post('/api/v1/auth/token').send({ email, password: 'a brand new passphrase' }).expect(200);
    expect(await storage(p)).not.toMatch(/passphrase|correct-horse|clerk-changes/);
    await here.context.close();
    await elsewhere.context.close();
  });

  it('the calendar link: shown in a labelled field with Copy; a new one asks first, then the old link stops working', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.baseUrl });
    await openInApp(page, '/account');
    await page.getByRole('heading', { name: 'Hearing calendar subscription' }).click();
    await tabTo(page, /^Get a calendar link$/);
    await page.keyboard.press('Enter');
    const field = await shown(page.getByLabel('Your calendar link'));
    const first = await field.inputValue();
    expect(first).toMatch(/\/calendar\/[\w-]{20,}\.ics$/);
    expect(await field.getAttribute('readonly')).not.toBeNull();
    const calendar = (url: string) => page.request.get(new URL(url).pathname);
    const answer = await calendar(first);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toMatch(/^text\/calendar/);
    expect(await answer.text()).toMatch(/^BEGIN:VCALENDAR/);

    await page.getByRole('button', { name: 'Copy' }).click();
    await shown(page.getByText('Copied to the clipboard.'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
    expect(await pageProblems(page)).toEqual([]);

    // Asking again confirms first; keeping the link leaves it working.
    await page.getByRole('button', { name: 'Get a new calendar link' }).click();
    await shown(page.getByRole('heading', { name: 'Replace your calendar link?' }));
    expect(await pageProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Keep the link' }).click();
    expect(await page.getByLabel('Your calendar link').inputValue()).toBe(first);
    expect((await calendar(first)).status()).toBe(200);

    await page.getByRole('button', { name: 'Get a new calendar link' }).click();
    await page.getByRole('button', { name: 'Yes, replace the link' }).click();
    await page.waitForFunction((old) => (document.querySelector('#calendar-url') as HTMLInputElement | null)?.value !== old, first);
    const second = await page.getByLabel('Your calendar link').inputValue();
    expect(second).toMatch(/\/calendar\/[\w-]{20,}\.ics$/);
    expect((await calendar(first)).status()).toBe(404);
    const renewed = await calendar(second);
    expect(renewed.status()).toBe(200);
    expect(renewed.headers()['content-type']).toMatch(/^text\/calendar/);
    const token = (url: string) => new URL(url).pathname.split('/').pop()!.replace('.ics', '');
    const stored = await storage(page);
    expect(stored).not.toContain(token(first));
    expect(stored).not.toContain(token(second));
    expect(stored).not.toMatch(/calendar/);
  });

  it('a browser without a clipboard: Copy selects the link for the person to copy (a judge)', async () => {
    const judge = await newPage(web, PHONE);
    await judge.context.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await signIn(judge.page, world.judgeA.email, PASSWORD);
    await openInApp(judge.page, '/account');
    await judge.page.getByRole('button', { name: 'Get a calendar link' }).click();
    const url = await (await shown(judge.page.getByLabel('Your calendar link'))).inputValue();
    await judge.page.getByRole('button', { name: 'Copy' }).click();
    await shown(judge.page.getByText('Selected: copy it with your keyboard or menu.'));
    const selected = await judge.page.evaluate(() => {
      const input = document.activeElement as HTMLInputElement;
      return input.id === 'calendar-url' ? input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0) : null;
    });
    expect(selected).toBe(url);
    expect(await pageProblems(judge.page)).toEqual([]);
    await judge.context.close();
  });

  it('who may not: an agency user and an administrator get no calendar section (and the API refuses them a link)', async () => {
    for (const user of [world.agency1User, world.admin]) {
      const other = await newPage(web, PHONE);
      await signIn(other.page, user.email, PASSWORD);
      await openInApp(other.page, '/account');
      await shown(other.page.getByRole('heading', { name: 'Change your password' }));
      await shown(other.page.getByRole('heading', { name: 'Two-factor sign-in' }));
      expect(await other.page.getByRole('heading', { name: 'Hearing calendar subscription' }).count()).toBe(0);
      expect(await other.page.getByRole('button', { name: /calendar link/ }).count()).toBe(0);
      expect(await pageProblems(other.page)).toEqual([]);
      await other.context.close();
      await web.t.http.post('/api/v1/auth/calendar-feed').set(user.auth).expect(403);
    }
    // Signed out, the page sends to sign-in.
    const anonymous = await newPage(web, PHONE);
    await anonymous.page.goto('/account');
    await shown(anonymous.page.getByLabel('E-mail address'));
    await anonymous.context.close();
  });

  it('two-factor off: the link leads to the enrolment page; on: the page says so and offers no enrolment', async () => {
    const off = await newPage(web, PHONE);
    await signIn(off.page, world.agency3User.email, PASSWORD);
    await openInApp(off.page, '/account');
    await (await shown(off.page.getByRole('link', { name: 'Set up an authenticator app' }))).click();
    await shown(off.page.getByRole('heading', { name: 'Set up your authenticator', level: 1 }));
    await off.context.close();

    const other = await newPage(web, PHONE);
    await signIn(other.page, world.agency2User.email, PASSWORD);
    const started = await web.t.http.post('/api/v1/auth/mfa/totp').set(world.agency2User.auth).expect(200);
    const code = new TOTP({ secret: started.body.secret as string }).generate();
    await web.t.http.post('/api/v1/auth/mfa/totp/confirm').set(world.agency2User.auth).send({ code }).expect(200);
    await openInApp(other.page, '/account');
    const twoFactor = other.page.getByRole('region', { name: 'Two-factor sign-in' });
    await shown(twoFactor.getByText('On: you sign in with your password and a code from your authenticator app.'));
    expect(await other.page.getByRole('link', { name: 'Set up an authenticator app' }).count()).toBe(0);
    await other.context.close();
  });
});
