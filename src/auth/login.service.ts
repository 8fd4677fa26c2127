import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { DomainError, Unauthenticated } from '../common/errors/domain-error.js';
import { UsersRepository, type UserView } from './users.repository.js';
import { LoginThrottle } from './login-throttle.js';
import { MfaInvalid, MfaService } from './mfa/mfa.service.js';
import { decoyHash, verifyPassword } from './password-hasher.js';
import type { Actor } from './principal.js';

/** CJIS 5.5.3: five failed attempts lock the account for ten minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 10;

const WRONG = 'The email or password is wrong.';

export class MfaRequired extends DomainError {
  constructor() {
    super('unauthenticated', 'MfaRequired', 'This account uses TOTP: send the current code (or a recovery code) as `totp`.');
  }
}

/** One sign-in attempt: the credentials and where it came from. */
export interface SignInAttempt {
  email: string;
  password: string;
  totp?: string;
  requestId: string;
  /** The client's address (as TRUST_PROXY says), for the per-address limit. */
  address: string;
}

export interface SignedIn {
  user: UserView;
  tokenVersion: number;
  /** A second factor was proved (TOTP or a recovery code; for single sign-on, the provider's amr). */
  mfa: boolean;
  /** The role needs a second factor and none is enrolled: only enrolment is open until it is. */
  mfaEnrolmentRequired: boolean;
}

/**
 * Password sign-in, for tokens and sessions alike. The attempt is counted per account before the
 * password is checked, atomically, so a burst cannot outrun the lockout; a locked account refuses
 * even the right password, with the same 401 and after the same work as a wrong one; success never
 * clears a lock it did not wait out. Every attempt is audited.
 */
@Injectable()
export class LoginService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(MfaService) private readonly mfa: MfaService,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async signIn({ email, password, totp, requestId, address }: SignInAttempt): Promise<SignedIn> {
    await this.throttle.hit(address, email);
    const candidate = await this.users.findForLogin(email);
    if (!candidate) {
      await verifyPassword(password, await decoyHash());
      await this.failed(null, requestId, 'unknown_email');
      throw new Unauthenticated(WRONG, 'InvalidCredentials');
    }
    const { user } = candidate;
    const actor: Actor = { kind: 'user', id: user.id, role: user.role, courtId: user.courtId, agencyId: user.agencyId, requestId };
    if (!(await this.users.reserveLoginAttempt(user.id, MAX_FAILED_LOGINS, LOCKOUT_MINUTES))) {
      await verifyPassword(password, await decoyHash());
      await this.failed(actor, requestId, 'locked');
      throw new Unauthenticated(WRONG, 'InvalidCredentials');
    }
    if (!(await verifyPassword(password, candidate.passwordHash))) {
      await this.users.recordLoginFailure(user.id, MAX_FAILED_LOGINS, LOCKOUT_MINUTES);
      await this.failed(actor, requestId, 'wrong_password');
      throw new Unauthenticated(WRONG, 'InvalidCredentials');
    }
    if (user.disabled) {
      await this.users.recordLoginFailure(user.id, MAX_FAILED_LOGINS, LOCKOUT_MINUTES);
      await this.failed(actor, requestId, 'disabled');
      throw new Unauthenticated(WRONG, 'InvalidCredentials');
    }
    const totpOn = await this.mfa.isEnabled(user.id);
    if (totpOn) {
      if (!totp) {
        await this.users.releaseLoginAttempt(user.id);
        await this.failed(actor, requestId, 'mfa_required');
        throw new MfaRequired();
      }
      if (!(await this.mfa.verify(user.id, totp))) {
        await this.users.recordLoginFailure(user.id, MAX_FAILED_LOGINS, LOCKOUT_MINUTES);
        await this.failed(actor, requestId, 'mfa_invalid');
        throw new MfaInvalid();
      }
    }
    if (!(await this.users.recordLoginSuccess(user.id))) {
      await this.failed(actor, requestId, 'locked');
      throw new Unauthenticated(WRONG, 'InvalidCredentials');
    }
    await this.succeeded(actor, 'password', totpOn);
    return {
      user,
      tokenVersion: candidate.tokenVersion,
      mfa: totpOn,
      mfaEnrolmentRequired: !totpOn && this.config.mfaRequiredRoles.includes(user.role),
    };
  }

  succeeded(actor: Actor, via: 'password' | 'oidc', mfa: boolean): Promise<void> {
    return this.audit.recordNow(actor, {
      action: 'login',
      entityType: 'session',
      entityId: actor.id,
      courtId: actor.courtId,
      details: { via, mfa },
    });
  }

  failed(actor: Actor | null, requestId: string, reason: string, entityId: string | null = actor?.id ?? null): Promise<void> {
    return this.audit.recordNow(actor, {
      action: 'login_failed',
      outcome: reason === 'locked' ? 'denied' : 'failed',
      entityType: 'session',
      entityId,
      requestId,
      details: { reason },
    });
  }
}
