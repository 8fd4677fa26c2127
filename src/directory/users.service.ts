import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccountStateService } from '../auth/account-state.service.js';
import { MfaService } from '../auth/mfa/mfa.service.js';
import { hashPassword } from '../auth/password-hasher.js';
import { passwordProblem } from '../auth/passwords/password-policy.js';
import type { Actor, Role } from '../auth/principal.js';
import { Conflict, NotFound, ValidationFailed, type FieldError } from '../common/errors/domain-error.js';
import type { Page } from '../common/pagination/pagination.js';
import type { CreateUserDto, UpdateUserDto, UserListQuery } from './dto/directory.dto.js';
import { UsersRepository, type UserChange, type UserView } from '../auth/users.repository.js';
import { AgenciesRepository } from './agencies.repository.js';
import { CourtsRepository } from './courts.repository.js';

export { toUserView, type UserView } from '../auth/users.repository.js';

/** JUDGE and CLERK belong to a court, AGENCY to an agency, ADMIN to neither. */
function tenantErrors(role: Role, courtId: string | null, agencyId: string | null): FieldError[] {
  const errors: FieldError[] = [];
  if ((role === 'JUDGE' || role === 'CLERK') && !courtId) errors.push({ field: 'courtId', message: `is required for ${role}` });
  if (role === 'AGENCY' && !agencyId) errors.push({ field: 'agencyId', message: 'is required for AGENCY' });
  if (role !== 'JUDGE' && role !== 'CLERK' && courtId) errors.push({ field: 'courtId', message: `must not be set for ${role}` });
  if (role !== 'AGENCY' && agencyId) errors.push({ field: 'agencyId', message: `must not be set for ${role}` });
  return errors;
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(CourtsRepository) private readonly courts: CourtsRepository,
    @Inject(AgenciesRepository) private readonly agencies: AgenciesRepository,
    @Inject(AccountStateService) private readonly accounts: AccountStateService,
    @Inject(MfaService) private readonly mfa: MfaService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async create(actor: Actor | null, dto: CreateUserDto): Promise<UserView> {
    const errors = tenantErrors(dto.role, dto.courtId ?? null, dto.agencyId ?? null);
    const weak = passwordProblem(dto.password, dto.email);
    if (weak) errors.push(weak);
    if (errors.length) throw new ValidationFailed(errors);

    const passwordHash = await hashPassword(dto.password);
    const id = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      if (dto.courtId && !(await this.courts.byId(dto.courtId, manager))) throw ValidationFailed.field('courtId', 'no such court');
      if (dto.agencyId && !(await this.agencyExists(manager, dto.agencyId))) throw ValidationFailed.field('agencyId', 'no such agency');
      const user = await this.users.insert(manager, {
        id,
        email: dto.email,
        name: dto.name,
        passwordHash,
        role: dto.role,
        courtId: dto.courtId ?? null,
        agencyId: dto.agencyId ?? null,
      });
      if (!user) throw new Conflict('EmailTaken', 'A user with this email already exists.', [{ field: 'email', message: 'is taken' }]);
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'user',
        entityId: id,
        courtId: dto.courtId ?? null,
        details: { role: dto.role },
      });
      return user;
    });
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    if (actor.role !== 'ADMIN' && actor.id !== id) throw new NotFound('user');
    const user = await this.users.find(id);
    if (!user) throw new NotFound('user');
    return user;
  }

  async list(query: UserListQuery): Promise<Page<UserView & { mfaEnabled: boolean }>> {
    const page = await this.users.list(
      { role: query.role, courtId: query.courtId, agencyId: query.agencyId, disabled: query.disabled },
      query.limit,
      query.cursor,
    );
    const enabled = await this.mfa.enabledAmong(page.items.map((user) => user.id));
    return { items: page.items.map((user) => ({ ...user, mfaEnabled: enabled.has(user.id) })), nextCursor: page.nextCursor };
  }

  /**
   * Name, role, tenant, disabled. The result must satisfy the same role/tenant rules as a new user;
   * a role change clears the tenant the new role does not take unless the body sets it. A disable, or
   * a role or tenant change, ends every token and session of the user on every replica.
   */
  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserView> {
    const result = await this.dataSource.transaction(async (manager) => {
      const current = await this.users.find(id, manager);
      if (!current) throw new NotFound('user');
      const role = dto.role ?? current.role;
      const roleChanged = role !== current.role;
      const courtId =
        dto.courtId !== undefined ? dto.courtId : roleChanged && role !== 'JUDGE' && role !== 'CLERK' ? null : current.courtId;
      const agencyId = dto.agencyId !== undefined ? dto.agencyId : roleChanged && role !== 'AGENCY' ? null : current.agencyId;
      const errors = tenantErrors(role, courtId, agencyId);
      if (errors.length) throw new ValidationFailed(errors);
      if (actor.id === id && (roleChanged || dto.disabled === true)) {
        throw new Conflict('OwnAccount', 'An ADMIN cannot disable their own account or change their own role.');
      }
      if (courtId && courtId !== current.courtId && !(await this.courts.byId(courtId, manager)))
        throw ValidationFailed.field('courtId', 'no such court');
      if (agencyId && agencyId !== current.agencyId && !(await this.agencyExists(manager, agencyId)))
        throw ValidationFailed.field('agencyId', 'no such agency');
      const change: UserChange = { name: dto.name, role: dto.role, courtId, agencyId, disabled: dto.disabled };
      const updated = await this.users.update(manager, id, change);
      if (!updated) throw new NotFound('user');
      const { before, after } = updated;
      const changed = (['name', 'role', 'courtId', 'agencyId', 'disabled'] as const).filter((field) => before[field] !== after[field]);
      const entries = [];
      if (changed.length > 0) {
        entries.push({
          action: 'update',
          entityType: 'user',
          entityId: id,
          courtId: after.courtId ?? before.courtId,
          details: { changed, role: after.role },
        });
      }
      if (after.disabled && !before.disabled)
        entries.push({ action: 'user_disabled', entityType: 'user', entityId: id, courtId: before.courtId });
      await this.audit.recordMany(manager, actor, entries);
      return after;
    });
    await this.accounts.changed(id);
    return result;
  }

  resetMfa(actor: Actor, id: string): Promise<void> {
    return this.mfa.reset(actor, id);
  }

  /** The name of a user (the judge who signs, the clerk who schedules), or null. */
  nameOf(id: string, manager?: EntityManager): Promise<string | null> {
    return this.users.nameOf(id, manager);
  }

  /** Whether a user is a judge of the court. */
  isJudgeOf(userId: string, courtId: string): Promise<boolean> {
    return this.users.isJudgeOf(userId, courtId);
  }

  /** First start with no users: create the ADMIN named by ADMIN_EMAIL / ADMIN_PASSWORD. */
  async bootstrapAdmin(email: string, password: string): Promise<void> {
    if ((await this.users.count()) > 0) return;
    try {
      await this.create(null, { email, password, name: 'Administrator', role: 'ADMIN' } as CreateUserDto);
      this.logger.log('created the first ADMIN from ADMIN_EMAIL');
    } catch (error) {
      // Another replica created it at the same moment.
      if (!(error instanceof Conflict)) throw error;
    }
  }

  private async agencyExists(manager: EntityManager, id: string): Promise<boolean> {
    return (await this.agencies.byIds([id], manager)).length > 0;
  }
}
