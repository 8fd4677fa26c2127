import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox rows carry their BullMQ job options (attempts, backoff), and a row
 * that BullMQ refuses (not an outage: the row itself is wrong) is retried a
 * few times and then set aside with its error instead of blocking the rows
 * behind it.
 */
export class OutboxDelivery1795400300000 implements MigrationInterface {
  name = 'OutboxDelivery1795400300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN options jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE outbox ADD COLUMN failed_at timestamptz`);
    await q.query(`DROP INDEX ix_outbox_unpublished`);
    await q.query(`CREATE INDEX ix_outbox_pending ON outbox (created_at) WHERE published_at IS NULL AND failed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_outbox_pending`);
    await q.query(`CREATE INDEX ix_outbox_unpublished ON outbox (created_at) WHERE published_at IS NULL`);
    await q.query(`ALTER TABLE outbox DROP COLUMN failed_at`);
    await q.query(`ALTER TABLE outbox DROP COLUMN options`);
  }
}
