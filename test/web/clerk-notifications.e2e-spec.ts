import type { Page } from 'playwright-core';
import { newPage, openInApp, pageProblems, PHONE, shown, signIn, startWebTest, tabTo, textOf, type WebTest } from '../support/browser.js';
import { Mailbox } from '../support/mailbox.js';
import { waitFor } from '../support/wait.js';
import { PASSWORD, seedWorld, type SeededUser, type World } from '../support/world.js';

const REFUSED = 'casa-refused@advocates.example';

/** The notifications page: every message to the people on the court's cases, by delivery status, a page at a time. */
describe('web: notifications (clerk)', () => {
  const mailbox = new Mailbox();
  let web: WebTest;
  let world: World;
  let page: Page;
  let episodeA: string;
  let courtATotal: number;

  const listed = async (user: SeededUser) => {
    const items: { status: string }[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { status: string }[]; nextCursor: string | null } } = await web.t.http
        .get(`/api/v1/notifications${cursor ? `?cursor=${cursor}` : ''}`)
        .set(user.auth)
        .expect(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  };

  beforeAll(async () => {
    await mailbox.start();
    mailbox.refuse.add(REFUSED);
    web = await startWebTest({ SMTP_URL: mailbox.url, MAIL_BACKOFF_MS: '300' });
    const { t } = web;
    world = await seedWorld(t);
    // Enough people on case A for a second page of messages; one of them the mail server refuses.
    for (let i = 0; i < 51; i++) {
      await t.http
        .post(`/api/v1/cases/${world.caseA.id}/participants`)
        .set(world.clerkA.auth)
        .send({ role: 'OTHER', name: `Person ${i}`, email: `person-${i}@advocates.example` })
        .expect(201);
    }
    await t.http
      .post(`/api/v1/cases/${world.caseA.id}/participants`)
      .set(world.clerkA.auth)
      .send({ role: 'CASA', name: 'Refused Casa', email: REFUSED })
      .expect(201);
    const since = new Date(Date.now() - 3_600_000).toISOString();
    episodeA = (
      await t.http
        .post('/api/v1/episodes')
        .set(world.agency1User.auth)
        .send({ childId: world.caseA.childId, missingSince: since })
        .expect(201)
    ).body.id;
    await t.http
      .post('/api/v1/episodes')
      .set(world.agency2User.auth)
      .send({ childId: world.caseB.childId, missingSince: since })
      .expect(201);
    courtATotal = await waitFor(async () => {
      const items = await listed(world.clerkA);
      return items.length > 52 && items.every((n) => n.status !== 'PENDING') ? items.length : null;
    }, 60_000);
    await waitFor(async () => (await listed(world.clerkB)).some((n) => n.status === 'SENT'), 30_000);
    ({ page } = await newPage(web, PHONE));
    await signIn(page, world.clerkA.email, PASSWORD);
  }, 180_000);
  afterAll(async () => {
    await web.close();
    await mailbox.stop();
  });

  const rows = () => page.getByRole('table').locator('tbody tr');

  it('the clerk’s header leads to every message of the court, newest first, a page at a time; axe-clean at 360 px', async () => {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Notifications' }).click();
    await shown(page.getByRole('heading', { name: 'Notifications', level: 1 }));
    expect(await page.getByLabel('Status').inputValue()).toBe('');
    expect(await page.getByLabel('Status').locator('option').allInnerTexts()).toEqual(['All', 'Failed', 'Pending', 'Sent']);
    await shown(page.getByRole('table', { name: 'Messages, newest first' }));
    expect(await rows().count()).toBe(50);
    const first = await textOf(rows().first());
    expect(first).toMatch(/Child missing/);
    expect(first).toMatch(/C[SD]T/);
    expect(first).toMatch(/Case A-0001/);
    expect(await pageProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Show more' }).click();
    await waitFor(async () => (await rows().count()) === courtATotal, 10_000);
    expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    // Court B's messages are not the clerk's.
    expect(await page.getByRole('table').innerText()).not.toMatch(/B-0001/);
  });

  it('filters by status from the keyboard: the failed message with its reason; none pending says so; then to the episode', async () => {
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).click();
    await tabTo(page, /^Status/);
    await page.keyboard.press('ArrowDown');
    await shown(page.getByRole('table', { name: 'Failed messages, newest first' }));
    expect(await rows().count()).toBe(1);
    const failed = await textOf(rows().first());
    expect(failed).toContain(REFUSED);
    expect(failed).toMatch(/Failed/);
    expect(failed).toMatch(/SMTP 550/);
    expect(await rows().first().locator('td[data-label="Attempts"]').innerText()).toBe('1');
    expect(await rows().first().locator('td[data-label="Sent"]').innerText()).toBe('—');
    expect(await pageProblems(page)).toEqual([]);

    await page.getByLabel('Status').selectOption({ label: 'Pending' });
    await shown(page.getByText('No message is pending.'));
    expect(await page.getByRole('table').count()).toBe(0);

    await page.getByLabel('Status').selectOption({ label: 'Sent' });
    await shown(page.getByRole('table', { name: 'Sent messages, newest first' }));
    expect(await page.locator('tbody tr:not([data-status="SENT"])').count()).toBe(0);

    await page.getByLabel('Status').selectOption({ label: 'Failed' });
    await shown(page.getByRole('table', { name: 'Failed messages, newest first' }));
    await tabTo(page, /Case A-0001/);
    await page.keyboard.press('Enter');
    await shown(page.getByRole('heading', { name: /is missing/ }));
    expect(page.url()).toMatch(new RegExp(`/episodes/${episodeA}$`));
    // The episode's own list of people told is the same table.
    await shown(page.getByRole('table', { name: 'Messages about this episode, newest first' }).getByText(REFUSED));
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toMatch(/advocates|A-0001|Jamie/);
  });

  it('an administrator sees every court’s messages, without episode links; a judge may open the page', async () => {
    const admin = await newPage(web, PHONE);
    await signIn(admin.page, world.admin.email, PASSWORD);
    await openInApp(admin.page, '/notifications');
    await shown(admin.page.getByRole('table', { name: 'Messages, newest first' }));
    await shown(admin.page.getByRole('table').getByText('Case B-0001'));
    expect(await admin.page.getByRole('table').getByRole('link').count()).toBe(0);
    expect(await pageProblems(admin.page)).toEqual([]);
    await admin.context.close();

    const judge = await newPage(web, PHONE);
    await signIn(judge.page, world.judgeA.email, PASSWORD);
    await openInApp(judge.page, '/notifications');
    await shown(judge.page.getByRole('table', { name: 'Messages, newest first' }));
    await judge.context.close();
  });

  it('who may not: an agency user has no Notifications in the header and is sent away from /notifications', async () => {
    const agency = await newPage(web, PHONE);
    await signIn(agency.page, world.agency1User.email, PASSWORD);
    await agency.page.getByRole('button', { name: 'Menu' }).click();
    await shown(agency.page.getByRole('link', { name: 'Account' }));
    expect(await agency.page.getByRole('link', { name: 'Notifications' }).count()).toBe(0);
    await openInApp(agency.page, '/notifications');
    await shown(agency.page.getByRole('heading', { name: 'Not available to your role' }));
    expect(await agency.page.getByRole('table').count()).toBe(0);
    expect(await pageProblems(agency.page)).toEqual([]);
    await agency.context.close();
    await web.t.http.get('/api/v1/notifications').set(world.agency1User.auth).expect(403);
  });
});
