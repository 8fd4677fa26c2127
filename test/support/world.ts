import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/auth/password-hasher.js';
import type { Role } from '../../src/auth/principal.js';
import { TokenService } from '../../src/auth/token.service.js';
import type { TestApp } from './test-app.js';

export const PASSWORD = 'correct-horse-battery';

export interface SeededUser {
  id: string;
  email: string;
  role: Role;
  courtId: string | null;
  agencyId: string | null;
  token: string;
  auth: { Authorization: string };
}

export interface World {
  courtA: string;
  courtB: string;
  agency1: string;
  agency2: string;
  agency3: string;
  admin: SeededUser;
  judgeA: SeededUser;
  clerkA: SeededUser;
  judgeB: SeededUser;
  clerkB: SeededUser;
  agency1User: SeededUser;
  agency2User: SeededUser;
  agency3User: SeededUser;
  /** A case in court A whose child is placed with agency 1. */
  caseA: { id: string; childId: string };
  /** A case in court B whose child is placed with agency 2. */
  caseB: { id: string; childId: string };
}

let passwordHash: Promise<string> | undefined;

/**
 * Two courts (A and B), three agencies and a user of every role, written
 * straight to the database (the directory endpoints have their own tests);
 * tokens are minted by the service's own TokenService.
 */
export async function seedWorld(t: TestApp): Promise<World> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const tokens = t.app.get(TokenService);
  const courtA = randomUUID();
  const courtB = randomUUID();
  const [agency1, agency2, agency3] = [randomUUID(), randomUUID(), randomUUID()];
  await t.db.query(
    `INSERT INTO courts (id, name, state, county, timezone) VALUES
       ($1, 'Court A', 'TX', 'Travis', 'America/Chicago'), ($2, 'Court B', 'TX', 'Harris', 'America/Chicago')`,
    [courtA, courtB],
  );
  await t.db.query(
    `INSERT INTO agencies (id, name, kind, state) VALUES
       ($1, 'Agency One', 'CHILD_WELFARE', 'TX'), ($2, 'Agency Two', 'JUVENILE_JUSTICE', 'TX'), ($3, 'Agency Three', 'PLACEMENT_PROVIDER', 'TX')`,
    [agency1, agency2, agency3],
  );
  const user = async (name: string, role: Role, courtId: string | null, agencyId: string | null): Promise<SeededUser> => {
    const id = randomUUID();
    const email = `${name.toLowerCase()}@test.court`;
    await t.db.query(`INSERT INTO users (id, email, name, password_hash, role, court_id, agency_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      id,
      email,
      name,
      hash,
      role,
      courtId,
      agencyId,
    ]);
    const token = await tokens.issue({ id, role, courtId, agencyId, tokenVersion: 0, mfa: false });
    return { id, email, role, courtId, agencyId, token, auth: { Authorization: `Bearer ${token}` } };
  };
  const world = {
    courtA,
    courtB,
    agency1,
    agency2,
    agency3,
    admin: await user('Admin2', 'ADMIN', null, null),
    judgeA: await user('JudgeA', 'JUDGE', courtA, null),
    clerkA: await user('ClerkA', 'CLERK', courtA, null),
    judgeB: await user('JudgeB', 'JUDGE', courtB, null),
    clerkB: await user('ClerkB', 'CLERK', courtB, null),
    agency1User: await user('Agency1', 'AGENCY', null, agency1),
    agency2User: await user('Agency2', 'AGENCY', null, agency2),
    agency3User: await user('Agency3', 'AGENCY', null, agency3),
  } as World;
  world.caseA = await createCase(t, world.clerkA, courtA, world.judgeA.id, 'A-0001', agency1);
  world.caseB = await createCase(t, world.clerkB, courtB, world.judgeB.id, 'B-0001', agency2);
  return world;
}

export function childInput(overrides: Record<string, unknown> = {}) {
  return {
    firstName: 'Jamie',
    lastName: 'Doe',
    dateOfBirth: '2011-04-17',
    sex: 'F',
    heightInches: 61,
    weightPounds: 98,
    identifyingMarks: ['butterfly tattoo on left wrist'],
    wearsGlasses: true,
    ...overrides,
  };
}

/** Creates a case through the API and places its child with an agency. */
export async function createCase(
  t: TestApp,
  by: SeededUser,
  courtId: string,
  judgeId: string,
  docketNumber: string,
  agencyId: string | null,
  child: Record<string, unknown> = {},
): Promise<{ id: string; childId: string }> {
  const created = await t.http
    .post('/api/v1/cases')
    .set(by.auth)
    .send({ courtId, docketNumber, caseType: 'DEPENDENCY', judgeId, child: childInput(child) })
    .expect(201);
  if (agencyId) {
    await t.http
      .post(`/api/v1/cases/${created.body.id}/placements`)
      .set(by.auth)
      .send({ agencyId, placementType: 'FOSTER_HOME', startedAt: '2026-01-05T09:00:00-06:00' })
      .expect(201);
  }
  return { id: created.body.id as string, childId: created.body.child.id as string };
}
