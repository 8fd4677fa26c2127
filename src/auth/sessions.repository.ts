import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FastQuery } from '../common/database/fast-query.js';

export interface SessionRow {
  idHash: string;
  userId: string;
  csrfHash: string;
  tokenVersion: number;
  mfa: boolean;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
}

const FIND = `SELECT id_hash, user_id, csrf_hash, token_version, mfa, last_seen_at, expires_at, ended_at FROM sessions WHERE id_hash = $1`;

/** Browser sessions, found by the SHA-256 of the cookie's value (a stolen table holds no usable id). */
@Injectable()
export class SessionsRepository {
  constructor(@Inject(FastQuery) private readonly fast: FastQuery) {}

  async insert(session: {
    idHash: string;
    userId: string;
    csrfHash: string;
    tokenVersion: number;
    mfa: boolean;
    via: 'password' | 'oidc';
    absoluteSeconds: number;
  }): Promise<void> {
    await this.fast.run(
      `INSERT INTO sessions (id_hash, user_id, csrf_hash, token_version, mfa, via, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
      [session.idHash, session.userId, session.csrfHash, session.tokenVersion, session.mfa, session.via, session.absoluteSeconds],
    );
  }

  async find(idHash: string): Promise<SessionRow | null> {
    const rows = await this.fast.rows<{
      id_hash: string;
      user_id: string;
      csrf_hash: string;
      token_version: number;
      mfa: boolean;
      last_seen_at: Date;
      expires_at: Date;
      ended_at: Date | null;
    }>(FIND, [idHash]);
    const r = rows[0];
    return r
      ? {
          idHash: r.id_hash,
          userId: r.user_id,
          csrfHash: r.csrf_hash,
          tokenVersion: r.token_version,
          mfa: r.mfa,
          lastSeenAt: r.last_seen_at,
          expiresAt: r.expires_at,
          endedAt: r.ended_at,
        }
      : null;
  }

  /** Coalesced: called at most once a minute per session (see SessionService). */
  async touch(idHash: string): Promise<Date> {
    const { rows } = await this.fast.run(
      `UPDATE sessions SET last_seen_at = now() WHERE id_hash = $1 AND ended_at IS NULL RETURNING last_seen_at`,
      [idHash],
    );
    return (rows[0] as { last_seen_at: Date } | undefined)?.last_seen_at ?? new Date();
  }

  /**
   * Housekeeping: sessions that expired or ended more than a day ago (the day lets a browser still
   * holding the cookie be told why it ended). Who signed in and out stays in the audit log.
   */
  async purgeFinished(): Promise<number> {
    const { rowCount } = await this.fast.run(
      `DELETE FROM sessions WHERE expires_at < now() - interval '1 day' OR ended_at < now() - interval '1 day'`,
      [],
    );
    return rowCount ?? 0;
  }

  /** Ends an open session; false when it had already ended. */
  async end(idHash: string, reason: 'logout' | 'expired' | 'revoked'): Promise<boolean> {
    const { rowCount } = await this.fast.run(
      `UPDATE sessions SET ended_at = now(), end_reason = $2 WHERE id_hash = $1 AND ended_at IS NULL`,
      [idHash, reason],
    );
    return (rowCount ?? 0) > 0;
  }

  /** The session that changed the password keeps going on the new token version; the user's others end with it. */
  async carryOver(manager: EntityManager, idHash: string, tokenVersion: number): Promise<void> {
    await manager.query(`UPDATE sessions SET token_version = $2 WHERE id_hash = $1`, [idHash, tokenVersion]);
  }

  async markMfa(idHash: string): Promise<void> {
    await this.fast.run(`UPDATE sessions SET mfa = true WHERE id_hash = $1`, [idHash]);
  }
}
