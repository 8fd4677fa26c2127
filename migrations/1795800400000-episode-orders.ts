import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders drafted from an episode: an order to show cause (the agency's
 * overdue duties) and an order continuing jurisdiction past the 18th
 * birthday. Each is an order in the child's case that names its episode and
 * keeps the findings it was drafted with (what the judge previewed is what is
 * signed). Neither ever sets an episode's deadlines (see applicable-order.ts).
 */
export class EpisodeOrders1795800400000 implements MigrationInterface {
  name = 'EpisodeOrders1795800400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE orders ADD COLUMN episode_id uuid REFERENCES episodes(id), ADD COLUMN findings jsonb`);
    await q.query(`ALTER TABLE orders DROP CONSTRAINT orders_kind_check, DROP CONSTRAINT ck_orders_kind_scope`);
    await q.query(`
      ALTER TABLE orders
        ADD CONSTRAINT ck_orders_kind CHECK (kind IN ('INDIVIDUAL', 'STANDING', 'SHOW_CAUSE', 'CONTINUING_JURISDICTION')),
        ADD CONSTRAINT ck_orders_kind_scope CHECK (
          (kind = 'INDIVIDUAL' AND case_id IS NOT NULL AND agency_ids IS NULL AND episode_id IS NULL)
          OR (kind = 'STANDING' AND case_id IS NULL AND episode_id IS NULL)
          OR (kind IN ('SHOW_CAUSE', 'CONTINUING_JURISDICTION') AND case_id IS NOT NULL AND agency_ids IS NULL
              AND episode_id IS NOT NULL AND findings IS NOT NULL))`);
    await q.query(`CREATE INDEX ix_orders_episode ON orders (episode_id) WHERE episode_id IS NOT NULL`);
    await q.query(`ALTER TABLE order_counters DROP CONSTRAINT order_counters_kind_check`);
    await q.query(
      `ALTER TABLE order_counters ADD CONSTRAINT ck_order_counters_kind CHECK (kind IN ('INDIVIDUAL', 'STANDING', 'SHOW_CAUSE', 'CONTINUING_JURISDICTION'))`,
    );
    // The findings are frozen with the rest of a signed order.
    await q.query(`
      CREATE FUNCTION orders_findings_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'DRAFT' AND (NEW.findings IS DISTINCT FROM OLD.findings OR NEW.episode_id IS DISTINCT FROM OLD.episode_id) THEN
          RAISE EXCEPTION 'a signed order is frozen';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_orders_findings_frozen BEFORE UPDATE ON orders
      FOR EACH ROW EXECUTE FUNCTION orders_findings_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS tr_orders_findings_frozen ON orders`);
    await q.query(`DROP FUNCTION IF EXISTS orders_findings_frozen()`);
    await q.query(`DELETE FROM order_counters WHERE kind IN ('SHOW_CAUSE', 'CONTINUING_JURISDICTION')`);
    await q.query(`ALTER TABLE order_counters DROP CONSTRAINT ck_order_counters_kind`);
    await q.query(`ALTER TABLE order_counters ADD CONSTRAINT order_counters_kind_check CHECK (kind IN ('INDIVIDUAL', 'STANDING'))`);
    await q.query(`DROP INDEX IF EXISTS ix_orders_episode`);
    await q.query(`ALTER TABLE orders DROP CONSTRAINT ck_orders_kind_scope, DROP CONSTRAINT ck_orders_kind`);
    await q.query(`
      ALTER TABLE orders
        ADD CONSTRAINT orders_kind_check CHECK (kind IN ('INDIVIDUAL', 'STANDING')),
        ADD CONSTRAINT ck_orders_kind_scope CHECK (
          (kind = 'INDIVIDUAL' AND case_id IS NOT NULL AND agency_ids IS NULL) OR (kind = 'STANDING' AND case_id IS NULL))`);
    await q.query(`ALTER TABLE orders DROP COLUMN findings, DROP COLUMN episode_id`);
  }
}
