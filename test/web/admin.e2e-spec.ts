import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { newPage, openInApp, pageProblems, PHONE, shown, signIn, startWebTest, textOf, type WebTest } from '../support/browser.js';
import { PASSWORD, seedWorld, type World } from '../support/world.js';

/** The service's refusal is beside the field (marked invalid) and in the announced summary. */
async function refusedBeside(page: Page, fieldId: string, message: RegExp): Promise<void> {
  await shown(page.locator('.form-problem[role=alert]'));
  expect(await textOf(page.locator(`#${fieldId}-error`))).toMatch(message);
  expect(await page.locator(`#${fieldId}`).getAttribute('aria-invalid')).toBe('true');
  expect(await textOf(page.locator('.form-problem'))).toMatch(message);
}

describe('web: administrator', () => {
  let web: WebTest;
  let world: World;
  let page: Page;

  beforeAll(async () => {
    web = await startWebTest();
    world = await seedWorld(web.t);
    // More agencies and users than one page of the admin lists (20 a page).
    for (let i = 1; i <= 22; i++) {
      const agency = randomUUID();
      await web.t.db.query(`INSERT INTO agencies (id, name, kind, state) VALUES ($1, $2, 'PLACEMENT_PROVIDER', 'TX')`, [
        agency,
        `Provider ${String(i).padStart(2, '0')}`,
      ]);
      await web.t.db.query(`INSERT INTO users (id, email, name, password_hash, role, agency_id) VALUES ($1, $2, $3, 'x', 'AGENCY', $4)`, [
        randomUUID(),
        `worker${i}@provider.example`,
        `Worker ${i}`,
        agency,
      ]);
    }
    ({ page } = await newPage(web, PHONE));
    await signIn(page, world.admin.email, PASSWORD);
  });
  afterAll(() => web.close());

  it('home: links every part of the directory; passes axe at 360 px', async () => {
    await shown(page.getByRole('heading', { name: 'Administration' }));
    for (const name of ['Courts', 'Closures', 'Agencies and API keys', 'Users', 'Order templates'])
      await shown(page.getByRole('main').getByRole('link', { name, exact: true }));
    expect(await pageProblems(page)).toEqual([]);
  });

  it('courts: listed; an unknown time zone is refused beside its field; a court is added', async () => {
    await page.getByRole('main').getByRole('link', { name: 'Courts', exact: true }).click();
    await shown(page.getByRole('heading', { name: 'Courts', exact: true }));
    await shown(page.getByRole('row', { name: /Court A/ }));
    expect(await pageProblems(page)).toEqual([]);
    await page.getByLabel('Name').fill('Bexar County Juvenile Court');
    await page.getByLabel('County').fill('Bexar');
    await page.getByLabel('State').fill('tx');
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Add the court' }).click();
    await refusedBeside(page, 'court-timezone', /time ?zone/i);
    expect(await pageProblems(page)).toEqual([]);
    await page.getByLabel('Time zone').fill('America/Chicago');
    await page.getByRole('button', { name: 'Add the court' }).click();
    await shown(page.getByText('Bexar County Juvenile Court was added.'));
    await shown(page.getByRole('row', { name: /Bexar County Juvenile Court/ }));
    expect(await page.locator('.form-problem').count()).toBe(0);
  });

  it('closures: the administrator picks the court; a closure without a reason is refused beside its field; one is added', async () => {
    await page.getByRole('link', { name: 'Closures of Court A' }).click();
    await shown(page.getByRole('heading', { name: 'Closures of Court A' }));
    expect(await page.getByLabel('Court', { exact: true }).inputValue()).toBe(world.courtA);
    await page.locator('#closure-date').fill('2026-12-24');
    await page.getByRole('button', { name: 'Add the closure' }).click();
    await refusedBeside(page, 'closure-name', /name/);
    expect(await pageProblems(page)).toEqual([]);
    await page.getByLabel('Why').fill('Christmas Eve');
    await page.getByRole('button', { name: 'Add the closure' }).click();
    await shown(page.getByText('The court is closed on Thu, Dec 24, 2026.'));
    await shown(page.getByRole('row', { name: /Dec 24, 2026 .*Christmas Eve/ }));
    expect(await pageProblems(page)).toEqual([]);
  });

  it("closures: a clerk keeps their own court's; a judge and a caseworker may not", async () => {
    const clerk = await newPage(web, PHONE);
    await signIn(clerk.page, world.clerkA.email, PASSWORD);
    await openInApp(clerk.page, '/closures');
    await shown(clerk.page.getByRole('heading', { name: 'Closures of Court A' }));
    await shown(clerk.page.getByRole('row', { name: /Christmas Eve/ }));
    expect(await clerk.page.getByLabel('Court', { exact: true }).count()).toBe(0);
    await clerk.page.locator('#closure-date').fill('2026-12-31');
    await clerk.page.getByLabel('Why').fill("New Year's Eve");
    await clerk.page.getByRole('button', { name: 'Add the closure' }).click();
    await shown(clerk.page.getByRole('row', { name: /New Year's Eve/ }));
    expect(await pageProblems(clerk.page)).toEqual([]);
    await clerk.context.close();

    for (const who of [world.judgeA, world.agency1User]) {
      const other = await newPage(web, PHONE);
      await signIn(other.page, who.email, PASSWORD);
      await openInApp(other.page, '/closures');
      await shown(other.page.getByRole('heading', { name: 'Not available to your role' }));
      expect(await other.page.getByRole('button', { name: 'Add the closure' }).count()).toBe(0);
      await other.context.close();
    }
    await web.t.http
      .post(`/api/v1/courts/${world.courtA}/closures`)
      .set(world.judgeA.auth)
      .send({ date: '2027-01-04', name: 'x' })
      .expect(403);
  });

  it('agencies: a page at a time; a bad state is refused beside its field; an agency is added', async () => {
    await openInApp(page, '/admin/agencies');
    await shown(page.getByRole('heading', { name: 'Agencies', exact: true }));
    await shown(page.getByRole('row', { name: /Agency One/ }));
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(20);
    await page.getByRole('button', { name: 'Show more' }).click();
    await shown(page.getByRole('row', { name: /Provider 22/ }));
    expect(await rows.count()).toBe(25);
    expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    expect(await pageProblems(page)).toEqual([]);

    await page.getByLabel('Name').fill('Region 7 Child Protective Services');
    await page.getByLabel('Kind').selectOption('CHILD_WELFARE');
    await page.getByLabel('State').fill('XX');
    await page.getByRole('button', { name: 'Add the agency' }).click();
    await refusedBeside(page, 'agency-state', /state/);
    expect(await pageProblems(page)).toEqual([]);
    await page.getByLabel('State').fill('TX');
    await page.getByRole('button', { name: 'Add the agency' }).click();
    await shown(page.getByText('Region 7 Child Protective Services was added.'));
  });

  it('API keys: issued with its expiry (shown this once, it works); too late an expiry is refused beside its field; revoked, it stops', async () => {
    await openInApp(page, '/admin/agencies');
    await page.getByRole('link', { name: 'API keys of Agency One' }).click();
    await shown(page.getByRole('heading', { name: 'API keys of Agency One' }));
    await shown(page.getByText('The agency has no key.'));
    expect(await pageProblems(page)).toEqual([]);

    await page.getByLabel('Name').fill('Case-management system');
    await page.getByLabel('Stops working after').fill(DateTime.now().plus({ years: 2 }).toISODate()!);
    await page.getByRole('button', { name: 'Issue the key' }).click();
    await refusedBeside(page, 'api-key-expiresAt', /at most 365 days/);
    expect(await pageProblems(page)).toEqual([]);

    const expires = DateTime.now().plus({ days: 90 });
    await page.getByLabel('Stops working after').fill(expires.toISODate()!);
    await page.getByRole('button', { name: 'Issue the key' }).click();
    await shown(page.getByRole('heading', { name: 'Copy the key for Case-management system now' }));
    const key = (await textOf(page.locator('.api-key'))).trim();
    expect(key).toMatch(/^cmfc_/);
    const row = page.locator('tr[data-key="Case-management system"]');
    expect(await textOf(row)).toContain(expires.toFormat('MMM d, yyyy'));
    expect(await textOf(row)).toContain('Active');
    expect(await row.innerText()).not.toContain(key);
    expect(await pageProblems(page)).toEqual([]);
    await web.t.http.get('/api/v1/episodes').set('X-API-Key', key).expect(200);

    // Shown once: coming back to the page lists the key without it.
    await openInApp(page, '/admin/agencies');
    await page.getByRole('link', { name: 'API keys of Agency One' }).click();
    await shown(row);
    expect(await page.locator('main').innerText()).not.toContain(key);

    await row.getByRole('button', { name: 'Revoke Case-management system' }).click();
    await row.getByRole('button', { name: 'Revoke it now' }).click();
    await shown(row.getByText(/Revoked/));
    expect(await pageProblems(page)).toEqual([]);
    await web.t.http.get('/api/v1/episodes').set('X-API-Key', key).expect(401);
  });

  it('users: a page at a time, filtered by role', async () => {
    await openInApp(page, '/admin/users');
    await shown(page.getByRole('heading', { name: 'Users', exact: true }));
    await shown(page.locator('tbody tr').first());
    expect(await page.locator('tbody tr').count()).toBe(20);
    await page.getByRole('button', { name: 'Show more' }).click();
    await shown(page.getByRole('row', { name: /Worker 22/ }).or(page.getByRole('row', { name: /JudgeB/ })));
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(20);
    await page.getByLabel('Role').selectOption('CLERK');
    await shown(page.getByRole('row', { name: /ClerkB/ }));
    expect(await page.locator('tbody tr').count()).toBe(2);
    expect(await textOf(page.getByRole('row', { name: /ClerkA/ }))).toContain('Court A');
    expect(await pageProblems(page)).toEqual([]);
  });

  it('users: a short password and a clerk without a court are refused beside their fields; the account is created and signs in', async () => {
    await page.getByRole('link', { name: 'Add a user' }).click();
    await shown(page.getByRole('heading', { name: 'Add a user' }));
    expect(await pageProblems(page)).toEqual([]);
    await page.getByLabel('Name').fill('Dana Clerk');
    await page.getByLabel('E-mail address').fill('dana@court-a.example');
    await page.getByLabel('Role').selectOption('CLERK');
    await page.getByLabel('First password').fill('short');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await refusedBeside(page, 'user-password', /password/);
    expect(await pageProblems(page)).toEqual([]);
    await page.getByLabel('First password').fill('a-long-enough-passphrase-42');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await refusedBeside(page, 'user-courtId', /required for CLERK/);
    await page.getByLabel('Court').selectOption({ label: 'Court A' });
    await page.getByRole('button', { name: 'Create the account' }).click();
    await shown(page.getByRole('heading', { name: 'Dana Clerk' }));
    await shown(page.getByText('The account was created.'));
    expect(await pageProblems(page)).toEqual([]);
    await web.t.http
      .post('/api/v1/auth/session')
      .send({ email: 'dana@court-a.example', password: 'a-long-enough-passphrase-42' })
      .expect(200);
  });

  it('users: role changed, account disabled (it cannot sign in) and enabled, a lost authenticator reset', async () => {
    // Dana turns on TOTP first, so the reset has something to undo.
    const login = await web.t.http
      .post('/api/v1/auth/token')
      .send({ email: 'dana@court-a.example', password: 'a-long-enough-passphrase-42' });
    const bearer = { Authorization: `Bearer ${login.body.accessToken as string}` };
    const { secret } = (await web.t.http.post('/api/v1/auth/mfa/totp').set(bearer).expect(200)).body as { secret: string };
    const code = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate();
    await web.t.http.post('/api/v1/auth/mfa/totp/confirm').set(bearer).send({ code }).expect(200);

    await page.locator('#account-role').selectOption('AGENCY');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await refusedBeside(page, 'account-agencyId', /required for AGENCY/);
    await page.locator('#account-role').selectOption('JUDGE');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await shown(page.getByText(/^Saved\./));
    await shown(page.getByText('Role: Judge'));
    expect(await pageProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'Disable the account' }).click();
    await shown(page.getByText('Status: Disabled: cannot sign in'));
    await web.t.http
      .post('/api/v1/auth/session')
      .send({ email: 'dana@court-a.example', password: 'a-long-enough-passphrase-42', totp: code })
      .expect(401);
    await page.getByRole('button', { name: 'Enable the account' }).click();
    await shown(page.getByText('Status: Active'));

    await page.getByRole('button', { name: 'Reset the authenticator' }).click();
    await shown(page.getByText('The authenticator was reset.'));
    const after = await web.t.http
      .post('/api/v1/auth/session')
      .send({ email: 'dana@court-a.example', password: 'a-long-enough-passphrase-42' });
    expect(after.status).toBe(200);
    await page.getByRole('link', { name: 'All users' }).click();
    await page.getByLabel('Role').selectOption('JUDGE');
    expect(await textOf(page.getByRole('row', { name: /Dana Clerk/ }))).toMatch(/Off\s+Active/);
    expect(await pageProblems(page)).toEqual([]);
  });

  it('templates: the versions listed; a shipped one previewed; a court version missing its clauses is refused beside the field; a full one stored and in use', async () => {
    await openInApp(page, '/admin/templates');
    await shown(page.getByRole('heading', { name: 'Order templates' }));
    expect(await pageProblems(page)).toEqual([]);
    await page.getByRole('link', { name: /^Standing Order .*\(version \d+\)$/ }).click();
    const preview = page.getByRole('region', { name: /^Preview of Standing Order/ });
    await shown(preview.getByRole('heading', { name: 'Standing Order Regarding Children Missing from Care' }));
    expect(await textOf(preview.locator('.template-expression').first())).toMatch(/^\{\{.+\}\}$/);
    expect(await pageProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'Start a court version from this one' }).click();
    await shown(page.getByRole('heading', { name: 'Upload a court version of a template' }));
    await waitForValue(page, '#template-body');
    const shipped = await page.locator('#template-body').inputValue();

    // A file as in templates/, front matter and all, without the order's clauses.
    await page.getByLabel('Template file').setInputFiles({
      name: 'standing-order.md.tmpl',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        '---\nkey: standing-order\nkind: STANDING_ORDER\ntitle: Travis Standing Order\n---\n# {{court.name}}\n\nIT IS SO ORDERED.\n',
      ),
    });
    await shown(page.getByRole('region', { name: 'Preview of the version' }).getByRole('heading', { name: '{{court.name}}' }));
    expect(await page.getByLabel('Title').inputValue()).toBe('Travis Standing Order');
    expect(await page.getByLabel('Kind').inputValue()).toBe('STANDING_ORDER');
    await page.getByLabel('Court').selectOption({ label: 'Court A' });
    await page.getByRole('button', { name: 'Check and store it' }).click();
    await refusedBeside(page, 'template-body', /./);
    expect(await pageProblems(page)).toEqual([]);

    await page.locator('#template-body').fill(shipped.replace('## Standing Order Regarding', '## Travis County Standing Order Regarding'));
    await page.getByRole('button', { name: 'Check and store it' }).click();
    await shown(page.getByText(/^Stored as version \d+/));
    await shown(page.getByText("Court A's own version"));
    await shown(
      page
        .getByRole('region', { name: /^Preview of Travis Standing Order/ })
        .getByRole('heading', { name: /Travis County Standing Order/ }),
    );

    await page.getByRole('link', { name: 'All templates' }).click();
    await page.getByLabel('Which a court uses').selectOption({ label: 'Court A' });
    expect(await textOf(page.getByRole('row', { name: /Travis Standing Order/ }))).toMatch(/Court A\s+Yes/);
  });

  it('who may not: a clerk and a caseworker are refused the admin pages, and the service refuses them too', async () => {
    for (const [who, path] of [
      [world.clerkA, '/admin/users'],
      [world.agency1User, '/admin/templates/new'],
      [world.judgeA, '/admin/agencies'],
    ] as const) {
      const other = await newPage(web, PHONE);
      await signIn(other.page, who.email, PASSWORD);
      await openInApp(other.page, path);
      await shown(other.page.getByRole('heading', { name: 'Not available to your role' }));
      expect(await pageProblems(other.page)).toEqual([]);
      await other.context.close();
    }
    await web.t.http.get('/api/v1/users').set(world.clerkA.auth).expect(403);
    await web.t.http.post(`/api/v1/agencies/${world.agency1}/api-keys`).set(world.judgeA.auth).send({ name: 'x' }).expect(403);
  });
});

/** Waits until a field has been filled in (from a template loaded by the page). */
async function waitForValue(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((s) => ((document.querySelector(s) as HTMLTextAreaElement | null)?.value ?? '').length > 0, selector);
}
