import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain moves from plain SHA-256 to HMAC-SHA-256 keyed by
 * AUDIT_HMAC_KEY. Each row says which it is: the rows already written keep
 * version 1 (and are verified as they were made); the application writes only
 * version 2, and seals a log that ends in version 1 rows with a keyed event at
 * its next start. No default: a writer that does not know the versions cannot
 * append.
 */
export class AuditHmac1795950000000 implements MigrationInterface {
  name = 'AuditHmac1795950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events ADD COLUMN chain_version smallint NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE audit_events ALTER COLUMN chain_version DROP DEFAULT`);
    await q.query(`ALTER TABLE audit_events ADD CONSTRAINT ck_audit_events_chain_version CHECK (chain_version IN (1, 2))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP COLUMN chain_version`);
  }
}
