import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor, Principal } from './principal.js';
import { apiKeyMatches, generateApiKey, prefixOf } from './api-key-format.js';
import { Unauthenticated } from '../common/errors/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { Inject } from '@nestjs/common';

@Injectable()
export class ApiKeyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Creates a key for an agency system. The key itself is returned once and never stored. */
  async create(
    actor: Actor,
    agencyId: string,
    name: string,
  ): Promise<{ id: string; name: string; key: string; agencyId: string; createdAt: Date }> {
    const generated = generateApiKey();
    const id = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO api_keys (id, agency_id, name, prefix, key_hash, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING created_at`,
        [id, agencyId, name, generated.prefix, generated.hash, actor.kind === 'user' ? actor.id : null],
      )) as Array<{ created_at: Date }>;
      await this.audit.record(manager, actor, { action: 'create', entityType: 'api_key', entityId: id, details: { agencyId } });
      return { id, name, key: generated.key, agencyId, createdAt: row.created_at };
    });
  }

  async authenticate(key: string): Promise<Principal> {
    const prefix = prefixOf(key);
    if (prefix) {
      const rows = (await this.dataSource.query(`SELECT id, agency_id, key_hash FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL`, [
        prefix,
      ])) as Array<{ id: string; agency_id: string; key_hash: string }>;
      const row = rows[0];
      if (row && apiKeyMatches(key, row.key_hash)) {
        return { kind: 'api_key', id: row.id, role: 'AGENCY', courtId: null, agencyId: row.agency_id };
      }
    }
    throw new Unauthenticated('The API key is not valid.', 'InvalidApiKey');
  }
}
