import { TOTP } from 'otpauth';
import { DESKTOP, newPage, pageProblems, PHONE, shown, startWebTest, textOf, type WebTest } from '../support/browser.js';
import { PASSWORD, seedWorld, type World } from '../support/world.js';

describe('web: TOTP enrolment and the second sign-in step', () => {
  let web: WebTest;
  let world: World;

  beforeAll(async () => {
    web = await startWebTest({ MFA_REQUIRED_ROLES: 'ADMIN,JUDGE' });
    world = await seedWorld(web.t);
  });
  afterAll(() => web.close());

  const codeFor = (secret: string) => new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate();

  it('a judge without TOTP is sent to enrol: QR code, a first code, recovery codes once; then signs in with a recovery code', async () => {
    const { context, page } = await newPage(web, PHONE);
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill(world.judgeA.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shown(page.getByRole('heading', { name: 'Set up your authenticator' }));
    await page.getByRole('button', { name: 'Show the QR code' }).click();
    await shown(page.locator('svg title', { hasText: 'QR code' }).locator('..'));
    const secret = await textOf(page.locator('.totp-secret'));
    expect(await pageProblems(page)).toEqual([]);

    await page.getByLabel('Code').fill('000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    expect(await textOf(page.getByRole('alert'))).toMatch(/code/i);

    await page.getByLabel('Code').fill(codeFor(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await shown(page.getByRole('heading', { name: 'Your authenticator is set up' }));
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    expect(await codes.count()).toBe(10);
    const recoveryCode = (await codes.first().innerText()).trim();
    await page.getByRole('button', { name: 'Continue' }).click();
    await shown(page.getByText('Signed in as JudgeA (Judge)'));
    await context.close();

    const again = await newPage(web, DESKTOP);
    await again.page.goto('/sign-in');
    await again.page.getByLabel('E-mail address').fill(world.judgeA.email);
    await again.page.getByLabel('Password').fill(PASSWORD);
    await again.page.getByRole('button', { name: 'Sign in' }).click();
    // The code of this 30 s step was used to confirm (a code works once): sign in with a recovery code.
    await again.page.getByLabel('Code from your authenticator app').fill(recoveryCode);
    expect(await pageProblems(again.page)).toEqual([]);
    await again.page.getByRole('button', { name: 'Sign in' }).click();
    await shown(again.page.getByText('Signed in as JudgeA (Judge)'));
    await again.context.close();
  });
});
