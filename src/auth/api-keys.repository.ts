import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { FastQuery } from '../common/database/fast-query.js';

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  agencyId: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date;
  revokedAt: Date | null;
}

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  agency_id: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date;
  revoked_at: Date | null;
}

/** A key that may be used now: not revoked, not expired. */
export interface LiveApiKey {
  id: string;
  agencyId: string;
  keyHash: string;
  lastUsedAt: Date | null;
}

const toView = (r: ApiKeyRow): ApiKeyView => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  agencyId: r.agency_id,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

const COLUMNS = 'id, name, prefix, agency_id, created_at, last_used_at, expires_at, revoked_at';
/** Read on every API-key request: revocation and expiry take effect on the next one. */
const LIVE_BY_PREFIX = `SELECT id, agency_id, key_hash, last_used_at FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL AND expires_at > now()`;

/** Agency API keys: only the SHA-256 of a key is stored. */
@Injectable()
export class ApiKeysRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FastQuery) private readonly fast: FastQuery,
  ) {}

  async insert(
    manager: EntityManager,
    key: { id: string; agencyId: string; name: string; prefix: string; keyHash: string; createdBy: string | null; expiresAt: Date },
  ): Promise<ApiKeyView> {
    const rows = (await manager.query(
      `INSERT INTO api_keys (id, agency_id, name, prefix, key_hash, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING ${COLUMNS}`,
      [key.id, key.agencyId, key.name, key.prefix, key.keyHash, key.createdBy, key.expiresAt],
    )) as ApiKeyRow[];
    return toView(rows[0]);
  }

  /** Every key of the agency, newest first (an agency has a handful). */
  async listForAgency(agencyId: string): Promise<ApiKeyView[]> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM api_keys WHERE agency_id = $1 ORDER BY created_at DESC, id`, [
      agencyId,
    ])) as ApiKeyRow[];
    return rows.map(toView);
  }

  async find(id: string): Promise<ApiKeyView | null> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM api_keys WHERE id = $1`, [id])) as ApiKeyRow[];
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Revokes the agency's key; null if the agency has no such key, the key unchanged if already revoked. */
  async revoke(manager: EntityManager, agencyId: string, id: string): Promise<{ key: ApiKeyView; changed: boolean } | null> {
    const [rows] = (await manager.query(
      `UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND agency_id = $2 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [id, agencyId],
    )) as [ApiKeyRow[], number];
    if (rows[0]) return { key: toView(rows[0]), changed: true };
    const existing = (await manager.query(`SELECT ${COLUMNS} FROM api_keys WHERE id = $1 AND agency_id = $2`, [
      id,
      agencyId,
    ])) as ApiKeyRow[];
    return existing[0] ? { key: toView(existing[0]), changed: false } : null;
  }

  async findLive(prefix: string): Promise<LiveApiKey | null> {
    const rows = await this.fast.rows<{ id: string; agency_id: string; key_hash: string; last_used_at: Date | null }>(LIVE_BY_PREFIX, [
      prefix,
    ]);
    const row = rows[0];
    return row ? { id: row.id, agencyId: row.agency_id, keyHash: row.key_hash, lastUsedAt: row.last_used_at } : null;
  }

  async touch(id: string): Promise<void> {
    await this.fast.run(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [id]);
  }
}
