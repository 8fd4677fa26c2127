/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser.
import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './test-app.js';

/** Debian's Chromium (scripts/ensure-chromium installs it); Playwright's own browser downloads cannot work here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Phone and desktop widths every page is looked at in. */
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

export interface WebTest {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The whole service on its own database, listening on a free port (or `port`), and a headless Chromium. */
export async function startWebTest(overrides: Record<string, string> = {}, port = 0): Promise<WebTest> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium (apt-get install chromium)`);
  if (!existsSync(new URL('../../dist/web/index.html', import.meta.url))) throw new Error('dist/web is missing: run npm run build first');
  // The sweep every 5 s as well as the timers: browser suites are about pages, not about how a duty turned overdue.
  const t = await startTestApp({ DEADLINE_SWEEP_SECONDS: '5', ...overrides });
  await t.app.listen({ port, host: '127.0.0.1' });
  const address = t.app.getHttpServer().address() as { port: number };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    t,
    baseUrl: `http://127.0.0.1:${address.port}`,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** A fresh browser context (no cookies, no storage) with the app's address as base URL. */
export async function newPage(web: WebTest, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await web.browser.newContext({ baseURL: web.baseUrl, viewport, timezoneId: 'America/New_York' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** Violations of serious or critical impact under WCAG 2.1 A and AA, as readable strings (expect them to equal []). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Whether the page scrolls sideways (it must not, at 360 px). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Buttons, fields and navigation links smaller than 44 px in height (inline links in text are exempt, WCAG 2.5.5). */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'button, .usa-button, input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]), select, .usa-nav__link, .usa-checkbox__label, .usa-radio__label';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => el.getBoundingClientRect().height < 44)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('name') || '').trim().slice(0, 40)}" ${Math.round(el.getBoundingClientRect().height)} px`,
      );
  });
}

/** Everything a page must pass: axe, and at phone width no sideways scrolling and big enough targets. */
export async function pageProblems(page: Page): Promise<string[]> {
  const problems = await accessibilityViolations(page);
  const width = page.viewportSize()?.width ?? 0;
  if (width <= 400) {
    if (await scrollsSideways(page)) problems.push(`scrolls sideways at ${width} px`);
    problems.push(...(await smallTouchTargets(page)).map((target) => `touch target under 44 px: ${target}`));
  }
  return problems;
}

/** Signs in through the sign-in page and waits for the home page. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Signed in as').waitFor();
}

/** With SCREENSHOTS set (npm run screenshots), saves a full-page PNG under docs/screenshots for the README. */
export async function screenshotForReadme(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  const dir = new URL('../../docs/screenshots/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/**
 * Waits until the locator's first element is visible (Jest has no Playwright matchers; a
 * locator that never shows fails the test after the page's timeout).
 */
export async function shown(locator: Locator): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible' });
  } catch (error) {
    // What the page showed instead, for the person reading the failure.
    await locator
      .page()
      .screenshot({ path: join(tmpdir(), 'cmfc-web-failure.png'), fullPage: true })
      .catch(() => undefined);
    throw error;
  }
  return locator.first();
}

/** The visible text of the locator's first element, once it shows. */
export async function textOf(locator: Locator): Promise<string> {
  return (await shown(locator)).innerText();
}

/** Whether the element has the keyboard focus. */
export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** Follows an in-app link to `path` without reloading (a reload would sign the person out). */
export async function openInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState({}, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Presses Tab until the focused element matches `matches` (by its accessible text or label), at most `limit` times. */
export async function tabTo(page: Page, matches: RegExp, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : '';
      return `${labelled ?? ''} ${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`.trim();
    });
    if (process.env.DEBUG_TAB) console.log(JSON.stringify(name));
    if (matches.test(name)) return;
  }
  throw new Error(`Tab never reached ${matches}`);
}
