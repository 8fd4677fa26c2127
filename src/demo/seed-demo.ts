import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password-hasher.js';
import type { AppConfig } from '../common/config/app-config.js';
import { FastQuery } from '../common/database/fast-query.js';

export const DEMO_PASSWORD = 'demo-password-2026';

/** Fixed ids, so running the seed again changes nothing. */
const ID = {
  court: '0d5f3c1e-0000-4000-8000-000000000001',
  agencyWelfare: '0d5f3c1e-0000-4000-8000-000000000011',
  agencyJustice: '0d5f3c1e-0000-4000-8000-000000000012',
  admin: '0d5f3c1e-0000-4000-8000-000000000021',
  judge: '0d5f3c1e-0000-4000-8000-000000000022',
  clerk: '0d5f3c1e-0000-4000-8000-000000000023',
  caseworker: '0d5f3c1e-0000-4000-8000-000000000024',
  jjWorker: '0d5f3c1e-0000-4000-8000-000000000025',
};

export const DEMO_LOGINS = [
  { role: 'ADMIN', email: 'admin@demo.court' },
  { role: 'JUDGE', email: 'judge@demo.court' },
  { role: 'CLERK', email: 'clerk@demo.court' },
  { role: 'AGENCY (child welfare)', email: 'caseworker@dfps.demo' },
  { role: 'AGENCY (juvenile justice)', email: 'officer@jjd.demo' },
];

const CHILDREN = [
  {
    n: 1,
    docket: 'JC-2026-0101',
    type: 'DEPENDENCY',
    first: 'Avery',
    last: 'Demo',
    dob: '2010-05-14',
    agency: ID.agencyWelfare,
    placement: 'FOSTER_HOME',
  },
  {
    n: 2,
    docket: 'JC-2026-0102',
    type: 'DEPENDENCY',
    first: 'Jordan',
    last: 'Sample',
    dob: '2008-12-28',
    agency: ID.agencyWelfare,
    placement: 'GROUP_HOME',
  },
  {
    n: 3,
    docket: 'JD-2026-0201',
    type: 'DELINQUENCY',
    first: 'Riley',
    last: 'Example',
    dob: '2009-07-02',
    agency: ID.agencyJustice,
    placement: 'RESIDENTIAL',
  },
];

/** Demo data: a Texas court, its judge and clerk, two agencies with a user each, three cases with placements. */
export async function seedDemo(dataSource: DataSource, config: AppConfig): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await dataSource.transaction(async (m) => {
    const [{ exists }] = (await m.query(`SELECT EXISTS (SELECT 1 FROM courts WHERE id = $1) AS exists`, [ID.court])) as Array<{
      exists: boolean;
    }>;
    if (exists) return;
    await m.query(
      `INSERT INTO courts (id, name, state, county, timezone) VALUES ($1, 'Travis County Juvenile Court (demo)', 'TX', 'Travis', 'America/Chicago')`,
      [ID.court],
    );
    await m.query(
      `INSERT INTO agencies (id, name, kind, state) VALUES
         ($1, 'Department of Family and Protective Services, Region 7 (demo)', 'CHILD_WELFARE', 'TX'),
         ($2, 'Juvenile Justice Department (demo)', 'JUVENILE_JUSTICE', 'TX')`,
      [ID.agencyWelfare, ID.agencyJustice],
    );
    const users: Array<[string, string, string, string, string | null, string | null]> = [
      [ID.admin, 'admin@demo.court', 'Demo Administrator', 'ADMIN', null, null],
      [ID.judge, 'judge@demo.court', 'Hon. Maria Alvarez', 'JUDGE', ID.court, null],
      [ID.clerk, 'clerk@demo.court', 'Sam Clerk', 'CLERK', ID.court, null],
      [ID.caseworker, 'caseworker@dfps.demo', 'Casey Worker', 'AGENCY', null, ID.agencyWelfare],
      [ID.jjWorker, 'officer@jjd.demo', 'Pat Officer', 'AGENCY', null, ID.agencyJustice],
    ];
    for (const [id, email, name, role, courtId, agencyId] of users) {
      await m.query(
        `INSERT INTO users (id, email, name, password_hash, role, court_id, agency_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT DO NOTHING`,
        [id, email, name, passwordHash, role, courtId, agencyId],
      );
    }
    for (const child of CHILDREN) {
      const caseId = `0d5f3c1e-0000-4000-8000-0000000001${String(child.n).padStart(2, '0')}`;
      const childId = `0d5f3c1e-0000-4000-8000-0000000002${String(child.n).padStart(2, '0')}`;
      const placementId = `0d5f3c1e-0000-4000-8000-0000000003${String(child.n).padStart(2, '0')}`;
      await m.query(`INSERT INTO cases (id, court_id, docket_number, case_type, judge_id) VALUES ($1, $2, $3, $4, $5)`, [
        caseId,
        ID.court,
        child.docket,
        child.type,
        ID.judge,
      ]);
      await m.query(
        `INSERT INTO children (id, case_id, court_id, first_name, last_name, date_of_birth, sex, height_inches, weight_pounds, hair_color, eye_color, identifying_marks)
         VALUES ($1, $2, $3, $4, $5, $6, 'X', 62, 110, 'brown', 'brown', '{"small scar above left eyebrow"}')`,
        [childId, caseId, ID.court, child.first, child.last, child.dob],
      );
      await m.query(
        `INSERT INTO placements (id, case_id, child_id, agency_id, placement_type, started_at, caseworker_name)
         VALUES ($1, $2, $3, $4, $5, now() - interval '90 days', 'Casey Worker')`,
        [placementId, caseId, childId, child.agency, child.placement],
      );
    }
    await new AuditService(new FastQuery(dataSource), dataSource, config).record(m, null, {
      action: 'seed',
      entityType: 'court',
      entityId: ID.court,
      courtId: ID.court,
      details: { demo: true },
    });
  });
}
