import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity: browser sessions (stored under the SHA-256 of their id), a per-user token version that
 * ends every token and session of a user at once, denied access-token ids (sign-out), disabled
 * users, API-key expiry and last use, TOTP with hashed recovery codes, and OpenID Connect
 * sign-ins in flight.
 */
export class Identity1795700000000 implements MigrationInterface {
  name = 'Identity1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN token_version integer NOT NULL DEFAULT 0,
        ADD COLUMN disabled_at timestamptz,
        ADD COLUMN password_changed_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE INDEX ix_users_role_created ON users (role, created_at, id)`);

    await q.query(`
      CREATE TABLE sessions (
        id_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        csrf_hash text NOT NULL,
        token_version integer NOT NULL,
        mfa boolean NOT NULL DEFAULT false,
        via text NOT NULL CHECK (via IN ('password', 'oidc')),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text CHECK (end_reason IN ('logout', 'expired', 'revoked'))
      )`);
    await q.query(`CREATE INDEX ix_sessions_user_open ON sessions (user_id) WHERE ended_at IS NULL`);
    await q.query(`CREATE INDEX ix_sessions_expires ON sessions (expires_at)`);

    await q.query(`
      CREATE TABLE revoked_tokens (
        jti text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_revoked_tokens_user ON revoked_tokens (user_id, expires_at)`);

    await q.query(`
      ALTER TABLE api_keys
        ADD COLUMN expires_at timestamptz,
        ADD COLUMN last_used_at timestamptz`);
    await q.query(`UPDATE api_keys SET expires_at = created_at + interval '365 days'`);
    await q.query(`ALTER TABLE api_keys ALTER COLUMN expires_at SET NOT NULL`);
    await q.query(`CREATE INDEX ix_api_keys_agency_created ON api_keys (agency_id, created_at, id)`);

    await q.query(`
      CREATE TABLE user_totp (
        user_id uuid PRIMARY KEY REFERENCES users(id),
        secret text NOT NULL,
        enabled_at timestamptz,
        last_step bigint NOT NULL DEFAULT -1,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE mfa_recovery_codes (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        code_hash text NOT NULL,
        used_at timestamptz,
        CONSTRAINT uq_mfa_recovery_codes_hash UNIQUE (user_id, code_hash)
      )`);

    await q.query(`
      CREATE TABLE oidc_sign_ins (
        id_hash text PRIMARY KEY,
        state text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oidc_sign_ins`);
    await q.query(`DROP TABLE mfa_recovery_codes`);
    await q.query(`DROP TABLE user_totp`);
    await q.query(`DROP INDEX ix_api_keys_agency_created`);
    await q.query(`ALTER TABLE api_keys DROP COLUMN expires_at, DROP COLUMN last_used_at`);
    await q.query(`DROP TABLE revoked_tokens`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP INDEX ix_users_role_created`);
    await q.query(
      `ALTER TABLE users DROP COLUMN token_version, DROP COLUMN disabled_at, DROP COLUMN password_changed_at, DROP COLUMN updated_at`,
    );
  }
}
