import { startOidcProvider, type TestProvider } from '../support/oidc.js';
import { DESKTOP, newPage, pageProblems, PHONE, shown, startWebTest, type WebTest } from '../support/browser.js';
import { freePort } from '../support/wait.js';
import { seedWorld } from '../support/world.js';

/*
 * Single sign-on in Chromium: the sign-in page offers "Sign in with your court's account" when the
 * service has an identity provider; the button takes the browser to a real oidc-provider, whose
 * login form is filled in, and back, signed in with the session cookie.
 */
describe('web: single sign-on with the court’s account', () => {
  let web: WebTest;
  let provider: TestProvider;
  const client = { client_id: 'cmfc-court-web', client_secret: 'a-test-client-secret-for-the-browser' };

  beforeAll(async () => {
    const [appPort, providerPort] = [await freePort(), await freePort()];
    const base = `http://127.0.0.1:${appPort}`;
    provider = await startOidcProvider({
      port: providerPort,
      client: { ...client, redirect_uris: [`${base}/api/v1/auth/oidc/callback`] },
      accounts: {
        'clerk-a': { email: 'clerka@test.court', email_verified: true },
        stranger: { email: 'nobody@elsewhere.example', email_verified: true },
      },
    });
    web = await startWebTest(
      {
        OIDC_ISSUER_URL: provider.issuer,
        OIDC_CLIENT_ID: client.client_id,
        OIDC_CLIENT_SECRET: client.client_secret,
        PUBLIC_BASE_URL: base,
      },
      appPort,
    );
    await seedWorld(web.t);
  }, 120_000);
  afterAll(async () => {
    await web?.close();
    await provider?.stop();
  });

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])('shows the button beside the password form, pointing to the start of single sign-on, and passes axe (%s)', async (_name, viewport) => {
    const { context, page } = await newPage(web, viewport);
    await page.goto('/sign-in');
    const button = await shown(page.getByRole('link', { name: 'Sign in with your court’s account' }));
    expect(await button.getAttribute('href')).toBe('/api/v1/auth/oidc/login');
    expect(await pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('signs a clerk in through the provider and back, with the session cookie and nothing in browser storage', async () => {
    const { context, page } = await newPage(web);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Sign in with your court’s account' }).click();
    await shown(page.getByRole('heading', { name: 'Court identity provider' }));
    expect(new URL(page.url()).origin).toBe(provider.issuer);
    await page.getByLabel('Account').fill('clerk-a');
    await page.getByRole('button', { name: 'Continue' }).click();
    await shown(page.getByText('Signed in as ClerkA (Clerk)'));
    expect(new URL(page.url()).origin).toBe(web.baseUrl);
    const cookies = await context.cookies(web.baseUrl);
    expect(cookies.find((c) => c.name === 'cmfc_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    await context.close();
  });

  it('bad input: someone the provider knows but the court does not comes back to the sign-in page, told why in words, not signed in; axe-clean', async () => {
    const { context, page } = await newPage(web, PHONE);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Sign in with your court’s account' }).click();
    await shown(page.getByRole('heading', { name: 'Court identity provider' }));
    await page.getByLabel('Account').fill('stranger');
    await page.getByRole('button', { name: 'Continue' }).click();
    const alert = await shown(page.getByRole('alert').filter({ hasText: 'You are not signed in' }));
    expect(await alert.textContent()).toContain('not linked to an active account here');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await shown(page.getByLabel('E-mail address'));
    expect((await context.cookies(web.baseUrl)).some((c) => c.name === 'cmfc_session')).toBe(false);
    expect(await pageProblems(page)).toEqual([]);
    await context.close();
  });
});
