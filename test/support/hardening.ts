import { readdirSync } from 'node:fs';
import type { TestApp } from './test-app.js';
import { createCase, type SeededUser, type World } from './world.js';

export const hoursAgo = (h: number): string => new Date(Date.now() - h * 3_600_000).toISOString();

let docket = 0;

/**
 * A new case in court A placed with agency 1 and an episode opened on it by
 * the agency (missing three hours, found out two hours ago), optionally
 * recovered an hour ago. Answers the episode's id and its obligations' ids by type.
 */
export async function openEpisode(
  t: TestApp,
  w: World,
  options: { recovered?: boolean; by?: SeededUser } = {},
): Promise<{ episodeId: string; childId: string; obligations: Record<string, string> }> {
  const c = await createCase(t, w.clerkA, w.courtA, w.judgeA.id, `HX-${process.pid}-${(docket += 1)}`, w.agency1);
  const by = options.by ?? w.agency1User;
  const opened = await t.http
    .post('/api/v1/episodes')
    .set(by.auth)
    .send({ childId: c.childId, missingSince: hoursAgo(3), discoveredAt: hoursAgo(2) })
    .expect(201);
  let body = opened.body as { id: string; obligations: Array<{ id: string; type: string }> };
  if (options.recovered) {
    body = (
      await t.http
        .post(`/api/v1/episodes/${body.id}/recovery`)
        .set(by.auth)
        .send({ recoveredAt: hoursAgo(1), recoveryLocation: 'Home' })
        .expect(200)
    ).body;
  }
  return { episodeId: body.id, childId: c.childId, obligations: Object.fromEntries(body.obligations.map((o) => [o.type, o.id])) };
}

/** The names of the files under a storage directory (none when it does not exist yet). */
export function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch {
    return [];
  }
}
