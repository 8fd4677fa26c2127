import type { Page } from 'playwright-core';
import { newPage, openInApp, pageProblems, PHONE, shown, signIn, startWebTest, textOf, type WebTest } from '../support/browser.js';
import { Receiver } from '../support/receiver.js';
import { waitFor } from '../support/wait.js';
import { createCase, PASSWORD, seedWorld, type World } from '../support/world.js';

const receiver = new Receiver();

describe('web: clerk docket deliveries', () => {
  let web: WebTest;
  let world: World;
  let page: Page;
  /** Hearing request id → what the case-management system answers it. */
  const answers = new Map<string, number | 'hold'>();
  const requests: string[] = [];

  const eventOf = async (hearingRequestId: string) => {
    const res = await web.t.http.get(`/api/v1/docket/events?courtId=${world.courtA}`).set(world.clerkA.auth).expect(200);
    return (res.body.items as { id: string; hearingRequestId: string; status: string }[]).find(
      (e) => e.hearingRequestId === hearingRequestId,
    )!;
  };

  beforeAll(async () => {
    receiver.behaviour = (delivery) => answers.get(String(delivery.json.data.id)) ?? 500;
    web = await startWebTest({
      DOCKET_WEBHOOK_URL: await receiver.start(),
      DOCKET_WEBHOOK_SECRET: 'the-cms-shared-secret-0123456789',
      DOCKET_WEBHOOK_ATTEMPTS: '2',
      DOCKET_WEBHOOK_BACKOFF_MS: '50',
    });
    const { t } = web;
    world = await seedWorld(t);
    const second = await createCase(t, world.clerkA, world.courtA, world.judgeA.id, 'A-0002', world.agency1, { firstName: 'Riley' });
    for (const childId of [world.caseA.childId, second.childId]) {
      const res = await t.http
        .post('/api/v1/episodes')
        .set(world.agency1User.auth)
        .send({ childId, missingSince: new Date(Date.now() - 3_600_000).toISOString() })
        .expect(201);
      requests.push(res.body.hearingRequests[0].id);
    }
    // Both deliveries fail twice (the last attempt), and wait for the clerk.
    for (const id of requests) await waitFor(async () => (await eventOf(id))?.status === 'FAILED', 20_000);
    ({ page } = await newPage(web, PHONE));
    await signIn(page, world.clerkA.email, PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await web.close();
    await receiver.stop();
  });

  const row = (docket: string) => page.getByRole('row').filter({ hasText: docket });

  it('lists the failed deliveries with their attempts and the last answer; axe-clean at 360 px', async () => {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Docket deliveries' }).click();
    await shown(page.getByRole('heading', { name: 'Docket deliveries' }));
    const first = await shown(row('A-0001'));
    expect(await first.innerText()).toMatch(/Hearing requested \(Child missing\)/);
    expect(await first.innerText()).toMatch(/HTTP 500/);
    expect(await first.innerText()).toMatch(/\b2\b/);
    expect(await first.innerText()).toMatch(/C[SD]T/);
    await shown(row('A-0002'));
    expect(await pageProblems(page)).toEqual([]);
  });

  it('sends one again: it leaves the list and the case-management system receives it', async () => {
    answers.set(requests[0], 200);
    await row('A-0001')
      .getByRole('button', { name: /^Send again/ })
      .click();
    await shown(page.getByText(/Sent again: Hearing requested \(Child missing\), A-0001/));
    await row('A-0001').waitFor({ state: 'detached' });
    await waitFor(async () => (await eventOf(requests[0])).status === 'DELIVERED', 10_000);
    expect(receiver.deliveries.filter((d) => d.json.data.id === requests[0]).map((d) => d.answered)).toEqual([500, 500, 200]);
  });

  it('refused: an event someone else already sent again is a 409, announced, and the list catches up', async () => {
    answers.set(requests[1], 'hold');
    const event = await eventOf(requests[1]);
    await web.t.http.post(`/api/v1/docket/events/${event.id}/retry`).set(world.clerkA.auth).expect(200);
    await row('A-0002')
      .getByRole('button', { name: /^Send again/ })
      .click();
    const alert = await shown(page.getByRole('alert'));
    expect(await alert.innerText()).toMatch(/Only a FAILED docket event can be sent again/);
    await row('A-0002').waitFor({ state: 'detached' });
    await shown(page.getByText('Every delivery went through.'));
    expect(await pageProblems(page)).toEqual([]);
  });

  it('who may not: an agency user is sent away; the clerk of another court sees nothing of this court', async () => {
    const agency = await newPage(web, PHONE);
    await signIn(agency.page, world.agency1User.email, PASSWORD);
    await openInApp(agency.page, '/docket');
    await shown(agency.page.getByRole('heading', { name: 'Not available to your role' }));
    await agency.context.close();

    const other = await newPage(web, PHONE);
    await signIn(other.page, world.clerkB.email, PASSWORD);
    await openInApp(other.page, '/docket');
    await shown(other.page.getByText('Every delivery went through.'));
    expect(await textOf(other.page.locator('main'))).not.toMatch(/A-000/);
    await other.context.close();
  });
});
