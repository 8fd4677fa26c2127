import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per message: who is told what about which record, rendered once
 * (subject and bodies, and the SHA-256 of the document served with it), and
 * how its delivery went. Unique per event and address, so an event fanned out
 * twice still sends each person one message; `claimed_until` is the lease of
 * the worker sending it, so two deliveries of the same job never both send.
 */
export class Notifications1795800100000 implements MigrationInterface {
  name = 'Notifications1795800100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        event text NOT NULL CHECK (event IN ('child.missing', 'obligation.overdue', 'evidence.rejected', 'hearing.scheduled',
                                             'hearing.cancelled', 'order.signed')),
        -- What happened, once: 'episode.<id>.missing'.
        event_key text NOT NULL,
        court_id uuid NOT NULL REFERENCES courts(id),
        case_id uuid REFERENCES cases(id),
        episode_id uuid REFERENCES episodes(id),
        hearing_request_id uuid REFERENCES hearing_requests(id),
        order_id uuid REFERENCES orders(id),
        recipient text NOT NULL,
        recipient_name text NOT NULL,
        -- JUDGE, CLERK, AGENCY (users), CASEWORKER, or a participant's role.
        recipient_role text NOT NULL,
        user_id uuid,
        participant_id uuid REFERENCES case_participants(id),
        channel text NOT NULL DEFAULT 'EMAIL' CHECK (channel IN ('EMAIL')),
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        attachment_name text,
        attachment_sha256 char(64),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        claimed_until timestamptz,
        message_id text NOT NULL,
        sent_at timestamptz,
        failed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_notifications_sent CHECK ((status = 'SENT') = (sent_at IS NOT NULL)),
        CONSTRAINT ck_notifications_attachment CHECK ((attachment_name IS NULL) = (attachment_sha256 IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_notifications_event_recipient ON notifications (event_key, lower(recipient))`);
    await q.query(`CREATE INDEX ix_notifications_court_created ON notifications (court_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ix_notifications_episode ON notifications (episode_id) WHERE episode_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_notifications_case ON notifications (case_id) WHERE case_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_notifications_order ON notifications (order_id) WHERE order_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX ix_notifications_hearing_request ON notifications (hearing_request_id) WHERE hearing_request_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notifications`);
  }
}
