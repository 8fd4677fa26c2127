import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events for the court's case-management system (the webhook docket adapter):
 * one row per event, delivered at least once and recorded as delivered once;
 * and the callbacks the CMS sent, by event id, so a replay is refused.
 */
export class Docket1795400400000 implements MigrationInterface {
  name = 'Docket1795400400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE docket_events (
        id uuid PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('hearing_request.created', 'hearing_request.cancelled', 'order.signed')),
        subject_id uuid NOT NULL,
        hearing_request_id uuid REFERENCES hearing_requests(id),
        order_id uuid REFERENCES orders(id),
        court_id uuid NOT NULL REFERENCES courts(id),
        body text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        -- Times a clerk sent a FAILED event again; each resend is its own job.
        resends integer NOT NULL DEFAULT 0,
        last_error text,
        last_status integer,
        delivered_at timestamptz,
        failed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- One event per subject and type: a retried job never makes a second one.
        CONSTRAINT uq_docket_events_subject_type UNIQUE (subject_id, type)
      )`);
    await q.query(`CREATE INDEX ix_docket_events_hearing_request ON docket_events (hearing_request_id, created_at)`);
    await q.query(`CREATE INDEX ix_docket_events_failed ON docket_events (court_id, failed_at) WHERE status = 'FAILED'`);
    await q.query(`
      CREATE TABLE docket_callbacks (
        event_id text PRIMARY KEY,
        hearing_request_id uuid NOT NULL REFERENCES hearing_requests(id),
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS docket_callbacks`);
    await q.query(`DROP TABLE IF EXISTS docket_events`);
  }
}
