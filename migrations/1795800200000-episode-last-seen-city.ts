import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The city where a missing child was last seen, as its own field: a poster
 * may print the city, never the free-text location (a street address, a
 * group home's name).
 */
export class EpisodeLastSeenCity1795800200000 implements MigrationInterface {
  name = 'EpisodeLastSeenCity1795800200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE episodes ADD COLUMN last_seen_city text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE episodes DROP COLUMN IF EXISTS last_seen_city`);
  }
}
