import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Directory (courts, agencies, users, API keys), cases with their children,
 * placements and photos, the append-only audit chain, idempotency keys and the
 * transactional outbox.
 */
export class Foundation1795400000000 implements MigrationInterface {
  name = 'Foundation1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE courts (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        state char(2) NOT NULL,
        county text NOT NULL,
        timezone text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE court_closures (
        id uuid PRIMARY KEY,
        court_id uuid NOT NULL REFERENCES courts(id),
        date date NOT NULL,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_court_closures_court_date UNIQUE (court_id, date)
      )`);
    await q.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CHILD_WELFARE', 'JUVENILE_JUSTICE', 'PLACEMENT_PROVIDER')),
        state char(2) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('ADMIN', 'JUDGE', 'CLERK', 'AGENCY')),
        court_id uuid REFERENCES courts(id),
        agency_id uuid REFERENCES agencies(id),
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_users_tenant CHECK (
          (role IN ('JUDGE', 'CLERK') AND court_id IS NOT NULL AND agency_id IS NULL)
          OR (role = 'AGENCY' AND agency_id IS NOT NULL AND court_id IS NULL)
          OR (role = 'ADMIN' AND court_id IS NULL AND agency_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_users_email ON users (lower(email))`);
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        name text NOT NULL,
        prefix text NOT NULL,
        key_hash text NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CONSTRAINT uq_api_keys_prefix UNIQUE (prefix)
      )`);
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        court_id uuid NOT NULL REFERENCES courts(id),
        docket_number text NOT NULL,
        case_type text NOT NULL CHECK (case_type IN ('DEPENDENCY', 'DELINQUENCY')),
        judge_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_cases_court_docket UNIQUE (court_id, docket_number)
      )`);
    await q.query(`CREATE INDEX ix_cases_court_created ON cases (court_id, created_at, id)`);
    await q.query(`
      CREATE TABLE children (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        court_id uuid NOT NULL REFERENCES courts(id),
        first_name text NOT NULL,
        middle_name text,
        last_name text NOT NULL,
        date_of_birth date NOT NULL,
        sex text CHECK (sex IN ('F', 'M', 'X')),
        height_inches numeric(5, 1),
        weight_pounds numeric(5, 1),
        hair_color text,
        eye_color text,
        identifying_marks text[] NOT NULL DEFAULT '{}',
        wears_glasses boolean,
        has_braces boolean,
        risk_factors text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_children_case UNIQUE (case_id)
      )`);
    await q.query(`CREATE INDEX ix_children_court ON children (court_id)`);
    await q.query(`
      CREATE TABLE placements (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        child_id uuid NOT NULL REFERENCES children(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        placement_type text NOT NULL CHECK (placement_type IN ('FOSTER_HOME', 'KINSHIP', 'GROUP_HOME', 'RESIDENTIAL', 'DETENTION', 'OTHER')),
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        caseworker_name text,
        caseworker_email text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_placements_current_child ON placements (child_id) WHERE ended_at IS NULL`);
    await q.query(`CREATE INDEX ix_placements_agency_child ON placements (agency_id, child_id)`);
    await q.query(`CREATE INDEX ix_placements_child ON placements (child_id, started_at DESC)`);
    await q.query(`
      CREATE TABLE photos (
        id uuid PRIMARY KEY,
        child_id uuid NOT NULL REFERENCES children(id),
        taken_at timestamptz NOT NULL,
        content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
        sha256 char(64) NOT NULL,
        byte_size integer NOT NULL,
        uploaded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_photos_child_taken ON photos (child_id, taken_at DESC)`);

    await q.query(`
      CREATE TABLE audit_events (
        seq bigint PRIMARY KEY,
        id uuid NOT NULL,
        at timestamptz NOT NULL,
        actor_id uuid,
        actor_role text,
        action text NOT NULL,
        outcome text NOT NULL,
        entity_type text,
        entity_id uuid,
        court_id uuid,
        request_id text,
        details jsonb NOT NULL DEFAULT '{}',
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        CONSTRAINT uq_audit_events_id UNIQUE (id)
      )`);
    await q.query(`CREATE INDEX ix_audit_events_entity ON audit_events (entity_type, entity_id, seq)`);
    await q.query(`CREATE INDEX ix_audit_events_court ON audit_events (court_id, seq)`);
    await q.query(`CREATE TABLE audit_head (id smallint PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, hash char(64) NOT NULL)`);
    await q.query(`INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64))`);
    // The log is append-only: the database itself refuses to rewrite history.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TRIGGER tr_audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        owner_id uuid NOT NULL,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        request_hash char(64) NOT NULL,
        status text NOT NULL CHECK (status IN ('RUNNING', 'DONE')),
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (owner_id, key)
      )`);
    await q.query(`CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at)`);

    await q.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY,
        queue text NOT NULL,
        job_name text NOT NULL,
        job_id text NOT NULL,
        payload jsonb NOT NULL,
        run_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX ix_outbox_unpublished ON outbox (created_at) WHERE published_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'outbox',
      'idempotency_keys',
      'audit_head',
      'audit_events',
      'photos',
      'placements',
      'children',
      'cases',
      'api_keys',
      'users',
      'agencies',
      'court_closures',
      'courts',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_events_append_only()`);
  }
}
