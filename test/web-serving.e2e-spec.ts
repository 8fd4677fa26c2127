import { startTestApp, type TestApp } from './support/test-app.js';

describe('serving the web app at /', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each(['/', '/verify', '/episodes/4b0f8f3e-1d52-4d39-9f59-2b0f3c1f2a11', '/orders/new?caseId=x', '/account', '/notifications'])(
    'answers %s with index.html under a CSP without inline scripts',
    async (path) => {
      const res = await t.http.get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.headers['cache-control']).toBe('no-cache');
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
    },
  );

  it('serves the hashed assets named by index.html, cached for good', async () => {
    const html = (await t.http.get('/').expect(200)).text;
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const res = await t.http.get(script!).expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it.each([
    '/api/v1/nope',
    '/api/v1',
    '/health/nope',
    '/docs/nope',
    '/calendar/x.ics',
    '/admin/queues/nope/x',
    '/assets/missing.js',
    '/favicon.ico',
    '/no-such-page',
  ])('never answers a path of the service, or no page of the app (%s), with the app', async (path) => {
    const res = await t.http.get(path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.text).not.toContain('<div id="root"></div>');
  });

  it('keeps the service paths: problem+json 404 under /api, /health, /docs', async () => {
    const missing = await t.http.get('/api/v1/nope').expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.http.get('/health').expect(200);
    const docs = await t.http.get('/docs-json').expect(200);
    expect(docs.body.openapi).toBeDefined();
  });

  it('leaves the router’s own answers to the service’s paths (414 for an id too long)', async () => {
    const res = await t.http.get(`/api/v1/children/${'a'.repeat(5000)}`);
    expect(res.status).toBe(414);
  });

  it('does not serve the app for other methods', async () => {
    const answer = await t.http.post('/verify').expect(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
