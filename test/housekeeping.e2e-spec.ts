import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { startTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait.js';
import { seedWorld, type World } from './support/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const HOUR = 3_600_000;
const at = (msFromNow: number) => new Date(Date.now() + msFromNow);

async function session(idHash: string, expiresAt: Date, endedAt: Date | null): Promise<void> {
  await t.db.query(
    `INSERT INTO sessions (id_hash, user_id, csrf_hash, token_version, via, expires_at, ended_at, end_reason)
     VALUES ($1, $2, 'x', 0, 'password', $3, $4, $5)`,
    [idHash, w.clerkA.id, expiresAt, endedAt, endedAt ? 'logout' : null],
  );
}

describe('housekeeping (the maintenance queue, hourly)', () => {
  it('removes signed-out and carried token ids past their expiry and sessions finished over a day ago, and keeps the rest', async () => {
    await t.db.query(`INSERT INTO revoked_tokens (jti, user_id, expires_at) VALUES ('expired', $1, $2), ('live', $1, $3)`, [
      w.clerkA.id,
      at(-HOUR),
      at(HOUR),
    ]);
    await t.db.query(
      `INSERT INTO carried_tokens (jti, user_id, token_version, expires_at) VALUES ('carried-expired', $1, 1, $2), ('carried-live', $1, 1, $3)`,
      [w.clerkA.id, at(-HOUR), at(HOUR)],
    );
    await session('expired-two-days-ago', at(-48 * HOUR), null);
    await session('ended-two-days-ago', at(10 * HOUR), at(-48 * HOUR));
    await session('ended-an-hour-ago', at(10 * HOUR), at(-HOUR)); // still tells its browser why it ended
    await session('open', at(10 * HOUR), null);

    const queue = t.app.get<Queue>(getQueueToken('maintenance'), { strict: false });
    const job = await queue.add('housekeeping', {});
    await waitFor(async () => (await queue.getJobState(job.id!)) === 'completed', 30_000);
    const done = await queue.getJob(job.id!);
    expect(done?.returnvalue).toMatchObject({ revokedTokens: 1, carriedTokens: 1, sessions: 2 });

    const jtis = (await t.db.query(`SELECT jti FROM revoked_tokens ORDER BY jti`)) as Array<{ jti: string }>;
    expect(jtis.map((r) => r.jti)).toEqual(['live']);
    const carried = (await t.db.query(`SELECT jti FROM carried_tokens ORDER BY jti`)) as Array<{ jti: string }>;
    expect(carried.map((r) => r.jti)).toEqual(['carried-live']);
    const sessions = (await t.db.query(`SELECT id_hash FROM sessions WHERE user_id = $1 ORDER BY id_hash`, [w.clerkA.id])) as Array<{
      id_hash: string;
    }>;
    expect(sessions.map((r) => r.id_hash)).toEqual(expect.arrayContaining(['ended-an-hour-ago', 'open']));
    expect(sessions.map((r) => r.id_hash)).not.toEqual(expect.arrayContaining(['expired-two-days-ago']));
    expect(sessions.map((r) => r.id_hash)).not.toEqual(expect.arrayContaining(['ended-two-days-ago']));
  });
});
