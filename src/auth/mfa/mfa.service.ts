import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { Conflict, DomainError, Forbidden, NotFound } from '../../common/errors/domain-error.js';
import { UsersRepository } from '../users.repository.js';
import { AccountStateService } from '../account-state.service.js';
import type { Actor } from '../principal.js';
import { SessionService } from '../session.service.js';
import { MfaRepository } from './mfa.repository.js';
import { hashRecoveryCode, isRecoveryCodeShape, newRecoveryCodes } from './recovery-codes.js';
import { newTotpSecret, otpauthUrl, totpStep } from './totp.js';

export class MfaInvalid extends DomainError {
  constructor() {
    super('unauthenticated', 'MfaInvalid', 'The one-time code is wrong, expired or already used.');
  }
}

/** TOTP enrolment, the check at sign-in, recovery codes, and an ADMIN's reset. */
@Injectable()
export class MfaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MfaRepository) private readonly mfa: MfaRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(AccountStateService) private readonly accounts: AccountStateService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async isEnabled(userId: string): Promise<boolean> {
    return (await this.mfa.find(userId))?.enabled ?? false;
  }

  enabledAmong(userIds: string[]): Promise<Set<string>> {
    return this.mfa.enabledAmong(userIds);
  }

  async startEnrolment(actor: Actor): Promise<{ secret: string; otpauthUrl: string }> {
    if (actor.kind !== 'user') throw new Forbidden('Only a person can enrol a second factor.');
    const user = await this.users.find(actor.id);
    if (!user) throw new NotFound('user');
    const secret = newTotpSecret();
    if (!(await this.mfa.startEnrolment(actor.id, secret))) {
      throw new Conflict('MfaAlreadyEnabled', 'TOTP is already on for this account; an ADMIN can reset it.');
    }
    return { secret, otpauthUrl: otpauthUrl(secret, user.email) };
  }

  async confirm(actor: Actor, code: string): Promise<{ recoveryCodes: string[] }> {
    if (actor.kind !== 'user') throw new Forbidden('Only a person can enrol a second factor.');
    const totp = await this.mfa.find(actor.id);
    if (!totp) throw new Conflict('MfaNotStarted', 'Start TOTP enrolment first (POST /api/v1/auth/mfa/totp).');
    if (totp.enabled) throw new Conflict('MfaAlreadyEnabled', 'TOTP is already on for this account; an ADMIN can reset it.');
    const step = totpStep(totp.secret, code);
    if (step === null) throw new MfaInvalid();
    const recoveryCodes = newRecoveryCodes();
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.mfa.enable(manager, actor.id, step, recoveryCodes.map(hashRecoveryCode)))) {
        throw new Conflict('MfaAlreadyEnabled', 'TOTP is already on for this account; an ADMIN can reset it.');
      }
      await this.audit.record(manager, actor, { action: 'mfa_enrolled', entityType: 'user', entityId: actor.id, courtId: actor.courtId });
    });
    // The person just proved the factor on this session; a Bearer caller signs in again with a code.
    if (actor.credential?.type === 'session') await this.sessions.markMfa(actor.credential.idHash);
    return { recoveryCodes };
  }

  /**
   * The second factor at sign-in: a TOTP code of a step not used before, or an unused recovery code
   * (then used up). False when neither.
   */
  async verify(userId: string, code: string): Promise<boolean> {
    const trimmed = code.trim();
    if (/^\d{6}$/.test(trimmed)) {
      const totp = await this.mfa.find(userId);
      if (!totp?.enabled) return false;
      const step = totpStep(totp.secret, trimmed);
      return step !== null && (await this.mfa.useStep(userId, step));
    }
    if (isRecoveryCodeShape(trimmed)) return this.mfa.useRecoveryCode(userId, hashRecoveryCode(trimmed));
    return false;
  }

  /** A lost authenticator: TOTP and recovery codes go, and so do the user's tokens and sessions. */
  async reset(actor: Actor, userId: string): Promise<void> {
    const user = await this.users.find(userId);
    if (!user) throw new NotFound('user');
    await this.dataSource.transaction(async (manager) => {
      const removed = await this.mfa.reset(manager, userId);
      await this.users.bumpTokenVersion(manager, userId);
      await this.audit.record(manager, actor, {
        action: 'mfa_reset',
        entityType: 'user',
        entityId: userId,
        courtId: user.courtId,
        details: { hadTotp: removed },
      });
    });
    await this.accounts.changed(userId);
  }
}
