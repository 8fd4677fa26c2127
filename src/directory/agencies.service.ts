import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { NotFound } from '../common/errors/domain-error.js';
import { decodeCursor, type Page } from '../common/pagination/pagination.js';
import { AgenciesRepository, type AgencyView } from './agencies.repository.js';
import type { CreateAgencyDto } from './dto/directory.dto.js';

export type { AgencyView } from './agencies.repository.js';

/** Agencies; other features ask here whether agencies exist and what they are called. */
@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(AgenciesRepository) private readonly agencies: AgenciesRepository,
  ) {}

  async create(actor: Actor, dto: CreateAgencyDto): Promise<AgencyView> {
    const id = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      const agency = await this.agencies.insert(manager, { id, name: dto.name, kind: dto.kind, state: dto.state });
      await this.audit.record(manager, actor, { action: 'create', entityType: 'agency', entityId: id });
      return agency;
    });
  }

  async get(actor: Actor, id: string): Promise<AgencyView> {
    const agency = await this.agencies.findScoped(actor, id);
    if (!agency) throw new NotFound('agency');
    return agency;
  }

  list(actor: Actor, limit: number, cursor?: string): Promise<Page<AgencyView>> {
    return this.agencies.listScoped(actor, limit, decodeCursor(cursor));
  }

  /** The ids among these that name no agency. */
  async missing(ids: string[]): Promise<string[]> {
    const found = new Set((await this.agencies.byIds(ids)).map((a) => a.id));
    return ids.filter((id) => !found.has(id));
  }

  /** The agencies among these ids, ordered by name. */
  byIds(ids: string[], manager?: EntityManager): Promise<AgencyView[]> {
    return this.agencies.byIds(ids, manager);
  }
}
