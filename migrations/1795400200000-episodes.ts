import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Missing episodes, their obligations (each with the order and terms it came
 * from), the proof agencies upload, and the hearing requests an episode raises.
 */
export class Episodes1795400200000 implements MigrationInterface {
  name = 'Episodes1795400200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE episodes (
        id uuid PRIMARY KEY,
        child_id uuid NOT NULL REFERENCES children(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        court_id uuid NOT NULL REFERENCES courts(id),
        agency_id uuid REFERENCES agencies(id),
        placement_id uuid REFERENCES placements(id),
        status text NOT NULL CHECK (status IN ('MISSING', 'RECOVERED')),
        missing_since timestamptz NOT NULL,
        discovered_at timestamptz NOT NULL,
        last_seen_location text,
        circumstances text,
        clothing_description text,
        companions text[] NOT NULL DEFAULT '{}',
        child_phone text,
        social_media text[] NOT NULL DEFAULT '{}',
        order_id uuid REFERENCES orders(id),
        terms jsonb NOT NULL,
        opened_by uuid NOT NULL,
        opened_by_role text NOT NULL,
        recovered_at timestamptz,
        recovery_location text,
        recovery_circumstances text,
        recovered_by uuid,
        -- The due time of the latest STATUS_UPDATE: the next one is created when it passes.
        status_update_due_at timestamptz,
        -- 30 days before the 18th birthday; a PRE_MAJORITY hearing request is raised then if still missing.
        pre_majority_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_episodes_discovered CHECK (discovered_at >= missing_since),
        CONSTRAINT ck_episodes_recovered CHECK ((status = 'RECOVERED') = (recovered_at IS NOT NULL))
      )`);
    // One open episode per child, enforced by the database (parallel reports race here).
    await q.query(`CREATE UNIQUE INDEX uq_episodes_open_child ON episodes (child_id) WHERE status = 'MISSING'`);
    await q.query(`CREATE INDEX ix_episodes_court_discovered ON episodes (court_id, discovered_at)`);
    await q.query(`CREATE INDEX ix_episodes_court_created ON episodes (court_id, created_at, id)`);
    await q.query(`CREATE INDEX ix_episodes_child ON episodes (child_id, created_at)`);
    await q.query(`CREATE INDEX ix_episodes_status_update_due ON episodes (status_update_due_at) WHERE status = 'MISSING'`);
    await q.query(`CREATE INDEX ix_episodes_pre_majority ON episodes (pre_majority_at) WHERE status = 'MISSING'`);

    await q.query(`
      CREATE TABLE obligations (
        id uuid PRIMARY KEY,
        episode_id uuid NOT NULL REFERENCES episodes(id),
        court_id uuid NOT NULL REFERENCES courts(id),
        agency_id uuid REFERENCES agencies(id),
        child_id uuid NOT NULL REFERENCES children(id),
        -- Copied from the episode: compliance reports select episodes by when they were discovered.
        episode_discovered_at timestamptz NOT NULL,
        type text NOT NULL CHECK (type IN ('LAW_ENFORCEMENT_REPORT', 'NCIC_ENTRY', 'NCMEC_REPORT', 'CURRENT_PHOTO', 'STATUS_UPDATE',
                                           'RECOVERY_NOTIFICATION', 'POST_RECOVERY_PHOTO', 'SAFETY_ASSESSMENT', 'RUN_DEBRIEF')),
        sequence integer NOT NULL DEFAULT 1,
        status text NOT NULL CHECK (status IN ('OPEN', 'SUBMITTED', 'SATISFIED', 'OVERDUE', 'WAIVED')),
        due_at timestamptz NOT NULL,
        -- Bumped whenever the deadline timer is (re)armed, so each arming has its own job id.
        deadline_version integer NOT NULL DEFAULT 1,
        order_id uuid REFERENCES orders(id),
        terms jsonb NOT NULL,
        performed_at timestamptz,
        on_time boolean,
        submitted_at timestamptz,
        satisfied_at timestamptz,
        overdue_at timestamptz,
        waived_at timestamptz,
        waived_by uuid,
        waiver_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_obligations_episode_type_sequence UNIQUE (episode_id, type, sequence)
      )`);
    // The sweep's scan: open obligations by due time.
    await q.query(`CREATE INDEX ix_obligations_open_due ON obligations (due_at) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX ix_obligations_episode ON obligations (episode_id)`);
    await q.query(`CREATE INDEX ix_obligations_court_due ON obligations (court_id, due_at, id)`);
    await q.query(`CREATE INDEX ix_obligations_agency_due ON obligations (agency_id, due_at, id)`);
    // Compliance summary: an index-only scan per court and period.
    await q.query(`
      CREATE INDEX ix_obligations_compliance ON obligations (court_id, episode_discovered_at)
      INCLUDE (agency_id, type, status, on_time, performed_at)`);

    await q.query(`
      CREATE TABLE evidence (
        id uuid PRIMARY KEY,
        obligation_id uuid NOT NULL REFERENCES obligations(id),
        episode_id uuid NOT NULL REFERENCES episodes(id),
        court_id uuid NOT NULL REFERENCES courts(id),
        child_id uuid NOT NULL REFERENCES children(id),
        status text NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'REJECTED')),
        performed_at timestamptz NOT NULL,
        fields jsonb NOT NULL DEFAULT '{}',
        file_sha256 char(64),
        file_content_type text,
        file_byte_size integer,
        photo_id uuid REFERENCES photos(id),
        submitted_by uuid NOT NULL,
        submitted_by_role text NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        reviewed_by uuid,
        reviewed_at timestamptz,
        review_reason text
      )`);
    // A second proof while one awaits review is refused (409).
    await q.query(`CREATE UNIQUE INDEX uq_evidence_pending ON evidence (obligation_id) WHERE status = 'SUBMITTED'`);
    await q.query(`CREATE INDEX ix_evidence_obligation ON evidence (obligation_id, submitted_at)`);

    await q.query(`
      CREATE TABLE hearing_requests (
        id uuid PRIMARY KEY,
        reason text NOT NULL CHECK (reason IN ('CHILD_MISSING', 'NON_COMPLIANCE', 'CHILD_RECOVERED', 'PRE_MAJORITY')),
        episode_id uuid NOT NULL REFERENCES episodes(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        court_id uuid NOT NULL REFERENCES courts(id),
        obligation_id uuid REFERENCES obligations(id),
        status text NOT NULL CHECK (status IN ('QUEUED', 'SCHEDULED', 'CANCELLED')),
        requested_at timestamptz NOT NULL,
        target_date date NOT NULL,
        scheduled_for timestamptz,
        courtroom text,
        scheduled_by uuid,
        scheduled_at timestamptz,
        cancelled_at timestamptz,
        cancelled_by uuid,
        cancel_reason text,
        docket_status text NOT NULL DEFAULT 'NOT_CONFIGURED' CHECK (docket_status IN ('NOT_CONFIGURED', 'PENDING', 'SYNCED', 'FAILED')),
        docket_attempts integer NOT NULL DEFAULT 0,
        docket_last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // At most one open request per episode and reason, and one NON_COMPLIANCE request per episode ever.
    await q.query(
      `CREATE UNIQUE INDEX uq_hearing_requests_open ON hearing_requests (episode_id, reason) WHERE status IN ('QUEUED', 'SCHEDULED')`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_hearing_requests_non_compliance ON hearing_requests (episode_id) WHERE reason = 'NON_COMPLIANCE'`,
    );
    await q.query(`CREATE INDEX ix_hearing_requests_court ON hearing_requests (court_id, status, target_date, id)`);
    await q.query(`CREATE INDEX ix_hearing_requests_episode ON hearing_requests (episode_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['hearing_requests', 'evidence', 'obligations', 'episodes']) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
  }
}
