import type { TestApp } from './test-app.js';

/** A signed-in browser: its cookies as a `Cookie` header, and the CSRF token it echoes in changes. */
export interface BrowserSession {
  cookie: string;
  csrf: string;
  setCookie: string[];
  body: { user: { id: string; role: string }; mfaEnrolmentRequired: boolean };
}

export function cookiesOf(setCookie: string[] | string | undefined): Record<string, string> {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return Object.fromEntries(list.map((c) => c.split(';')[0].split('=')).map(([name, ...value]) => [name, value.join('=')]));
}

export async function signInBrowser(t: TestApp, email: string, password: string, totp?: string): Promise<BrowserSession> {
  const res = await t.http
    .post('/api/v1/auth/session')
    .send({ email, password, ...(totp ? { totp } : {}) })
    .expect(200);
  const setCookie = res.headers['set-cookie'] as unknown as string[];
  const jar = cookiesOf(setCookie);
  return { cookie: `cmfc_session=${jar.cmfc_session}; cmfc_csrf=${jar.cmfc_csrf}`, csrf: jar.cmfc_csrf, setCookie, body: res.body };
}
