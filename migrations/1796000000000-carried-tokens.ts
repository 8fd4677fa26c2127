import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access token that changed its user's password goes on (the user's other tokens end): it
 * carries the old token version, so its id is kept here with the version it now stands for,
 * until it expires. A later change of the user's version (disabled, a new role or password)
 * leaves it behind like any other token.
 */
export class CarriedTokens1796000000000 implements MigrationInterface {
  name = 'CarriedTokens1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE carried_tokens (
        jti text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        token_version integer NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_carried_tokens_user ON carried_tokens (user_id, expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS carried_tokens`);
  }
}
