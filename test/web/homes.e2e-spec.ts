import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { DESKTOP, newPage, pageProblems, screenshotForReadme, shown, signIn, startWebTest, type WebTest } from '../support/browser.js';
import { waitFor } from '../support/wait.js';
import { PASSWORD, seedWorld, type SeededUser, type World } from '../support/world.js';

/**
 * Each role's home page on a court with a child missing (one duty already overdue): signed in,
 * loaded, axe-clean at desktop width; `npm run screenshots` saves each one for the README.
 */
describe('web: the home page of each role', () => {
  let web: WebTest;
  let world: World;

  beforeAll(async () => {
    web = await startWebTest();
    world = await seedWorld(web.t);
    await web.t.http
      .post('/api/v1/orders')
      .set(world.judgeA.auth)
      .send({ kind: 'STANDING', courtId: world.courtA })
      .expect(201)
      .then((res) =>
        web.t.http
          .post(`/api/v1/orders/${res.body.id as string}/sign`)
          .set(world.judgeA.auth)
          .expect(200),
      );
    const missingSince = DateTime.now().minus({ hours: 26 }).toISO();
    const episode = await web.t.http
      .post('/api/v1/episodes')
      .set(world.agency1User.auth)
      .send({
        childId: world.caseA.childId,
        missingSince,
        discoveredAt: missingSince,
        lastSeenLocation: 'Bus stop at 5th and Main',
        clothingDescription: 'Red hoodie, jeans',
      })
      .expect(201);
    // The deadline timer (or the sweep) marks the law-enforcement report overdue (it was due two hours ago).
    await waitFor(async () => {
      const res = await web.t.http.get(`/api/v1/obligations?episodeId=${episode.body.id as string}&status=OVERDUE`).set(world.clerkA.auth);
      return (res.body.items as unknown[]).length > 0;
    }, 60_000);
  });
  afterAll(() => web.close());

  async function home(who: SeededUser): Promise<Page> {
    const { page } = await newPage(web, DESKTOP);
    await signIn(page, who.email, PASSWORD);
    await shown(page.locator('main h1'));
    await page.waitForFunction(() => !document.querySelector('main [role=status]')?.textContent?.includes('Loading'));
    return page;
  }

  it('caseworker: the child missing now with the next deadline counting down', async () => {
    const page = await home(world.agency1User);
    await shown(page.getByRole('heading', { name: 'Children missing now' }));
    await shown(page.getByText(/Jamie Doe/));
    expect(await pageProblems(page)).toEqual([]);
    await screenshotForReadme(page, 'home-caseworker');
    await page.context().close();
  });

  it('clerk: the court board with the overdue duty', async () => {
    const page = await home(world.clerkA);
    await shown(page.getByRole('heading', { name: /Court board/ }));
    await shown(page.getByText(/overdue by/).first());
    expect(await pageProblems(page)).toEqual([]);
    await screenshotForReadme(page, 'home-clerk');
    await page.context().close();
  });

  it('judge: the home page', async () => {
    const page = await home(world.judgeA);
    expect(await pageProblems(page)).toEqual([]);
    await screenshotForReadme(page, 'home-judge');
    await page.context().close();
  });

  it('administrator: the administration home', async () => {
    const page = await home(world.admin);
    await shown(page.getByRole('heading', { name: 'Administration' }));
    expect(await pageProblems(page)).toEqual([]);
    await screenshotForReadme(page, 'home-admin');
    await page.context().close();
  });
});
