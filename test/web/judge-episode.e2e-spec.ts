import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { newPage, openInApp, pageProblems, PHONE, shown, signIn, startWebTest, textOf, type WebTest } from '../support/browser.js';
import { waitFor } from '../support/wait.js';
import { hoursAgo, overdueEpisode } from './judge-support.js';
import { createCase, PASSWORD, seedWorld, type World } from '../support/world.js';

/** The judge on an episode: waive a duty, draft the order to show cause, the people told, the report packet and poster. */
describe('web: judge — an episode', () => {
  let web: WebTest;
  let world: World;
  let page: Page;
  let episodeId: string;

  beforeAll(async () => {
    web = await startWebTest();
    world = await seedWorld(web.t);
    episodeId = await overdueEpisode(web.t, world);
    // The child-missing messages go out through the outbox.
    await waitFor(async () => {
      const res = await web.t.http.get(`/api/v1/notifications?episodeId=${episodeId}`).set(world.judgeA.auth).expect(200);
      return res.body.items.length > 0;
    }, 20_000);
    ({ page } = await newPage(web, PHONE));
    await signIn(page, world.judgeA.email, PASSWORD);
    await openInApp(page, `/episodes/${episodeId}`);
    await shown(page.getByRole('heading', { name: 'Jamie Doe is missing' }));
  });
  afterAll(() => web.close());

  it('shows the people told, the report packet and the poster; passes axe at 360 px', async () => {
    const told = page.getByRole('table', { name: 'Messages about this episode, newest first' });
    expect(await textOf(told)).toMatch(/Child missing/);
    expect(await textOf(told)).toMatch(/JudgeA/);
    for (const name of [/Report packet/, /Missing-child poster/]) {
      const href = await (await shown(page.getByRole('link', { name }))).getAttribute('href');
      const res = await page.request.get(href!);
      expect({ name: String(name), status: res.status(), type: res.headers()['content-type'] }).toEqual({
        name: String(name),
        status: 200,
        type: 'application/pdf',
      });
    }
    expect(await pageProblems(page)).toEqual([]);
  });

  it('waive a duty: a reason is required (the error beside the field, announced); with one the duty is waived', async () => {
    const le = page.locator('[data-duty="LAW_ENFORCEMENT_REPORT"]');
    await le.getByRole('button', { name: /Waive/ }).click();
    await le.getByRole('button', { name: 'Waive this duty' }).click();
    await shown(le.getByRole('alert'));
    expect(await textOf(le.locator('.usa-error-message'))).toMatch(/reason/i);
    expect(await le.getByLabel(/Reason for the waiver/).getAttribute('aria-invalid')).toBe('true');
    expect(await pageProblems(page)).toEqual([]);
    await le.getByLabel(/Reason for the waiver/).fill('Reported by the police themselves at the scene');
    await le.getByRole('button', { name: 'Waive this duty' }).click();
    await shown(le.getByText('Waived: Reported by the police themselves at the scene'));
    const res = await web.t.http.get(`/api/v1/episodes/${episodeId}`).set(world.judgeA.auth).expect(200);
    expect(res.body.obligations.find((o: { type: string }) => o.type === 'LAW_ENFORCEMENT_REPORT').status).toBe('WAIVED');
  });

  it('"Draft order to show cause" drafts it from the episode and opens it beside its preview', async () => {
    await page.getByRole('button', { name: 'Draft order to show cause' }).click();
    await shown(page.getByRole('heading', { name: 'Draft order to show cause' }));
    const preview = page.frameLocator('iframe[title="Preview of the draft order"]').locator('body');
    expect(await textOf(preview)).toMatch(/SHOW CAUSE/i);
    expect(await textOf(preview)).toMatch(/NCMEC/);
    // Drafted from the episode: no terms to set.
    expect(await page.getByLabel(/Report to NCMEC within/).count()).toBe(0);
    expect(await pageProblems(page)).toEqual([]);
  });

  it('who may not: the caseworker and the clerk get no waiver, the caseworker no order and no list of people told', async () => {
    const agency = await newPage(web, PHONE);
    await signIn(agency.page, world.agency1User.email, PASSWORD);
    await openInApp(agency.page, `/episodes/${episodeId}`);
    await shown(agency.page.getByRole('heading', { name: 'Jamie Doe is missing' }));
    await shown(agency.page.getByRole('link', { name: /Report packet/ }));
    expect(await agency.page.getByRole('button', { name: /Waive/ }).count()).toBe(0);
    expect(await agency.page.getByRole('button', { name: 'Draft order to show cause' }).count()).toBe(0);
    expect(await agency.page.getByRole('heading', { name: 'People told' }).count()).toBe(0);
    await agency.context.close();

    const clerk = await newPage(web, PHONE);
    await signIn(clerk.page, world.clerkA.email, PASSWORD);
    await openInApp(clerk.page, `/episodes/${episodeId}`);
    await shown(clerk.page.getByRole('heading', { name: 'People told' }));
    expect(await clerk.page.getByRole('button', { name: /Waive/ }).count()).toBe(0);
    await clerk.context.close();
  });

  it('"Draft order continuing jurisdiction" on a child turning 18 while missing drafts it from the episode', async () => {
    // Turns 18 in 20 days: the episode raises a PRE_MAJORITY hearing request at once.
    const dateOfBirth = DateTime.now().setZone('America/Chicago').plus({ days: 20 }).minus({ years: 18 }).toISODate() as string;
    const c = await createCase(web.t, world.clerkA, world.courtA, world.judgeA.id, 'A-0018', world.agency1, {
      firstName: 'Sam',
      dateOfBirth,
    });
    const episode = await web.t.http
      .post('/api/v1/episodes')
      .set(world.agency1User.auth)
      .send({ childId: c.childId, missingSince: hoursAgo(3) })
      .expect(201);
    await openInApp(page, `/episodes/${episode.body.id as string}`);
    await shown(page.getByRole('heading', { name: 'Sam Doe is missing' }));
    expect(await page.getByRole('button', { name: 'Draft order to show cause' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Draft order continuing jurisdiction' }).click();
    await shown(page.getByRole('heading', { name: 'Draft order continuing jurisdiction' }));
    const preview = page.frameLocator('iframe[title="Preview of the draft order"]').locator('body');
    expect(await textOf(preview)).toMatch(/CONTINUING JURISDICTION/i);
    expect(await pageProblems(page)).toEqual([]);
  });

  it('once the child is found the poster is withdrawn', async () => {
    await web.t.http
      .post(`/api/v1/episodes/${episodeId}/recovery`)
      .set(world.clerkA.auth)
      .send({ recoveredAt: hoursAgo(0.5), recoveryLocation: 'Bus station' })
      .expect(200);
    await openInApp(page, '/');
    await openInApp(page, `/episodes/${episodeId}`);
    await shown(page.getByRole('heading', { name: 'Jamie Doe was found' }));
    await shown(page.getByText('No poster: the child was found, and posters are withdrawn.'));
    expect(await page.getByRole('link', { name: /Missing-child poster/ }).count()).toBe(0);
    expect(await pageProblems(page)).toEqual([]);
  });
});
