import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { NotFound, RateLimited, Unauthenticated } from '../common/errors/domain-error.js';
import { toUserView, type UserView } from '../directory/users.service.js';
import { decoyHash, verifyPassword } from './password-hasher.js';
import type { Actor, Role } from './principal.js';
import { TokenService } from './token.service.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 10;

export interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: UserView;
}

interface LoginRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  court_id: string | null;
  agency_id: string | null;
  created_at: Date;
  password_hash: string;
  locked_until: Date | null;
}

const WRONG = 'The email or password is wrong.';

/**
 * Password login. An unknown email and a wrong password answer the same 401
 * after the same work; five failures lock the account for ten minutes (CJIS
 * 5.5.3). Every attempt is audited.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string, requestId: string): Promise<TokenResponse> {
    const rows = (await this.dataSource.query(
      `SELECT id, email, name, role, court_id, agency_id, created_at, password_hash, locked_until FROM users WHERE lower(email) = lower($1)`,
      [email.trim()],
    )) as LoginRow[];
    const user = rows[0];
    if (!user) {
      await verifyPassword(password, await decoyHash());
      await this.audit.recordNow(null, {
        action: 'login_failed',
        outcome: 'failed',
        entityType: 'session',
        requestId,
        details: { reason: 'unknown_email' },
      });
      throw new Unauthenticated(WRONG, 'InvalidCredentials');
    }
    const actor: Actor = { kind: 'user', id: user.id, role: user.role, courtId: user.court_id, agencyId: user.agency_id, requestId };
    if (user.locked_until && user.locked_until.getTime() > Date.now()) {
      await this.audit.recordNow(actor, {
        action: 'login_failed',
        outcome: 'denied',
        entityType: 'session',
        entityId: user.id,
        details: { reason: 'locked' },
      });
      throw lockedError(user.locked_until);
    }
    if (!(await verifyPassword(password, user.password_hash))) {
      const lockedUntil = await this.dataSource.transaction(async (manager) => {
        const [updated] = (await manager.query(
          `UPDATE users SET
             locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END,
             failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END
           WHERE id = $1 RETURNING locked_until`,
          [user.id, MAX_FAILED_LOGINS, LOCKOUT_MINUTES],
        )) as [Array<{ locked_until: Date | null }>, number];
        const until = updated[0]?.locked_until ?? null;
        const locked = until !== null && until.getTime() > Date.now();
        await this.audit.record(manager, actor, {
          action: 'login_failed',
          outcome: 'failed',
          entityType: 'session',
          entityId: user.id,
          details: { reason: 'wrong_password', locked },
        });
        return locked ? until : null;
      });
      if (lockedUntil) throw lockedError(lockedUntil);
      throw new Unauthenticated(WRONG, 'InvalidCredentials');
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1`, [user.id]);
      await this.audit.record(manager, actor, { action: 'login', entityType: 'session', entityId: user.id, courtId: user.court_id });
    });
    const accessToken = await this.tokens.issue({ id: user.id, role: user.role, courtId: user.court_id, agencyId: user.agency_id });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.tokens.ttlSeconds, user: toUserView(user) };
  }

  async me(
    actor: Actor,
  ): Promise<UserView | { kind: 'api_key'; id: string; name: string; role: Role; courtId: null; agencyId: string | null }> {
    if (actor.kind === 'api_key') {
      const rows = (await this.dataSource.query(`SELECT id, name, agency_id FROM api_keys WHERE id = $1`, [actor.id])) as Array<{
        id: string;
        name: string;
        agency_id: string;
      }>;
      if (!rows[0]) throw new NotFound('API key');
      return { kind: 'api_key', id: rows[0].id, name: rows[0].name, role: 'AGENCY', courtId: null, agencyId: rows[0].agency_id };
    }
    const rows = (await this.dataSource.query(`SELECT id, email, name, role, court_id, agency_id, created_at FROM users WHERE id = $1`, [
      actor.id,
    ])) as LoginRow[];
    if (!rows[0]) throw new Unauthenticated('This user no longer exists.', 'UnknownUser');
    return toUserView(rows[0]);
  }
}

function lockedError(until: Date): RateLimited {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new RateLimited(
    'AccountLocked',
    `Too many failed logins; this account is locked for ${Math.ceil(seconds / 60)} more minute(s).`,
    seconds,
  );
}
