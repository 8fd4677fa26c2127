import type { Response } from 'supertest';
import type { TestApp } from './test-app.js';

export function expectProblem(res: Response, status: number, field?: string): void {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  if (field) expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
}

/** Everything the orders module writes: an unchanged snapshot means a refused request wrote nothing. */
export async function writes(t: TestApp): Promise<Record<string, unknown>> {
  const [row] = (await t.db.query(`
    SELECT (SELECT md5(coalesce(string_agg(o::text, ',' ORDER BY o.id), '')) FROM orders o) AS orders,
           (SELECT count(*) FROM order_documents) AS documents,
           (SELECT md5(coalesce(string_agg(c::text, ',' ORDER BY c.court_id, c.year, c.kind), '')) FROM order_counters c) AS counters,
           (SELECT count(*) FROM order_templates) AS templates,
           (SELECT count(*) FROM outbox) AS outbox,
           (SELECT count(*) FROM audit_events WHERE action IN ('create', 'update', 'sign', 'vacate')) AS changes`)) as Array<
    Record<string, unknown>
  >;
  return row;
}

/** Runs a request that must be refused and checks that nothing was written. */
export async function refusedWithoutWrites(
  t: TestApp,
  request: () => PromiseLike<Response>,
  status: number,
  field?: string,
): Promise<Response> {
  const before = await writes(t);
  const res = await request();
  expectProblem(res, status, field);
  expect(await writes(t)).toEqual(before);
  return res;
}
