import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FastQuery } from '../common/database/fast-query.js';

const CARRIED_FOR_USER = `SELECT jti, token_version FROM carried_tokens WHERE user_id = $1 AND expires_at > now()`;

/**
 * Access tokens that changed their user's password: each stands for the version it moved the user
 * to, so it goes on while the user's other tokens (still on the old version) end.
 */
@Injectable()
export class CarriedTokensRepository {
  constructor(@Inject(FastQuery) private readonly fast: FastQuery) {}

  /** In the transaction that moves the user to `tokenVersion`. */
  async carry(manager: EntityManager, token: { jti: string; userId: string; expiresAt: Date }, tokenVersion: number): Promise<void> {
    await manager.query(
      `INSERT INTO carried_tokens (jti, user_id, token_version, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (jti) DO UPDATE SET token_version = EXCLUDED.token_version`,
      [token.jti, token.userId, tokenVersion, token.expiresAt],
    );
  }

  /** Token id → the version it stands for, of the user's tokens not expired yet. */
  async carriedFor(userId: string): Promise<Map<string, number>> {
    const rows = await this.fast.rows<{ jti: string; token_version: number }>(CARRIED_FOR_USER, [userId]);
    return new Map(rows.map((row) => [row.jti, row.token_version]));
  }

  /** Housekeeping: an expired token is refused anyway. */
  async purgeExpired(): Promise<number> {
    const { rowCount } = await this.fast.run(`DELETE FROM carried_tokens WHERE expires_at < now()`, []);
    return rowCount ?? 0;
  }
}
