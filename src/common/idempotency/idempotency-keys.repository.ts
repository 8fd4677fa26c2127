import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A key's first request as stored: its URL, its body's hash and, once done, its answer. */
export interface StoredIdempotencyKey {
  path: string;
  requestHash: string;
  status: 'RUNNING' | 'DONE';
  responseStatus: number;
  responseBody: unknown;
}

/** The idempotency_keys table: claimed by the interceptor for a request, completed or released, purged after 24 hours. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the key for a running request: a new key, one past its 24 hours, or one whose run was
   * abandoned (still RUNNING after `abandonedAfterSeconds`). False when the key is held.
   */
  async claim(owner: string, key: string, path: string, requestHash: string, abandonedAfterSeconds: number): Promise<boolean> {
    const inserted = (await this.dataSource.query(
      `INSERT INTO idempotency_keys (owner_id, key, method, path, request_hash, status)
       VALUES ($1, $2, 'POST', $3, $4, 'RUNNING')
       ON CONFLICT (owner_id, key) DO UPDATE
         SET method = 'POST', path = EXCLUDED.path, request_hash = EXCLUDED.request_hash, status = 'RUNNING',
             response_status = NULL, response_body = NULL, created_at = now()
         WHERE idempotency_keys.created_at < now() - interval '24 hours'
            OR (idempotency_keys.status = 'RUNNING' AND idempotency_keys.created_at < now() - make_interval(secs => $5))
       RETURNING owner_id`,
      [owner, key, path, requestHash, abandonedAfterSeconds],
    )) as unknown[];
    return inserted.length > 0;
  }

  async find(owner: string, key: string): Promise<StoredIdempotencyKey | null> {
    const [row] = (await this.dataSource.query(
      `SELECT path, request_hash, status, response_status, response_body FROM idempotency_keys WHERE owner_id = $1 AND key = $2`,
      [owner, key],
    )) as Array<{ path: string; request_hash: string; status: 'RUNNING' | 'DONE'; response_status: number; response_body: unknown }>;
    return row
      ? {
          path: row.path,
          requestHash: row.request_hash,
          status: row.status,
          responseStatus: row.response_status,
          responseBody: row.response_body,
        }
      : null;
  }

  /** Stores the first request's answer. */
  async complete(owner: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET status = 'DONE', response_status = $3, response_body = $4 WHERE owner_id = $1 AND key = $2`,
      [owner, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** Forgets a run that failed, so the client may retry with the same key. */
  async release(owner: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE owner_id = $1 AND key = $2 AND status = 'RUNNING'`, [owner, key]);
  }

  /** Keys past their 24 hours; answers how many went. */
  async purgeExpired(): Promise<number> {
    const [, count] = (await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`)) as [
      unknown,
      number,
    ];
    return count;
  }
}
