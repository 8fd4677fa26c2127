import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Court orders: versioned templates (the shipped files and courts' own
 * versions), orders with their terms, the signed PDF bytes, and per-court
 * counters for order numbers. A signed order is frozen by the database too.
 */
export class Orders1795400100000 implements MigrationInterface {
  name = 'Orders1795400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE order_templates (
        id uuid PRIMARY KEY,
        key text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('INDIVIDUAL_ORDER', 'STANDING_ORDER', 'NOTICE_OF_HEARING', 'ORDER_TO_SHOW_CAUSE', 'ORDER_CONTINUING_JURISDICTION')),
        version integer NOT NULL CHECK (version > 0),
        title text NOT NULL,
        court_id uuid REFERENCES courts(id),
        body text NOT NULL,
        sha256 char(64) NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Built-in versions (court_id NULL) come from templates/; each distinct file content is one version.
    await q.query(`CREATE UNIQUE INDEX uq_order_templates_builtin_version ON order_templates (kind, version) WHERE court_id IS NULL`);
    await q.query(`CREATE UNIQUE INDEX uq_order_templates_builtin_content ON order_templates (kind, sha256) WHERE court_id IS NULL`);
    await q.query(
      `CREATE UNIQUE INDEX uq_order_templates_court_version ON order_templates (court_id, kind, version) WHERE court_id IS NOT NULL`,
    );
    // Templates are never edited in place: a change is a new version.
    await q.query(`
      CREATE FUNCTION order_templates_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'order_templates rows are immutable; add a new version';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_order_templates_immutable BEFORE UPDATE OR DELETE ON order_templates
      FOR EACH ROW EXECUTE FUNCTION order_templates_immutable()`);

    await q.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('INDIVIDUAL', 'STANDING')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SIGNED', 'SUPERSEDED', 'VACATED')),
        court_id uuid NOT NULL REFERENCES courts(id),
        case_id uuid REFERENCES cases(id),
        agency_ids uuid[],
        effective_at timestamptz,
        terms jsonb NOT NULL,
        template_id uuid NOT NULL REFERENCES order_templates(id),
        rendered_from jsonb,
        order_number text,
        verification_code text,
        sha256 char(64),
        signed_at timestamptz,
        signed_by uuid REFERENCES users(id),
        signed_by_name text,
        superseded_at timestamptz,
        superseded_by uuid REFERENCES orders(id),
        vacated_at timestamptz,
        vacated_by uuid REFERENCES users(id),
        vacate_reason text,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_orders_kind_scope CHECK (
          (kind = 'INDIVIDUAL' AND case_id IS NOT NULL AND agency_ids IS NULL) OR (kind = 'STANDING' AND case_id IS NULL)),
        CONSTRAINT ck_orders_signed CHECK (
          status = 'DRAFT' OR (signed_at IS NOT NULL AND signed_by IS NOT NULL AND order_number IS NOT NULL
                               AND verification_code IS NOT NULL AND sha256 IS NOT NULL AND effective_at IS NOT NULL
                               AND rendered_from IS NOT NULL)),
        CONSTRAINT ck_orders_vacated CHECK ((status = 'VACATED') = (vacated_at IS NOT NULL AND vacate_reason IS NOT NULL)),
        CONSTRAINT ck_orders_superseded CHECK (status <> 'SUPERSEDED' OR superseded_at IS NOT NULL),
        CONSTRAINT uq_orders_court_number UNIQUE (court_id, order_number)
      )`);
    await q.query(`CREATE INDEX ix_orders_court_created ON orders (court_id, created_at, id)`);
    await q.query(`CREATE INDEX ix_orders_case ON orders (case_id) WHERE case_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_orders_sha256 ON orders (sha256) WHERE sha256 IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX uq_orders_verification_code ON orders (verification_code) WHERE verification_code IS NOT NULL`);
    // "Which order applies": signed orders in force, by case or by court.
    await q.query(`
      CREATE INDEX ix_orders_applicable_individual ON orders (case_id, effective_at DESC)
      WHERE kind = 'INDIVIDUAL' AND status IN ('SIGNED', 'SUPERSEDED')`);
    await q.query(`
      CREATE INDEX ix_orders_applicable_standing ON orders (court_id, effective_at DESC)
      WHERE kind = 'STANDING' AND status IN ('SIGNED', 'SUPERSEDED')`);
    // A signed order keeps what it was signed with; only its status can move on (superseded, vacated).
    await q.query(`
      CREATE FUNCTION orders_signed_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status <> 'DRAFT' THEN RAISE EXCEPTION 'a signed order cannot be deleted'; END IF;
          RETURN OLD;
        END IF;
        IF OLD.status <> 'DRAFT' AND (
             NEW.kind IS DISTINCT FROM OLD.kind OR NEW.court_id IS DISTINCT FROM OLD.court_id
          OR NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.agency_ids IS DISTINCT FROM OLD.agency_ids
          OR NEW.effective_at IS DISTINCT FROM OLD.effective_at OR NEW.terms IS DISTINCT FROM OLD.terms
          OR NEW.template_id IS DISTINCT FROM OLD.template_id OR NEW.rendered_from IS DISTINCT FROM OLD.rendered_from
          OR NEW.order_number IS DISTINCT FROM OLD.order_number OR NEW.verification_code IS DISTINCT FROM OLD.verification_code
          OR NEW.sha256 IS DISTINCT FROM OLD.sha256 OR NEW.signed_at IS DISTINCT FROM OLD.signed_at
          OR NEW.signed_by IS DISTINCT FROM OLD.signed_by OR NEW.status = 'DRAFT') THEN
          RAISE EXCEPTION 'a signed order is frozen';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_orders_signed_frozen BEFORE UPDATE OR DELETE ON orders
      FOR EACH ROW EXECUTE FUNCTION orders_signed_frozen()`);

    await q.query(`
      CREATE TABLE order_documents (
        order_id uuid PRIMARY KEY REFERENCES orders(id),
        pdf bytea NOT NULL,
        sha256 char(64) NOT NULL,
        byte_size integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION order_documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a signed order''s PDF is never changed';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_order_documents_immutable BEFORE UPDATE OR DELETE ON order_documents
      FOR EACH ROW EXECUTE FUNCTION order_documents_immutable()`);

    await q.query(`
      CREATE TABLE order_counters (
        court_id uuid NOT NULL REFERENCES courts(id),
        year integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('INDIVIDUAL', 'STANDING')),
        last_number integer NOT NULL CHECK (last_number > 0),
        PRIMARY KEY (court_id, year, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['order_counters', 'order_documents', 'orders', 'order_templates']) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    for (const fn of ['order_documents_immutable', 'orders_signed_frozen', 'order_templates_immutable']) {
      await q.query(`DROP FUNCTION IF EXISTS ${fn}()`);
    }
  }
}
