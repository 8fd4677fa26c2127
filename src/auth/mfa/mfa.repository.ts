import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';

export interface TotpRow {
  secret: string;
  enabled: boolean;
  lastStep: number;
}

/** TOTP secrets (one per user, pending until confirmed) and hashed one-time recovery codes. */
@Injectable()
export class MfaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(userId: string): Promise<TotpRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT secret, enabled_at IS NOT NULL AS enabled, last_step FROM user_totp WHERE user_id = $1`,
      [userId],
    )) as Array<{ secret: string; enabled: boolean; last_step: string }>;
    const row = rows[0];
    return row ? { secret: row.secret, enabled: row.enabled, lastStep: Number(row.last_step) } : null;
  }

  async enabledAmong(userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = (await this.dataSource.query(`SELECT user_id FROM user_totp WHERE user_id = ANY($1::uuid[]) AND enabled_at IS NOT NULL`, [
      userIds,
    ])) as Array<{ user_id: string }>;
    return new Set(rows.map((row) => row.user_id));
  }

  /** A new pending secret, replacing any earlier pending one; null when TOTP is already on. */
  async startEnrolment(userId: string, secret: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `INSERT INTO user_totp (user_id, secret) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, last_step = -1, created_at = now() WHERE user_totp.enabled_at IS NULL
       RETURNING user_id`,
      [userId, secret],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Turns TOTP on with the code's step as the last one used; false if it was on already. */
  async enable(manager: EntityManager, userId: string, step: number, codeHashes: string[]): Promise<boolean> {
    const [rows] = (await manager.query(
      `UPDATE user_totp SET enabled_at = now(), last_step = $2 WHERE user_id = $1 AND enabled_at IS NULL RETURNING user_id`,
      [userId, step],
    )) as [unknown[], number];
    if (rows.length === 0) return false;
    await manager.query(`DELETE FROM mfa_recovery_codes WHERE user_id = $1`, [userId]);
    await manager.query(
      `INSERT INTO mfa_recovery_codes (id, user_id, code_hash) SELECT x.id, $1, x.hash FROM unnest($2::uuid[], $3::text[]) AS x(id, hash)`,
      [userId, codeHashes.map(() => randomUUID()), codeHashes],
    );
    return true;
  }

  /** Accepts a step only if it is later than any used before: a code (or an earlier one) cannot be replayed. */
  async useStep(userId: string, step: number): Promise<boolean> {
    const [rows] = (await this.dataSource.query(
      `UPDATE user_totp SET last_step = $2 WHERE user_id = $1 AND enabled_at IS NOT NULL AND last_step < $2 RETURNING user_id`,
      [userId, step],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  async useRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const [rows] = (await this.dataSource.query(
      `UPDATE mfa_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [userId, codeHash],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  /** Removes the authenticator and its recovery codes; false when there was none. */
  async reset(manager: EntityManager, userId: string): Promise<boolean> {
    await manager.query(`DELETE FROM mfa_recovery_codes WHERE user_id = $1`, [userId]);
    const [rows] = (await manager.query(`DELETE FROM user_totp WHERE user_id = $1 RETURNING user_id`, [userId])) as [unknown[], number];
    return rows.length > 0;
  }
}
