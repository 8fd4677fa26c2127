import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './support/wait.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, cleanUp, createTestDatabase, testEnv } from './support/test-app.js';
import { loadConfig } from '../src/common/config/app-config.js';

/** The built service as production runs it (`npm test` builds first). */
const ENTRY = new URL('../dist/main.js', import.meta.url).pathname;

describe('SIGTERM', () => {
  let service: ChildProcess | null = null;
  let env: Record<string, string>;
  let databaseName: string;

  beforeAll(async () => {
    databaseName = await createTestDatabase();
    env = testEnv(databaseName, { PORT: String(await freePort()) });
  });
  afterAll(async () => {
    service?.kill('SIGKILL');
    await cleanUp(loadConfig(env), databaseName);
  });

  it('lets the request in flight finish, then exits cleanly', async () => {
    service = spawn(process.execPath, [ENTRY], { env: { ...process.env, ...env }, stdio: 'ignore' });
    const base = `http://127.0.0.1:${env.PORT}`;
    for (let i = 0; ; i += 1) {
      if (i > 150) throw new Error('the service did not start');
      if (
        await fetch(`${base}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const exited = new Promise<number | null>((resolve) => service!.once('exit', (code) => resolve(code)));
    // A login takes a few hundred milliseconds of scrypt: still running when the signal arrives.
    const login = fetch(`${base}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    await new Promise((r) => setTimeout(r, 50));
    service.kill('SIGTERM');
    const res = await login;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { accessToken: unknown }).accessToken).toEqual(expect.any(String));
    expect(await exited).toBe(0);
    await expect(fetch(`${base}/health`)).rejects.toThrow();
  });
});
