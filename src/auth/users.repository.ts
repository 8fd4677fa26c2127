import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from './principal.js';
import { SqlParams } from '../common/database/sql.js';
import { FastQuery } from '../common/database/fast-query.js';
import { decodeCursor, toPage, type Page } from '../common/pagination/pagination.js';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  courtId: string | null;
  agencyId: string | null;
  disabled: boolean;
  createdAt: Date;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  court_id: string | null;
  agency_id: string | null;
  disabled_at: Date | null;
  created_at: Date;
  cursor_key: string;
}

/** What signing in needs: the view, the password hash and whether the account may sign in at all. */
export interface LoginCandidate {
  user: UserView;
  passwordHash: string;
  tokenVersion: number;
}

/** What every authenticated request checks (cached for seconds at most, see AccountStateService). */
export interface AccountRow {
  tokenVersion: number;
  disabled: boolean;
  role: Role;
  courtId: string | null;
  agencyId: string | null;
}

/** A judge as a court's own staff see them: enough to assign a case. */
export interface JudgeView {
  id: string;
  name: string;
}

export interface UserFilter {
  role?: Role;
  courtId?: string;
  agencyId?: string;
  disabled?: boolean;
}

export interface UserChange {
  name?: string;
  role?: Role;
  courtId?: string | null;
  agencyId?: string | null;
  disabled?: boolean;
}

export const toUserView = (r: Omit<UserRow, 'cursor_key'>): UserView => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  courtId: r.court_id,
  agencyId: r.agency_id,
  disabled: r.disabled_at !== null,
  createdAt: r.created_at,
});

const COLUMNS = 'u.id, u.email, u.name, u.role, u.court_id, u.agency_id, u.disabled_at, u.created_at, u.created_at::text AS cursor_key';
const RETURNING = 'id, email, name, role, court_id, agency_id, disabled_at, created_at, created_at::text AS cursor_key';

const ACCOUNT_STATE = `SELECT token_version, disabled_at IS NOT NULL AS disabled, role, court_id, agency_id FROM users WHERE id = $1`;

/**
 * The attempt is counted before the password is checked, in one statement under the row lock, so a
 * burst cannot race past the limit: `failed_logins` counts attempts that have not succeeded (those
 * in flight included). A lock that was waited out starts a fresh count; an attempt beyond the limit
 * locks the account and is refused unchecked; a locked account refuses every attempt.
 */
const RESERVE_ATTEMPT = `
  UPDATE users SET
    failed_logins = CASE WHEN locked_until > now() THEN failed_logins
                         WHEN locked_until IS NOT NULL THEN 1
                         WHEN failed_logins + 1 > $2 THEN failed_logins
                         ELSE failed_logins + 1 END,
    locked_until = CASE WHEN locked_until > now() THEN locked_until
                        WHEN locked_until IS NOT NULL THEN NULL
                        WHEN failed_logins + 1 > $2 THEN now() + make_interval(mins => $3)
                        ELSE NULL END
  WHERE id = $1
  RETURNING locked_until IS NULL AS allowed`;

/** A failed attempt stays counted; the one that reaches the limit locks the account. */
const RECORD_FAILURE = `
  UPDATE users SET locked_until = now() + make_interval(mins => $3)
  WHERE id = $1 AND failed_logins >= $2 AND (locked_until IS NULL OR locked_until <= now())`;

/** Success clears the count, but never a lock that another attempt set meanwhile: then it is refused. */
const RECORD_SUCCESS = `
  UPDATE users SET failed_logins = 0 WHERE id = $1 AND locked_until IS NULL RETURNING id`;

/** The attempt did not fail (the password was right but the second factor was not sent yet): uncounted. */
const RELEASE_ATTEMPT = `
  UPDATE users SET failed_logins = GREATEST(failed_logins - 1, 0) WHERE id = $1 AND locked_until IS NULL`;

/** Users: the directory's record of people, their tenant, their sign-in counters and token version. */
@Injectable()
export class UsersRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FastQuery) private readonly fast: FastQuery,
  ) {}

  async insert(
    manager: EntityManager,
    user: { id: string; email: string; name: string; passwordHash: string; role: Role; courtId: string | null; agencyId: string | null },
  ): Promise<UserView | null> {
    const rows = (await manager.query(
      `INSERT INTO users (id, email, name, password_hash, role, court_id, agency_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING ${RETURNING}`,
      [user.id, user.email, user.name, user.passwordHash, user.role, user.courtId, user.agencyId],
    )) as UserRow[];
    return rows[0] ? toUserView(rows[0]) : null;
  }

  async count(): Promise<number> {
    const [{ count }] = (await this.dataSource.query(`SELECT count(*)::int AS count FROM users`)) as Array<{ count: number }>;
    return count;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserView | null> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM users u WHERE u.id = $1`, [id])) as UserRow[];
    return rows[0] ? toUserView(rows[0]) : null;
  }

  async list(filter: UserFilter, limit: number, cursor?: string): Promise<Page<UserView>> {
    const params = new SqlParams();
    const after = decodeCursor(cursor);
    const where = ['TRUE'];
    if (filter.role) where.push(`u.role = ${params.add(filter.role)}`);
    if (filter.courtId) where.push(`u.court_id = ${params.add(filter.courtId)}`);
    if (filter.agencyId) where.push(`u.agency_id = ${params.add(filter.agencyId)}`);
    if (filter.disabled !== undefined) where.push(filter.disabled ? 'u.disabled_at IS NOT NULL' : 'u.disabled_at IS NULL');
    if (after) where.push(`(u.created_at, u.id) > (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM users u WHERE ${where.join(' AND ')} ORDER BY u.created_at, u.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    )) as UserRow[];
    return toPage(rows, limit, toUserView);
  }

  async findForLogin(email: string): Promise<LoginCandidate | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS}, u.password_hash, u.token_version FROM users u WHERE lower(u.email) = lower($1)`,
      [email.trim()],
    )) as Array<UserRow & { password_hash: string; token_version: number }>;
    const row = rows[0];
    return row ? { user: toUserView(row), passwordHash: row.password_hash, tokenVersion: row.token_version } : null;
  }

  async nameOf(id: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const rows = (await manager.query(`SELECT name FROM users WHERE id = $1`, [id])) as Array<{ name: string }>;
    return rows[0]?.name ?? null;
  }

  async isJudgeOf(userId: string, courtId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM users WHERE id = $1 AND role = 'JUDGE' AND court_id = $2`, [
      userId,
      courtId,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** The court's judges who may be assigned a case (enabled), by name. */
  async judgesOf(courtId: string): Promise<JudgeView[]> {
    return (await this.dataSource.query(
      `SELECT id, name FROM users WHERE role = 'JUDGE' AND court_id = $1 AND disabled_at IS NULL ORDER BY name, id`,
      [courtId],
    )) as JudgeView[];
  }

  async findPasswordHash(id: string): Promise<string | null> {
    const rows = (await this.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [id])) as Array<{ password_hash: string }>;
    return rows[0]?.password_hash ?? null;
  }

  async accountState(id: string): Promise<AccountRow | null> {
    const rows = await this.fast.rows<{
      token_version: number;
      disabled: boolean;
      role: Role;
      court_id: string | null;
      agency_id: string | null;
    }>(ACCOUNT_STATE, [id]);
    const row = rows[0];
    return row
      ? { tokenVersion: row.token_version, disabled: row.disabled, role: row.role, courtId: row.court_id, agencyId: row.agency_id }
      : null;
  }

  /** Counts a sign-in attempt before its password is checked; false when the account is locked. */
  async reserveLoginAttempt(id: string, maxFailures: number, lockMinutes: number): Promise<boolean> {
    const rows = (await this.dataSource.query(RESERVE_ATTEMPT, [id, maxFailures, lockMinutes])) as [Array<{ allowed: boolean }>, number];
    return rows[0][0]?.allowed ?? false;
  }

  async recordLoginFailure(id: string, maxFailures: number, lockMinutes: number): Promise<void> {
    await this.dataSource.query(RECORD_FAILURE, [id, maxFailures, lockMinutes]);
  }

  /** False when the account was locked while this attempt was being checked. */
  async recordLoginSuccess(id: string): Promise<boolean> {
    const [rows] = (await this.dataSource.query(RECORD_SUCCESS, [id])) as [unknown[], number];
    return rows.length > 0;
  }

  async releaseLoginAttempt(id: string): Promise<void> {
    await this.dataSource.query(RELEASE_ATTEMPT, [id]);
  }

  /**
   * Applies a change. A new role, court, agency or a disable moves the token version, which ends
   * every token and session of the user. Returns the user before and after, or null if missing.
   */
  async update(manager: EntityManager, id: string, change: UserChange): Promise<{ before: UserView; after: UserView } | null> {
    const [current] = (await manager.query(`SELECT ${COLUMNS} FROM users u WHERE u.id = $1 FOR UPDATE`, [id])) as UserRow[];
    if (!current) return null;
    const before = toUserView(current);
    const params = new SqlParams();
    const sets = ['updated_at = now()'];
    if (change.name !== undefined) sets.push(`name = ${params.add(change.name)}`);
    if (change.role !== undefined) sets.push(`role = ${params.add(change.role)}`);
    if (change.courtId !== undefined) sets.push(`court_id = ${params.add(change.courtId)}`);
    if (change.agencyId !== undefined) sets.push(`agency_id = ${params.add(change.agencyId)}`);
    if (change.disabled !== undefined) sets.push(change.disabled ? 'disabled_at = COALESCE(disabled_at, now())' : 'disabled_at = NULL');
    const revokes =
      (change.role !== undefined && change.role !== before.role) ||
      (change.courtId !== undefined && change.courtId !== before.courtId) ||
      (change.agencyId !== undefined && change.agencyId !== before.agencyId) ||
      (change.disabled === true && !before.disabled);
    if (revokes) sets.push('token_version = token_version + 1');
    const [rows] = (await manager.query(
      `UPDATE users SET ${sets.join(', ')} WHERE id = ${params.add(id)} RETURNING ${RETURNING}`,
      params.values,
    )) as [UserRow[], number];
    return { before, after: toUserView(rows[0]) };
  }

  /** A new password ends every token of the user; returns the new token version. */
  async changePassword(manager: EntityManager, id: string, passwordHash: string): Promise<number> {
    const [rows] = (await manager.query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now(), token_version = token_version + 1
       WHERE id = $1 RETURNING token_version`,
      [id, passwordHash],
    )) as [Array<{ token_version: number }>, number];
    return rows[0].token_version;
  }

  /** Ends every token and session of the user (MFA reset). */
  async bumpTokenVersion(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE users SET token_version = token_version + 1, updated_at = now() WHERE id = $1`, [id]);
  }
}
