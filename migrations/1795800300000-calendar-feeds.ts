import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One secret calendar-subscription URL per judge or clerk: only the SHA-256
 * of its token is kept, so the table cannot be turned back into URLs; asking
 * for a new one replaces the row, and the old URL stops working.
 */
export class CalendarFeeds1795800300000 implements MigrationInterface {
  name = 'CalendarFeeds1795800300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_feeds (
        user_id uuid PRIMARY KEY REFERENCES users(id),
        court_id uuid NOT NULL REFERENCES courts(id),
        token_sha256 char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_calendar_feeds_token UNIQUE (token_sha256)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS calendar_feeds`);
  }
}
