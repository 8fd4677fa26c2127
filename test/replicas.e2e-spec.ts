import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '../src/common/config/app-config.js';
import { binary, fixture, sha256 } from './support/files.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, cleanUp, createTestDatabase, testEnv } from './support/test-app.js';
import { freePort, waitFor } from './support/wait.js';

/*
 * Two API replicas and a worker, each its own `node dist/main.js` process with
 * its own data and storage directories (as on three hosts), on one database
 * with STORAGE_DRIVER=postgres: a photo uploaded through one replica is
 * served by the other. `npm test` builds first.
 */
const ENTRY = new URL('../dist/main.js', import.meta.url).pathname;
const processes: ChildProcess[] = [];
const directories: string[] = [];
let databaseName: string;
let env: Record<string, string>;
let replicaA: string;
let replicaB: string;

function start(role: 'api' | 'worker', port: number): ChildProcess {
  const dataDir = mkdtempSync(join(tmpdir(), `cmfc-${role}-`));
  directories.push(dataDir);
  const child = spawn(process.execPath, [ENTRY, role], {
    env: { ...process.env, ...env, PORT: String(port), DATA_DIR: dataDir, STORAGE_DIR: join(dataDir, 'files') },
    stdio: 'ignore',
  });
  processes.push(child);
  return child;
}

async function ready(base: string): Promise<void> {
  await waitFor(async () => (await fetch(`${base}/health`).catch(() => null))?.ok, 60_000);
}

beforeAll(async () => {
  if (!existsSync(ENTRY)) throw new Error('dist/main.js is missing: run `npm run build` (npm test does)');
  databaseName = await createTestDatabase();
  env = testEnv(databaseName, { STORAGE_DRIVER: 'postgres', MFA_REQUIRED_ROLES: '' });
  directories.push(env.DATA_DIR);
  const [portA, portB] = [await freePort(), await freePort()];
  replicaA = `http://127.0.0.1:${portA}`;
  replicaB = `http://127.0.0.1:${portB}`;
  start('api', portA);
  await ready(replicaA);
  start('api', portB);
  start('worker', 0);
  await ready(replicaB);
});

afterAll(async () => {
  await Promise.all(
    processes.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve(null);
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
  if (databaseName) await cleanUp(loadConfig(env), databaseName);
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

/** Signs in on a replica: the Authorization header of the user. */
async function signIn(base: string, email: string, password: string): Promise<Record<string, string>> {
  const res = await request(base).post('/api/v1/auth/token').send({ email, password }).expect(200);
  return { Authorization: `Bearer ${res.body.accessToken as string}` };
}

describe('two API replicas on separate disks, files in PostgreSQL', () => {
  it('serve a photo uploaded through one replica from the other, byte for byte', async () => {
    const a = request(replicaA);
    const admin = await signIn(replicaA, ADMIN_EMAIL, ADMIN_PASSWORD);
    const court = await a
      .post('/api/v1/courts')
      .set(admin)
      .send({ name: 'Replica Court', state: 'TX', county: 'Travis', timezone: 'America/Chicago' })
      .expect(201);
    const password = 'replica-password-2026';
    const user = async (email: string, role: 'JUDGE' | 'CLERK') =>
      (await a.post('/api/v1/users').set(admin).send({ email, name: role, password, role, courtId: court.body.id }).expect(201)).body as {
        id: string;
      };
    const judge = await user('judge@replica.test', 'JUDGE');
    await user('clerk@replica.test', 'CLERK');
    const clerkOnA = await signIn(replicaA, 'clerk@replica.test', password);
    const theCase = await a
      .post('/api/v1/cases')
      .set(clerkOnA)
      .send({
        courtId: court.body.id,
        docketNumber: 'R-0001',
        caseType: 'DEPENDENCY',
        judgeId: judge.id,
        child: { firstName: 'Jamie', lastName: 'Doe', dateOfBirth: '2011-04-17' },
      })
      .expect(201);
    const uploaded = await a
      .post(`/api/v1/children/${theCase.body.child.id as string}/photos`)
      .set(clerkOnA)
      .field('takenAt', '2026-02-20T15:00:00-06:00')
      .attach('file', fixture('gps.jpg'), 'photo.jpg')
      .expect(201);

    const clerkOnB = await signIn(replicaB, 'clerk@replica.test', password);
    const served = await request(replicaB)
      .get(`/api/v1/photos/${uploaded.body.id as string}`)
      .set(clerkOnB)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(sha256(served.body as Buffer)).toBe(uploaded.body.sha256);
  });
});
