import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { DomainError, Unauthenticated } from '../common/errors/domain-error.js';
import { UsersRepository } from './users.repository.js';
import { LoginThrottle } from './login-throttle.js';
import type { SignedIn } from './signed-in.js';
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

/** The same answer for an unknown, disabled or locked account signed in by the identity provider. */
const noAccount = () => new Unauthenticated('The identity provider signed in someone without an active account here.', 'OidcNoAccount');

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

  /**
   * Single sign-on: the court's identity provider has verified this email (and, when `providerMfa`,
   * a second factor). Signs in the existing active user with that email, never creating one; a
   * disabled, locked or unknown account gets the same 401. A role that needs a second factor and
   * got none from the provider is sent to enrol, or, with TOTP already on, to sign in with it.
   */
  async signInVerifiedEmail(email: string, providerMfa: boolean, requestId: string): Promise<SignedIn> {
    const candidate = await this.users.findForLogin(email);
    if (!candidate) {
      await this.failed(null, requestId, 'oidc_unknown_email');
      throw noAccount();
    }
    const { user } = candidate;
    const actor: Actor = { kind: 'user', id: user.id, role: user.role, courtId: user.courtId, agencyId: user.agencyId, requestId };
    if (user.disabled) {
      await this.failed(actor, requestId, 'oidc_disabled');
      throw noAccount();
    }
    if (!(await this.users.reserveLoginAttempt(user.id, MAX_FAILED_LOGINS, LOCKOUT_MINUTES))) {
      await this.failed(actor, requestId, 'locked');
      throw noAccount();
    }
    const mfaRequired = this.config.mfaRequiredRoles.includes(user.role);
    if (mfaRequired && !providerMfa && (await this.mfa.isEnabled(user.id))) {
      await this.users.releaseLoginAttempt(user.id);
      await this.failed(actor, requestId, 'mfa_required');
      throw new DomainError(
        'unauthenticated',
        'MfaRequired',
        'The identity provider did not report a second factor: sign in with your password and authenticator code.',
      );
    }
    if (!(await this.users.recordLoginSuccess(user.id))) {
      await this.failed(actor, requestId, 'locked');
      throw noAccount();
    }
    await this.succeeded(actor, 'oidc', providerMfa);
    return { user, tokenVersion: candidate.tokenVersion, mfa: providerMfa, mfaEnrolmentRequired: mfaRequired && !providerMfa };
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
