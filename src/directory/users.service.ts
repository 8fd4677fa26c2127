import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password-hasher.js';
import type { Actor, Role } from '../auth/principal.js';
import { Conflict, NotFound, ValidationFailed, type FieldError } from '../common/errors/domain-error.js';
import type { CreateUserDto } from './dto/directory.dto.js';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  courtId: string | null;
  agencyId: string | null;
  createdAt: Date;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  court_id: string | null;
  agency_id: string | null;
  created_at: Date;
}

export const toUserView = (r: UserRow): UserView => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  courtId: r.court_id,
  agencyId: r.agency_id,
  createdAt: r.created_at,
});

const USER_COLUMNS = 'id, email, name, role, court_id, agency_id, created_at';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async create(actor: Actor | null, dto: CreateUserDto): Promise<UserView> {
    const errors: FieldError[] = [];
    if ((dto.role === 'JUDGE' || dto.role === 'CLERK') && !dto.courtId)
      errors.push({ field: 'courtId', message: `is required for ${dto.role}` });
    if (dto.role === 'AGENCY' && !dto.agencyId) errors.push({ field: 'agencyId', message: 'is required for AGENCY' });
    if (dto.role !== 'JUDGE' && dto.role !== 'CLERK' && dto.courtId)
      errors.push({ field: 'courtId', message: `must not be set for ${dto.role}` });
    if (dto.role !== 'AGENCY' && dto.agencyId) errors.push({ field: 'agencyId', message: `must not be set for ${dto.role}` });
    if (errors.length) throw new ValidationFailed(errors);

    const passwordHash = await hashPassword(dto.password);
    const id = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      if (dto.courtId && !(await exists(manager, 'courts', dto.courtId))) throw ValidationFailed.field('courtId', 'no such court');
      if (dto.agencyId && !(await exists(manager, 'agencies', dto.agencyId))) throw ValidationFailed.field('agencyId', 'no such agency');
      const rows = (await manager.query(
        `INSERT INTO users (id, email, name, password_hash, role, court_id, agency_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT ((lower(email))) DO NOTHING RETURNING ${USER_COLUMNS}`,
        [id, dto.email, dto.name, passwordHash, dto.role, dto.courtId ?? null, dto.agencyId ?? null],
      )) as UserRow[];
      if (rows.length === 0)
        throw new Conflict('EmailTaken', 'A user with this email already exists.', [{ field: 'email', message: 'is taken' }]);
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'user',
        entityId: id,
        courtId: dto.courtId ?? null,
        details: { role: dto.role },
      });
      return toUserView(rows[0]);
    });
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    if (actor.role !== 'ADMIN' && actor.id !== id) throw new NotFound('user');
    const rows = (await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id])) as UserRow[];
    if (!rows[0]) throw new NotFound('user');
    return toUserView(rows[0]);
  }

  /** The name of a user (the judge who signs, the clerk who schedules), or null. */
  async nameOf(id: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const rows = (await manager.query(`SELECT name FROM users WHERE id = $1`, [id])) as Array<{ name: string }>;
    return rows[0]?.name ?? null;
  }

  /** Whether a user is a judge of the court. */
  async isJudgeOf(userId: string, courtId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM users WHERE id = $1 AND role = 'JUDGE' AND court_id = $2`, [
      userId,
      courtId,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** First start with no users: create the ADMIN named by ADMIN_EMAIL / ADMIN_PASSWORD. */
  async bootstrapAdmin(email: string, password: string): Promise<void> {
    const [{ count }] = (await this.dataSource.query(`SELECT count(*)::int AS count FROM users`)) as Array<{ count: number }>;
    if (count > 0) return;
    try {
      await this.create(null, { email, password, name: 'Administrator', role: 'ADMIN' } as CreateUserDto);
      this.logger.log('created the first ADMIN from ADMIN_EMAIL');
    } catch (error) {
      // Another replica created it at the same moment.
      if (!(error instanceof Conflict)) throw error;
    }
  }
}

async function exists(manager: EntityManager, table: 'courts' | 'agencies', id: string): Promise<boolean> {
  const rows = (await manager.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])) as unknown[];
  return rows.length > 0;
}
