import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { Forbidden, NotFound, Unauthenticated, ValidationFailed } from '../common/errors/domain-error.js';
import { UsersRepository, type UserView } from './users.repository.js';
import { AccountStateService } from './account-state.service.js';
import { ApiKeyService } from './api-key.service.js';
import { needsMfaEnrolment } from './auth.guard.js';
import { LoginService, type SignInAttempt } from './login.service.js';
import { MfaService } from './mfa/mfa.service.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { passwordProblem } from './passwords/password-policy.js';
import type { Actor, Role } from './principal.js';
import { RevokedTokensRepository } from './revoked-tokens.repository.js';
import { CarriedTokensRepository } from './carried-tokens.repository.js';
import { SessionService, type NewSession } from './session.service.js';
import { SessionsRepository } from './sessions.repository.js';
import { TokenService } from './token.service.js';

export interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: UserView;
  mfaEnrolmentRequired: boolean;
}

export interface MeView extends UserView {
  kind: 'user';
  mfaEnabled: boolean;
  mfaEnrolmentRequired: boolean;
}

export interface ApiKeyMe {
  kind: 'api_key';
  id: string;
  name: string;
  role: Role;
  courtId: null;
  agencyId: string | null;
}

/** Tokens and sessions: issuing them after a sign-in, ending them, and the caller's own account. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LoginService) private readonly login: LoginService,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(SessionsRepository) private readonly sessionRows: SessionsRepository,
    @Inject(RevokedTokensRepository) private readonly revoked: RevokedTokensRepository,
    @Inject(CarriedTokensRepository) private readonly carried: CarriedTokensRepository,
    @Inject(AccountStateService) private readonly accounts: AccountStateService,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(MfaService) private readonly mfa: MfaService,
    @Inject(ApiKeyService) private readonly apiKeys: ApiKeyService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async token(attempt: SignInAttempt): Promise<TokenResponse> {
    const signedIn = await this.login.signIn(attempt);
    const accessToken = await this.tokens.issue({ ...signedIn.user, tokenVersion: signedIn.tokenVersion, mfa: signedIn.mfa });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.tokens.ttlSeconds,
      user: signedIn.user,
      mfaEnrolmentRequired: signedIn.mfaEnrolmentRequired,
    };
  }

  async session(attempt: SignInAttempt): Promise<{ session: NewSession; user: UserView; mfaEnrolmentRequired: boolean }> {
    return this.sessions.signedIn(await this.login.signIn(attempt), 'password');
  }

  /** Ends the caller's session (cookie) or access token (Bearer) at once, on every replica. */
  async logout(actor: Actor): Promise<void> {
    const credential = actor.credential;
    if (actor.kind !== 'user' || !credential || credential.type === 'api_key') {
      throw new Forbidden('An API key is revoked by an ADMIN (DELETE /agencies/:id/api-keys/:keyId), not signed out.');
    }
    if (credential.type === 'session') {
      await this.sessions.end(credential.idHash, 'logout');
    } else {
      if (!credential.jti) throw new Unauthenticated('This token cannot be signed out; it expires by itself.', 'InvalidToken');
      await this.revoked.revoke(credential.jti, actor.id, credential.expiresAt);
      await this.accounts.changed(actor.id);
    }
    await this.audit.recordNow(actor, {
      action: 'logout',
      entityType: 'session',
      entityId: actor.id,
      courtId: actor.courtId,
      details: { via: credential.type },
    });
  }

  /** A new password ends the user's other sessions and tokens; the session that changed it goes on. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    if (actor.kind !== 'user') throw new Forbidden('Only a person has a password.');
    const user = await this.users.find(actor.id);
    const stored = await this.users.findPasswordHash(actor.id);
    if (!user || !stored) throw new NotFound('user');
    if (!(await verifyPassword(currentPassword, stored))) {
      throw ValidationFailed.field('currentPassword', 'is not the current password');
    }
    const problem = passwordProblem(newPassword, user.email, 'newPassword');
    if (problem) throw new ValidationFailed([problem], `newPassword: ${problem.message}`);
    if (await verifyPassword(newPassword, stored)) throw ValidationFailed.field('newPassword', 'must differ from the current password');
    const hash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      const version = await this.users.changePassword(manager, actor.id, hash);
      const credential = actor.credential;
      if (credential?.type === 'session') await this.sessionRows.carryOver(manager, credential.idHash, version);
      if (credential?.type === 'bearer' && credential.jti !== null) {
        await this.carried.carry(manager, { jti: credential.jti, userId: actor.id, expiresAt: credential.expiresAt }, version);
      }
      await this.audit.record(manager, actor, {
        action: 'password_changed',
        entityType: 'user',
        entityId: actor.id,
        courtId: actor.courtId,
      });
    });
    await this.accounts.changed(actor.id);
    if (actor.credential?.type === 'session') await this.sessions.refresh(actor.credential.idHash);
  }

  async me(actor: Actor): Promise<MeView | ApiKeyMe> {
    if (actor.kind === 'api_key') {
      const key = await this.apiKeys.describe(actor.id);
      if (!key) throw new NotFound('API key');
      return { kind: 'api_key', id: key.id, name: key.name, role: 'AGENCY', courtId: null, agencyId: key.agencyId };
    }
    const user = await this.users.find(actor.id);
    if (!user) throw new Unauthenticated('This user no longer exists.', 'UnknownUser');
    return {
      kind: 'user',
      ...user,
      mfaEnabled: await this.mfa.isEnabled(user.id),
      mfaEnrolmentRequired: needsMfaEnrolment(actor, this.config),
    };
  }
}
