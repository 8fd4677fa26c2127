import { spawn, type ChildProcess } from 'node:child_process';
import { waitFor } from './wait.js';

const SCRIPT = new URL('./oidc-provider.mjs', import.meta.url).pathname;

export interface TestProvider {
  issuer: string;
  stop(): Promise<void>;
}

/** Starts oidc-provider (test/support/oidc-provider.mjs) on `port`, with one client and these accounts. */
export async function startOidcProvider(options: {
  port: number;
  client: { client_id: string; client_secret: string; redirect_uris: string[] };
  accounts: Record<string, { email: string; email_verified: boolean }>;
}): Promise<TestProvider> {
  const child: ChildProcess = spawn(process.execPath, [SCRIPT], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      OIDC_TEST_PORT: String(options.port),
      OIDC_TEST_CLIENT: JSON.stringify(options.client),
      OIDC_TEST_ACCOUNTS: JSON.stringify(options.accounts),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const issuer = `http://127.0.0.1:${options.port}`;
  await waitFor(async () => (await fetch(`${issuer}/.well-known/openid-configuration`).catch(() => null))?.ok, 30_000);
  return {
    issuer,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Cookies per origin, as a browser keeps them (enough of it for these flows: no paths, no expiry but Max-Age=0). */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.byOrigin.get(url.origin) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(origin: string, name: string): string | undefined {
    return this.byOrigin.get(origin)?.get(name);
  }

  store(url: URL, response: Response): void {
    const cookies = this.byOrigin.get(url.origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair.split('=');
      if (attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value.join('=') === '') cookies.delete(name.trim());
      else cookies.set(name.trim(), value.join('='));
    }
    this.byOrigin.set(url.origin, cookies);
  }
}

export interface ProviderLogin {
  /** The account at the provider (its `sub`). */
  sub: string;
  /** The `amr` the provider reports. */
  amr: string[];
  /** Changes a redirect's target before it is followed (to tamper with state or nonce). */
  rewrite?: (url: URL) => URL;
}

/**
 * Follows real redirects from `start` the way a browser does, with a cookie jar, signing in at the
 * provider's login form on the way, until an answer that is not a redirect, or a redirect to `stopAt`.
 * The trail of URLs visited is returned with the last answer.
 */
export async function followSignIn(
  start: URL,
  jar: CookieJar,
  login: ProviderLogin,
  stopAt: string,
): Promise<{ response: Response; url: URL; trail: URL[] }> {
  let url = start;
  const trail: URL[] = [];
  for (let hop = 0; hop < 20; hop += 1) {
    trail.push(url);
    let response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url) } });
    jar.store(url, response);
    if (response.status === 200 && /^\/interaction\//.test(url.pathname)) {
      await response.arrayBuffer();
      response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: jar.header(url), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ sub: login.sub, amr: login.amr.join(',') }).toString(),
      });
      jar.store(url, response);
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { response, url, trail };
    const next = new URL(location, url);
    if (next.href === stopAt) return { response, url, trail: [...trail, next] };
    await response.arrayBuffer();
    url = login.rewrite ? login.rewrite(next) : next;
  }
  throw new Error(`more than 20 redirects from ${start.href}`);
}
