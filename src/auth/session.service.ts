import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { Unauthenticated } from '../common/errors/domain-error.js';
import type { UserView } from './users.repository.js';
import { AuthChangeBus } from './auth-changes.js';
import type { SignedIn } from './signed-in.js';
import { ExpiringCache } from './expiring-cache.js';
import { SessionsRepository, type SessionRow } from './sessions.repository.js';

/** CJIS session lock: 30 minutes without a request, 12 hours after sign-in, whichever comes first. */
export const SESSION_IDLE_SECONDS = 30 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** `last_seen_at` is written at most this often per session (not once per request). */
const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  /** The cookie values: shown to the browser only, stored hashed. */
  id: string;
  csrf: string;
  idHash: string;
}

export const hashSecret = (value: string): string => createHash('sha256').update(value).digest('hex');

/** Browser sessions stored server-side in PostgreSQL; rows are cached for AUTH_STATE_CACHE_MS at most. */
@Injectable()
export class SessionService {
  private readonly cache: ExpiringCache<SessionRow | null>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SessionsRepository) private readonly sessions: SessionsRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(AuthChangeBus) private readonly changes: AuthChangeBus,
  ) {
    this.cache = new ExpiringCache(config.authStateCacheMs);
    changes.onChange((change) => {
      if (change.kind === 'session') this.cache.delete(change.idHash);
    });
  }

  async create(user: { id: string; tokenVersion: number; mfa: boolean; via: 'password' | 'oidc' }): Promise<NewSession> {
    const id = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    const idHash = hashSecret(id);
    await this.sessions.insert({
      idHash,
      userId: user.id,
      csrfHash: hashSecret(csrf),
      tokenVersion: user.tokenVersion,
      mfa: user.mfa,
      via: user.via,
      absoluteSeconds: SESSION_ABSOLUTE_SECONDS,
    });
    return { id, csrf, idHash };
  }

  /** The browser session of a sign-in (password or single sign-on), with what the sign-in answers. */
  async signedIn(
    signedIn: SignedIn,
    via: 'password' | 'oidc',
  ): Promise<{ session: NewSession; user: UserView; mfaEnrolmentRequired: boolean }> {
    const session = await this.create({ id: signedIn.user.id, tokenVersion: signedIn.tokenVersion, mfa: signedIn.mfa, via });
    return { session, user: signedIn.user, mfaEnrolmentRequired: signedIn.mfaEnrolmentRequired };
  }

  /** The open session behind a cookie value. An idle or too old one ends here (audited once). */
  async open(cookieValue: string, requestId: string): Promise<SessionRow> {
    const idHash = hashSecret(cookieValue);
    const session = await this.cache.get(idHash, () => this.sessions.find(idHash));
    if (!session || session.endedAt) throw new Unauthenticated('The session has ended; sign in again.', 'InvalidSession');
    const now = Date.now();
    if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + SESSION_IDLE_SECONDS * 1000 <= now) {
      if (await this.sessions.end(idHash, 'expired')) {
        await this.audit.recordNow(null, {
          action: 'session_expired',
          entityType: 'session',
          entityId: session.userId,
          requestId,
          details: { reason: session.expiresAt.getTime() <= now ? 'absolute' : 'idle' },
        });
      }
      await this.changes.publish({ kind: 'session', idHash });
      throw new Unauthenticated('The session has expired; sign in again.', 'SessionExpired');
    }
    if (session.lastSeenAt.getTime() + TOUCH_EVERY_MS <= now) {
      session.lastSeenAt = new Date(now);
      session.lastSeenAt = await this.sessions.touch(idHash);
    }
    return session;
  }

  /** The double-submit check: the header equals the readable cookie, and both are this session's. */
  csrfMatches(session: SessionRow, header: string | undefined, cookie: string | undefined): boolean {
    if (!header || !cookie || header !== cookie) return false;
    const actual = Buffer.from(hashSecret(header), 'hex');
    const expected = Buffer.from(session.csrfHash, 'hex');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  async end(idHash: string, reason: 'logout' | 'revoked'): Promise<boolean> {
    const ended = await this.sessions.end(idHash, reason);
    await this.changes.publish({ kind: 'session', idHash });
    return ended;
  }

  /** The session's row changed (a password change carried it over): every replica reads it again. */
  refresh(idHash: string): Promise<void> {
    return this.changes.publish({ kind: 'session', idHash });
  }

  /** After a second factor was proved on this session (TOTP enrolment). */
  async markMfa(idHash: string): Promise<void> {
    await this.sessions.markMfa(idHash);
    await this.changes.publish({ kind: 'session', idHash });
  }
}
