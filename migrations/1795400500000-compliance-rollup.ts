import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compliance counts kept current by statement-level triggers on obligations,
 * so the summary reads a few thousand rows instead of scanning a million:
 * per court, agency, day of discovery (court time zone) and obligation type,
 * how many are on time, late, overdue, open and waived; and, for the
 * law-enforcement and NCMEC reports, a histogram of hours from discovery to
 * the report in tenths of an hour (for the medians).
 */
export class ComplianceRollup1795400500000 implements MigrationInterface {
  name = 'ComplianceRollup1795400500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE compliance_daily (
        court_id uuid NOT NULL,
        agency_id uuid,
        day date NOT NULL,
        type text NOT NULL,
        total integer NOT NULL DEFAULT 0,
        on_time integer NOT NULL DEFAULT 0,
        late integer NOT NULL DEFAULT 0,
        overdue integer NOT NULL DEFAULT 0,
        open integer NOT NULL DEFAULT 0,
        waived integer NOT NULL DEFAULT 0,
        CONSTRAINT uq_compliance_daily UNIQUE NULLS NOT DISTINCT (court_id, day, type, agency_id)
      )`);
    await q.query(`
      CREATE TABLE compliance_report_hours (
        court_id uuid NOT NULL,
        agency_id uuid,
        day date NOT NULL,
        type text NOT NULL,
        tenths integer NOT NULL,
        n integer NOT NULL DEFAULT 0,
        CONSTRAINT uq_compliance_report_hours UNIQUE NULLS NOT DISTINCT (court_id, day, type, agency_id, tenths)
      )`);
    for (const op of ['insert', 'update', 'delete'] as const) {
      await q.query(triggerFunction(op));
      const transition =
        op === 'insert'
          ? 'NEW TABLE AS new_rows'
          : op === 'delete'
            ? 'OLD TABLE AS old_rows'
            : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`
        CREATE TRIGGER tr_obligations_rollup_${op} AFTER ${op.toUpperCase()} ON obligations
        REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION compliance_rollup_${op}()`);
    }
    // Whatever is already there.
    await q.query(apply(`SELECT o.*, 1 AS sign FROM obligations o`));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER IF EXISTS tr_obligations_rollup_${op} ON obligations`);
      await q.query(`DROP FUNCTION IF EXISTS compliance_rollup_${op}()`);
    }
    await q.query(`DROP TABLE IF EXISTS compliance_report_hours`);
    await q.query(`DROP TABLE IF EXISTS compliance_daily`);
  }
}

/** Category of an obligation in the summary. */
const CATEGORY = `CASE WHEN c.status = 'SATISFIED' AND c.on_time THEN 'on_time' WHEN c.status = 'SATISFIED' THEN 'late'
                       WHEN c.status = 'OVERDUE' THEN 'overdue' WHEN c.status = 'WAIVED' THEN 'waived' ELSE 'open' END`;

/**
 * Adds the rows of `changes` (obligation rows with a `sign`, +1 or -1) to
 * both tables. Groups are written in key order, so concurrent statements
 * lock the same rows in the same order and cannot deadlock; groups whose
 * changes cancel out (an update that moved no count) are not written at all.
 */
function apply(changes: string): string {
  const sum = (category: string) => `coalesce(sum(c.sign) FILTER (WHERE ${CATEGORY} = '${category}'), 0)`;
  return `
    WITH c AS (${changes}),
    daily AS (
      INSERT INTO compliance_daily AS d (court_id, agency_id, day, type, total, on_time, late, overdue, open, waived)
      SELECT c.court_id, c.agency_id, (c.episode_discovered_at AT TIME ZONE co.timezone)::date AS day, c.type,
             sum(c.sign), ${sum('on_time')}, ${sum('late')}, ${sum('overdue')}, ${sum('open')}, ${sum('waived')}
        FROM c JOIN courts co ON co.id = c.court_id
       GROUP BY c.court_id, c.agency_id, 3, c.type
      HAVING sum(c.sign) <> 0 OR ${sum('on_time')} <> 0 OR ${sum('late')} <> 0 OR ${sum('overdue')} <> 0 OR ${sum('open')} <> 0 OR ${sum('waived')} <> 0
       ORDER BY c.court_id, 3, c.type, c.agency_id
      ON CONFLICT ON CONSTRAINT uq_compliance_daily DO UPDATE
         SET total = d.total + EXCLUDED.total, on_time = d.on_time + EXCLUDED.on_time, late = d.late + EXCLUDED.late,
             overdue = d.overdue + EXCLUDED.overdue, open = d.open + EXCLUDED.open, waived = d.waived + EXCLUDED.waived
      RETURNING 1)
    INSERT INTO compliance_report_hours AS h (court_id, agency_id, day, type, tenths, n)
    SELECT c.court_id, c.agency_id, (c.episode_discovered_at AT TIME ZONE co.timezone)::date AS day, c.type,
           greatest(-1000000, least(1000000, floor(extract(epoch FROM c.performed_at - c.episode_discovered_at) / 360)))::int AS tenths,
           sum(c.sign)
      FROM c JOIN courts co ON co.id = c.court_id
     WHERE c.status = 'SATISFIED' AND c.performed_at IS NOT NULL AND c.type IN ('LAW_ENFORCEMENT_REPORT', 'NCMEC_REPORT')
     GROUP BY c.court_id, c.agency_id, 3, c.type, 5
    HAVING sum(c.sign) <> 0
     ORDER BY c.court_id, 3, c.type, c.agency_id, 5
    ON CONFLICT ON CONSTRAINT uq_compliance_report_hours DO UPDATE SET n = h.n + EXCLUDED.n`;
}

function triggerFunction(op: 'insert' | 'update' | 'delete'): string {
  const changes =
    op === 'insert'
      ? `SELECT n.*, 1 AS sign FROM new_rows n`
      : op === 'delete'
        ? `SELECT o.*, -1 AS sign FROM old_rows o`
        : `SELECT o.*, -1 AS sign FROM old_rows o UNION ALL SELECT n.*, 1 AS sign FROM new_rows n`;
  return `
    CREATE FUNCTION compliance_rollup_${op}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${apply(changes)};
      RETURN NULL;
    END $$`;
}
