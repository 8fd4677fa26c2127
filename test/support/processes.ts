import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/common/config/app-config.js';
import { cleanUp, createTestDatabase, testEnv } from './test-app.js';
import { freePort, waitFor } from './wait.js';

const ENTRY = new URL('../../dist/main.js', import.meta.url).pathname;

/**
 * Real `node dist/main.js` processes on one test database and queue prefix, each with its own data
 * directory (as on separate hosts). `npm test` builds first.
 */
export class ServiceProcesses {
  readonly env: Record<string, string>;
  private readonly children: ChildProcess[] = [];
  private readonly directories: string[] = [];

  private constructor(
    private readonly databaseName: string,
    overrides: Record<string, string>,
  ) {
    this.env = testEnv(databaseName, overrides);
    this.directories.push(this.env.DATA_DIR);
  }

  static async create(overrides: Record<string, string> = {}): Promise<ServiceProcesses> {
    if (!existsSync(ENTRY)) throw new Error('dist/main.js is missing: run `npm run build` (npm test does)');
    return new ServiceProcesses(await createTestDatabase(), overrides);
  }

  /** Starts one process; for `api`, resolves with its base URL once /health answers. */
  async start(role: 'api' | 'worker', extra: Record<string, string> = {}): Promise<string> {
    const port = role === 'api' ? await freePort() : 0;
    const dataDir = mkdtempSync(join(tmpdir(), `cmfc-${role}-`));
    this.directories.push(dataDir);
    const child = spawn(process.execPath, [ENTRY, role], {
      env: { ...process.env, ...this.env, PORT: String(port), DATA_DIR: dataDir, STORAGE_DIR: join(dataDir, 'files'), ...extra },
      stdio: 'ignore',
    });
    this.children.push(child);
    const base = `http://127.0.0.1:${port}`;
    if (role === 'api') await waitFor(async () => (await fetch(`${base}/health`).catch(() => null))?.ok, 60_000);
    return base;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null) return resolve(null);
            child.once('exit', resolve);
            child.kill('SIGTERM');
          }),
      ),
    );
    await cleanUp(loadConfig(this.env), this.databaseName);
    for (const dir of this.directories) rmSync(dir, { recursive: true, force: true });
  }
}
