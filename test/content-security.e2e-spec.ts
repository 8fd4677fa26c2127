import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from './support/test-app.js';
import { seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? null;

describe('a Content-Security-Policy per route', () => {
  it("allows 'unsafe-inline' under /docs only", async () => {
    const docs = await t.http.get('/docs').redirects(1).expect(200);
    expect(directive(docs.headers['content-security-policy'], 'script-src')).toContain("'unsafe-inline'");
    const paths = ['/api/v1/auth/me', '/health', '/docs-json', '/admin/queues', '/', '/api/v1/nothing-here', '/calendar/x.ics'];
    for (const path of paths) {
      const res = await t.http.get(path);
      const csp = res.headers['content-security-policy'] as string;
      expect({ path, csp: typeof csp }).toEqual({ path, csp: 'string' });
      expect({ path, unsafeInline: csp.includes("'unsafe-inline'") && !path.startsWith('/admin') }).toEqual({ path, unsafeInline: false });
      const scripts = directive(csp, 'script-src');
      if (scripts) expect({ path, scripts }).toEqual({ path, scripts: "script-src 'self'" });
    }
  });

  it('answers of the API load and run nothing', async () => {
    const res = await t.http.get('/api/v1/auth/me').set(w.clerkA.auth).expect(200);
    expect(directive(res.headers['content-security-policy'], 'default-src')).toBe("default-src 'none'");
  });

  it('an order preview allows exactly its own stylesheet (by hash)', async () => {
    const order = await t.http
      .post('/api/v1/orders')
      .set(w.judgeA.auth)
      .send({ kind: 'INDIVIDUAL', courtId: w.courtA, caseId: w.caseA.id })
      .expect(201);
    const preview = await t.http
      .get(`/api/v1/orders/${order.body.id as string}/preview`)
      .set(w.judgeA.auth)
      .expect(200);
    const csp = preview.headers['content-security-policy'] as string;
    const style = /<style>([\s\S]*?)<\/style>/.exec(preview.text)?.[1] ?? '';
    expect(directive(csp, 'style-src')).toBe(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(directive(csp, 'default-src')).toBe("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('seed-demo', () => {
  it('refuses NODE_ENV=production with a clear message, touching nothing', async () => {
    const env = {
      ...t.env,
      NODE_ENV: 'production',
      JWT_SECRET: 'Jq8vX2mR7tLp4Wz9Kd3Ns6Bh1Yf5Gc0Ua',
      AUDIT_HMAC_KEY: 'Au7dH3kM9pQ2wE6rT1yZ5xC8vB4nL0sF',
    };
    const run = promisify(execFile)(process.execPath, ['dist/main.js', 'seed-demo'], { env });
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/seed-demo refuses NODE_ENV=production/) });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE '%@demo.court'`);
    expect(n).toBe(0);
  });
});
