import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A hearing request names the agency its episode concerns, so the hearings
 * module prints the notice's recipient from its own table instead of reading
 * the episodes table.
 */
export class HearingRequestAgency1795600000000 implements MigrationInterface {
  name = 'HearingRequestAgency1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hearing_requests ADD COLUMN agency_id uuid REFERENCES agencies(id)`);
    await q.query(`UPDATE hearing_requests hr SET agency_id = e.agency_id FROM episodes e WHERE e.id = hr.episode_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hearing_requests DROP COLUMN agency_id`);
  }
}
