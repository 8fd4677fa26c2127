import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { NotFound, Unauthenticated, ValidationFailed } from '../common/errors/domain-error.js';
import { ApiKeysRepository, type ApiKeyView } from './api-keys.repository.js';
import { apiKeyMatches, generateApiKey, prefixOf } from './api-key-format.js';
import type { Actor, Principal } from './principal.js';

/** Keys live a year at most (and by default). */
export const API_KEY_MAX_DAYS = 365;
/** `lastUsedAt` is written at most this often per key: no write per request. */
const TOUCH_EVERY_MS = 60_000;

@Injectable()
export class ApiKeyService {
  private readonly logger = new Logger(ApiKeyService.name);
  private readonly touching = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ApiKeysRepository) private readonly keys: ApiKeysRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Creates a key for an agency system. The key itself is returned once and never stored. */
  async create(actor: Actor, agencyId: string, name: string, expiresAt?: string): Promise<ApiKeyView & { key: string }> {
    const now = Date.now();
    const latest = now + API_KEY_MAX_DAYS * 86_400_000;
    const expires = expiresAt ? new Date(expiresAt) : new Date(latest);
    if (expires.getTime() <= now) throw ValidationFailed.field('expiresAt', 'must be in the future');
    // A minute's grace for the client's clock and the request's travel.
    if (expires.getTime() > latest + 60_000) throw ValidationFailed.field('expiresAt', `must be at most ${API_KEY_MAX_DAYS} days ahead`);
    const generated = generateApiKey();
    const id = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      const view = await this.keys.insert(manager, {
        id,
        agencyId,
        name,
        prefix: generated.prefix,
        keyHash: generated.hash,
        createdBy: actor.kind === 'user' ? actor.id : null,
        expiresAt: expires,
      });
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'api_key',
        entityId: id,
        details: { agencyId, expiresAt: expires.toISOString() },
      });
      return { ...view, key: generated.key };
    });
  }

  list(agencyId: string): Promise<ApiKeyView[]> {
    return this.keys.listForAgency(agencyId);
  }

  /** The key stops working on its next request (keys are read on every request, never cached). */
  async revoke(actor: Actor, agencyId: string, keyId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result = await this.keys.revoke(manager, agencyId, keyId);
      if (!result) throw new NotFound('API key');
      if (result.changed) {
        await this.audit.record(manager, actor, {
          action: 'api_key_revoked',
          entityType: 'api_key',
          entityId: keyId,
          details: { agencyId },
        });
      }
    });
  }

  async authenticate(key: string): Promise<Principal> {
    const prefix = prefixOf(key);
    const row = prefix ? await this.keys.findLive(prefix) : null;
    if (!row || !apiKeyMatches(key, row.keyHash)) throw new Unauthenticated('The API key is not valid.', 'InvalidApiKey');
    if ((row.lastUsedAt?.getTime() ?? 0) + TOUCH_EVERY_MS <= Date.now()) this.touch(row.id);
    return { kind: 'api_key', id: row.id, role: 'AGENCY', courtId: null, agencyId: row.agencyId, credential: { type: 'api_key' } };
  }

  async describe(id: string): Promise<ApiKeyView | null> {
    return this.keys.find(id);
  }

  /** One write per key per minute at most, off the request's path. */
  private touch(id: string): void {
    if (this.touching.has(id)) return;
    this.touching.add(id);
    this.keys
      .touch(id)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not record an API key use'))
      .finally(() => this.touching.delete(id));
  }
}
