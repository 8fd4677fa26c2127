import type { DataSource } from 'typeorm';
import { AuditEventsRepository } from '../audit/audit-events.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password-hasher.js';
import type { Role } from '../auth/principal.js';
import { UsersRepository } from '../auth/users.repository.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { ChildrenRepository } from '../cases/children.repository.js';
import { CourtCase, type CaseType } from '../cases/entities/case.entity.js';
import { Child } from '../cases/entities/child.entity.js';
import { Placement, type PlacementType } from '../cases/entities/placement.entity.js';
import { PlacementsRepository } from '../cases/placements.repository.js';
import type { AppConfig } from '../common/config/app-config.js';
import { FastQuery } from '../common/database/fast-query.js';
import { AgenciesRepository } from '../directory/agencies.repository.js';
import { CourtsRepository } from '../directory/courts.repository.js';
import { Agency } from '../directory/entities/agency.entity.js';
import { Court } from '../directory/entities/court.entity.js';

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

const CHILDREN: Array<{
  n: number;
  docket: string;
  type: CaseType;
  first: string;
  last: string;
  dob: string;
  agency: string;
  placement: PlacementType;
}> = [
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

/** The entities the seed's repositories write through: `seed-demo` opens its data source with them. */
export const DEMO_ENTITIES = [Court, Agency, CourtCase, Child, Placement];

/**
 * Demo data: a Texas court, its judge and clerk, two agencies with a user each, three cases with placements.
 * Written through each feature's repository, in one transaction; nothing if the demo court exists.
 */
export async function seedDemo(dataSource: DataSource, config: AppConfig): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const courts = new CourtsRepository(dataSource);
  const agencies = new AgenciesRepository(dataSource);
  const fast = new FastQuery(dataSource);
  const users = new UsersRepository(dataSource, fast);
  const cases = new CasesRepository(dataSource);
  const children = new ChildrenRepository(fast);
  const placements = new PlacementsRepository(dataSource);
  await dataSource.transaction(async (m) => {
    if (await courts.byId(ID.court, m)) return;
    await courts.insert(m, {
      id: ID.court,
      name: 'Travis County Juvenile Court (demo)',
      state: 'TX',
      county: 'Travis',
      timezone: 'America/Chicago',
    });
    await agencies.insert(m, {
      id: ID.agencyWelfare,
      name: 'Department of Family and Protective Services, Region 7 (demo)',
      kind: 'CHILD_WELFARE',
      state: 'TX',
    });
    await agencies.insert(m, { id: ID.agencyJustice, name: 'Juvenile Justice Department (demo)', kind: 'JUVENILE_JUSTICE', state: 'TX' });
    const people: Array<[string, string, string, Role, string | null, string | null]> = [
      [ID.admin, 'admin@demo.court', 'Demo Administrator', 'ADMIN', null, null],
      [ID.judge, 'judge@demo.court', 'Hon. Maria Alvarez', 'JUDGE', ID.court, null],
      [ID.clerk, 'clerk@demo.court', 'Sam Clerk', 'CLERK', ID.court, null],
      [ID.caseworker, 'caseworker@dfps.demo', 'Casey Worker', 'AGENCY', null, ID.agencyWelfare],
      [ID.jjWorker, 'officer@jjd.demo', 'Pat Officer', 'AGENCY', null, ID.agencyJustice],
    ];
    for (const [id, email, name, role, courtId, agencyId] of people) {
      await users.insert(m, { id, email, name, passwordHash, role, courtId, agencyId });
    }
    const placedSince = new Date(Date.now() - 90 * 24 * 3600 * 1000);
    for (const child of CHILDREN) {
      const caseId = `0d5f3c1e-0000-4000-8000-0000000001${String(child.n).padStart(2, '0')}`;
      const childId = `0d5f3c1e-0000-4000-8000-0000000002${String(child.n).padStart(2, '0')}`;
      const placementId = `0d5f3c1e-0000-4000-8000-0000000003${String(child.n).padStart(2, '0')}`;
      await cases.insert(m, { id: caseId, courtId: ID.court, docketNumber: child.docket, caseType: child.type, judgeId: ID.judge });
      await children.insert(m, {
        id: childId,
        caseId,
        courtId: ID.court,
        firstName: child.first,
        middleName: null,
        lastName: child.last,
        dateOfBirth: child.dob,
        sex: 'X',
        heightInches: 62,
        weightPounds: 110,
        hairColor: 'brown',
        eyeColor: 'brown',
        identifyingMarks: ['small scar above left eyebrow'],
        wearsGlasses: null,
        hasBraces: null,
        riskFactors: [],
      });
      await placements.insert(m, {
        id: placementId,
        caseId,
        childId,
        agencyId: child.agency,
        placementType: child.placement,
        startedAt: placedSince,
        caseworkerName: 'Casey Worker',
        caseworkerEmail: null,
      });
    }
    await new AuditService(new AuditEventsRepository(fast, dataSource), dataSource, config).record(m, null, {
      action: 'seed',
      entityType: 'court',
      entityId: ID.court,
      courtId: ID.court,
      details: { demo: true },
    });
  });
}
