import type { TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait.js';
import type { World } from '../support/world.js';

export const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/**
 * Jamie Doe (case A) reported missing by agency 1, discovered 25 hours ago: the 24-hour duties
 * are overdue (waited for) and a hearing is requested. Returns the episode's id.
 */
export async function overdueEpisode(t: TestApp, world: World): Promise<string> {
  const episode = await t.http
    .post('/api/v1/episodes')
    .set(world.agency1User.auth)
    .send({ childId: world.caseA.childId, missingSince: hoursAgo(26), discoveredAt: hoursAgo(25) })
    .expect(201);
  const id = episode.body.id as string;
  await waitFor(async () => {
    const res = await t.http.get(`/api/v1/episodes/${id}`).set(world.clerkA.auth).expect(200);
    return res.body.obligations.filter((o: { status: string }) => o.status === 'OVERDUE').length >= 2;
  }, 60_000);
  return id;
}
