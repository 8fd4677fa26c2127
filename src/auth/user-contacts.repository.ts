import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from './principal.js';

/** A user as someone to write to. */
export interface UserContact {
  id: string;
  name: string;
  email: string;
  role: Role;
  courtId: string | null;
}

/** A disabled user is told nothing and holds no calendar feed. */
const ACTIVE = 'u.disabled_at IS NULL';
const COLUMNS = 'u.id, u.name, u.email, u.role, u.court_id AS "courtId"';

/** Read-only: whom to tell among the (active) users (the notifications feature asks here, never reads users itself). */
@Injectable()
export class UserContactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The court's clerks, or its judges and clerks. */
  ofCourt(courtId: string, roles: Array<'JUDGE' | 'CLERK'>): Promise<UserContact[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM users u WHERE u.court_id = $1 AND u.role = ANY($2::text[]) AND ${ACTIVE} ORDER BY u.email`,
      [courtId, roles],
    ) as Promise<UserContact[]>;
  }

  ofAgency(agencyId: string): Promise<UserContact[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM users u WHERE u.agency_id = $1 AND u.role = 'AGENCY' AND ${ACTIVE} ORDER BY u.email`,
      [agencyId],
    ) as Promise<UserContact[]>;
  }

  byIds(ids: string[]): Promise<UserContact[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.query(`SELECT ${COLUMNS} FROM users u WHERE u.id = ANY($1::uuid[]) AND ${ACTIVE} ORDER BY u.email`, [
      ids,
    ]) as Promise<UserContact[]>;
  }
}
