import { Inject, Injectable } from '@nestjs/common';
import { FastQuery } from '../common/database/fast-query.js';

const REVOKED_FOR_USER = `SELECT jti FROM revoked_tokens WHERE user_id = $1 AND expires_at > now()`;

/** Access-token ids signed out before they expire (denied until then). */
@Injectable()
export class RevokedTokensRepository {
  constructor(@Inject(FastQuery) private readonly fast: FastQuery) {}

  async revoke(jti: string, userId: string, expiresAt: Date): Promise<void> {
    await this.fast.run(`INSERT INTO revoked_tokens (jti, user_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT (jti) DO NOTHING`, [
      jti,
      userId,
      expiresAt,
    ]);
  }

  /** Housekeeping: a token past its expiry is refused anyway, so its row has done its work. */
  async purgeExpired(): Promise<number> {
    const { rowCount } = await this.fast.run(`DELETE FROM revoked_tokens WHERE expires_at < now()`, []);
    return rowCount ?? 0;
  }

  async revokedFor(userId: string): Promise<Set<string>> {
    const rows = await this.fast.rows<{ jti: string }>(REVOKED_FOR_USER, [userId]);
    return new Set(rows.map((row) => row.jti));
  }
}
