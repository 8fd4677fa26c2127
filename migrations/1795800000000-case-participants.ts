import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people on a case besides the agency (GAL, attorneys, CASA volunteer,
 * probation officer...), who are told when the child runs and served with
 * notices and orders. Removed participants are kept (removed_at): a
 * certificate of service names whoever was on the case then.
 */
export class CaseParticipants1795800000000 implements MigrationInterface {
  name = 'CaseParticipants1795800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_participants (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        court_id uuid NOT NULL REFERENCES courts(id),
        role text NOT NULL CHECK (role IN ('GUARDIAN_AD_LITEM', 'CHILD_ATTORNEY', 'PARENT_ATTORNEY', 'CASA', 'PROBATION_OFFICER',
                                           'CASEWORKER', 'OTHER')),
        name text NOT NULL,
        email text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        removed_by uuid,
        removed_at timestamptz,
        CONSTRAINT ck_case_participants_removed CHECK ((removed_at IS NULL) = (removed_by IS NULL))
      )`);
    // One person once per role on a case while they are on it.
    await q.query(
      `CREATE UNIQUE INDEX uq_case_participants_current ON case_participants (case_id, role, lower(email)) WHERE removed_at IS NULL`,
    );
    await q.query(`CREATE INDEX ix_case_participants_case ON case_participants (case_id, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS case_participants`);
  }
}
