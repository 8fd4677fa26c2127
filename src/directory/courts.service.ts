import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { actsForCourt } from '../auth/scope.js';
import { Conflict, NotFound } from '../common/errors/domain-error.js';
import { UsersRepository, type JudgeView } from '../auth/users.repository.js';
import { CourtsRepository, type ClosureView, type CourtCalendarData, type CourtView } from './courts.repository.js';
import type { CreateClosureDto, CreateCourtDto } from './dto/directory.dto.js';
import { decodeCursor, type Page, type PageQuery } from '../common/pagination/pagination.js';

export type { ClosureView, CourtCalendarData, CourtView } from './courts.repository.js';

/** Courts and their closures; other features ask here for a court's name, time zone or calendar. */
@Injectable()
export class CourtsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CourtsRepository) private readonly courts: CourtsRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async create(actor: Actor, dto: CreateCourtDto): Promise<CourtView> {
    const id = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      const court = await this.courts.insert(manager, { id, name: dto.name, state: dto.state, county: dto.county, timezone: dto.timezone });
      await this.audit.record(manager, actor, { action: 'create', entityType: 'court', entityId: id, courtId: id });
      return court;
    });
  }

  async get(actor: Actor, id: string): Promise<CourtView> {
    const court = await this.courts.findScoped(actor, id);
    if (!court) throw new NotFound('court');
    return court;
  }

  list(actor: Actor, limit: number, cursor?: string): Promise<Page<CourtView>> {
    return this.courts.listScoped(actor, limit, decodeCursor(cursor));
  }

  /** Any court by id, unscoped (the caller has decided who may act on it); null when there is none. */
  byId(id: string, manager?: EntityManager): Promise<CourtView | null> {
    return this.courts.byId(id, manager);
  }

  /** Like byId, for a court that must exist (a foreign key points at it). */
  async require(id: string, manager?: EntityManager): Promise<CourtView> {
    const court = await this.courts.byId(id, manager);
    if (!court) throw new Error(`court ${id} does not exist`);
    return court;
  }

  /** What court days are counted from: time zone, state (public holidays) and the court's closures. */
  async calendar(courtId: string, manager?: EntityManager): Promise<CourtCalendarData> {
    const calendar = await this.courts.calendar(courtId, manager);
    if (!calendar) throw new Error(`court ${courtId} does not exist`);
    return calendar;
  }

  /** Finds a court the caller acts for (admin, or its own judge/clerk); any other is not found. */
  async requireOwnCourt(actor: Actor, courtId: string): Promise<CourtView> {
    const court = await this.get(actor, courtId);
    if (!actsForCourt(actor, court.id)) throw new NotFound('court');
    return court;
  }

  async addClosure(actor: Actor, courtId: string, dto: CreateClosureDto): Promise<ClosureView> {
    await this.requireOwnCourt(actor, courtId);
    const closure: ClosureView = { id: randomUUID(), courtId, date: dto.date, name: dto.name };
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.courts.insertClosure(manager, closure)))
        throw new Conflict('ClosureExists', `The court is already closed on ${dto.date}.`, [
          { field: 'date', message: 'is already a closure' },
        ]);
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'court_closure',
        entityId: closure.id,
        courtId,
        details: { date: dto.date },
      });
      return closure;
    });
  }

  async listClosures(actor: Actor, courtId: string, page: PageQuery): Promise<Page<ClosureView>> {
    await this.get(actor, courtId);
    return this.courts.closures(courtId, page.limit, decodeCursor(page.cursor));
  }

  /** The judges a case of the court may be assigned to; only the court's own staff (and admins) ask. */
  async listJudges(actor: Actor, courtId: string): Promise<{ items: JudgeView[] }> {
    await this.requireOwnCourt(actor, courtId);
    return { items: await this.users.judgesOf(courtId) };
  }
}
