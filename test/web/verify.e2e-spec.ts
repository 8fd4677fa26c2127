import type { Page } from 'playwright-core';
import { newPage, pageProblems, PHONE, shown, signIn, startWebTest, textOf, type WebTest } from '../support/browser.js';
import { PASSWORD, seedWorld, type World } from '../support/world.js';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

/** Drops a file onto the page's drop zone as a person dragging it from a folder would. */
async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const transfer = new DataTransfer();
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([data], name, { type: 'application/pdf' }));
      return transfer;
    },
    { name, base64: bytes.toString('base64') },
  );
  await page.locator('[data-testid="file-input-droptarget"]').dispatchEvent('drop', { dataTransfer });
}

describe('web: public order verification (/verify)', () => {
  let web: WebTest;
  let world: World;
  let page: Page;
  let pdf: Buffer;
  let order: { orderNumber: string; verificationCode: string };

  beforeAll(async () => {
    web = await startWebTest();
    world = await seedWorld(web.t);
    const draft = await web.t.http
      .post('/api/v1/orders')
      .set(world.judgeA.auth)
      .send({ kind: 'INDIVIDUAL', courtId: world.courtA, caseId: world.caseA.id })
      .expect(201);
    order = (
      await web.t.http
        .post(`/api/v1/orders/${draft.body.id as string}/sign`)
        .set(world.judgeA.auth)
        .expect(200)
    ).body;
    const res = await web.t.http
      .get(`/api/v1/orders/${draft.body.id as string}/pdf`)
      .set(world.judgeA.auth)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    pdf = res.body as Buffer;
    ({ page } = await newPage(web, PHONE));
  });
  afterAll(() => web.close());

  it('a genuine PDF, chosen without signing in: genuine, with the order number, status and court; passes axe at 360 px', async () => {
    await page.goto('/verify');
    await shown(page.getByRole('heading', { name: 'Verify a court order' }));
    expect(await pageProblems(page)).toEqual([]);
    await page.getByLabel("The order's PDF").setInputFiles({ name: 'order.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Check the PDF' }).click();
    await shown(page.getByRole('heading', { name: 'Genuine order' }));
    const result = await textOf(page.locator('.verification-result'));
    expect(result).toContain(order.orderNumber);
    expect(result).toContain('Signed, in force');
    expect(result).toContain('Court A');
    expect(await pageProblems(page)).toEqual([]);
  });

  it('a PDF changed by one byte, dropped on the page: not genuine', async () => {
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('IT IS SO ORDERED') > 0 ? tampered.indexOf('IT IS SO ORDERED') : Math.floor(tampered.length / 2);
    tampered[at] = tampered[at] === 0x20 ? 0x21 : 0x20;
    await dropFile(page, 'tampered.pdf', tampered);
    await page.getByRole('button', { name: 'Check the PDF' }).click();
    await shown(page.getByRole('heading', { name: 'Not a genuine order' }));
    expect(await textOf(page.locator('.verification-result'))).toContain('tampered.pdf');
    expect(await page.locator('.verification-result').innerText()).not.toContain(order.orderNumber);
    expect(await pageProblems(page)).toEqual([]);
  });

  it('the code typed as a person would (lower case, no dash) is genuine; the link printed on the order checks at once', async () => {
    await page.getByLabel('Verification code', { exact: true }).fill(order.verificationCode.replace('-', '').toLowerCase());
    await page.getByRole('button', { name: 'Check the code' }).click();
    await shown(page.getByRole('heading', { name: 'Genuine order' }));
    expect(await textOf(page.locator('.verification-result'))).toContain(order.orderNumber);

    await page.goto(`/verify?code=${order.verificationCode}`);
    await shown(page.getByRole('heading', { name: 'Genuine order' }));
    expect(await page.getByLabel('Verification code', { exact: true }).inputValue()).toBe(order.verificationCode);

    await page.getByLabel('Verification code', { exact: true }).fill('ZZZZZ-ZZZZZ');
    await page.getByRole('button', { name: 'Check the code' }).click();
    await shown(page.getByRole('heading', { name: 'Not a genuine order' }));
  });

  it('who may not: nothing about the child is shown, to the public or to a signed-in person', async () => {
    const other = await newPage(web, PHONE);
    await signIn(other.page, world.agency2User.email, PASSWORD);
    await other.page.goto(`/verify?code=${order.verificationCode}`);
    await shown(other.page.getByRole('heading', { name: 'Genuine order' }));
    for (const shownTo of [page, other.page]) {
      await shownTo.goto(`/verify?code=${order.verificationCode}`);
      await shown(shownTo.getByRole('heading', { name: 'Genuine order' }));
      const text = await shownTo.locator('main').innerText();
      for (const childData of ['Jamie', 'Doe', 'J. D.', 'J.D.', 'A-0001', '2011', 'butterfly']) expect(text).not.toContain(childData);
    }
    await other.context.close();
  });

  it('bad input: a code too long and a file that is not a PDF are refused beside their fields, and announced', async () => {
    await page.goto('/verify');
    await page.getByLabel('Verification code', { exact: true }).fill('X'.repeat(30));
    await page.getByRole('button', { name: 'Check the code' }).click();
    await shown(page.getByRole('alert').filter({ hasText: /code/ }));
    expect(await textOf(page.locator('#verification-code-error'))).toMatch(/code/);
    expect(await page.locator('#verification-code').getAttribute('aria-invalid')).toBe('true');
    expect(await pageProblems(page)).toEqual([]);

    await page.getByLabel("The order's PDF").setInputFiles(fixture('plain.png'));
    await page.getByRole('button', { name: 'Check the PDF' }).click();
    expect(await textOf(page.locator('#order-file-error'))).toMatch(/PDF/);
    expect(await page.locator('#verification-code-error').count()).toBe(0);
    expect(await pageProblems(page)).toEqual([]);
  });
});
