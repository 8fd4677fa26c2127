import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { UsersRepository, type AccountRow } from './users.repository.js';
import { AuthChangeBus } from './auth-changes.js';
import { ExpiringCache } from './expiring-cache.js';
import { RevokedTokensRepository } from './revoked-tokens.repository.js';
import { CarriedTokensRepository } from './carried-tokens.repository.js';

export interface AccountState extends AccountRow {
  /** Access-token ids of this user that were signed out and have not expired yet. */
  revokedJtis: Set<string>;
  /** Access-token ids that changed this user's password, with the token version each now stands for. */
  carriedJtis: Map<string, number>;
}

/**
 * What every authenticated request of a person checks: the user still exists and is not disabled,
 * the token or session carries the user's current token version (a token that changed the password
 * stands for the version it moved the user to), and the token was not signed out.
 * Kept per user for AUTH_STATE_CACHE_MS at most (2 s by default) and dropped at once on every
 * replica when it changes, so a revocation holds within seconds everywhere, never for a token's life.
 */
@Injectable()
export class AccountStateService {
  private readonly cache: ExpiringCache<AccountState | null>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(RevokedTokensRepository) private readonly revoked: RevokedTokensRepository,
    @Inject(CarriedTokensRepository) private readonly carried: CarriedTokensRepository,
    @Inject(AuthChangeBus) private readonly changes: AuthChangeBus,
  ) {
    this.cache = new ExpiringCache(config.authStateCacheMs);
    changes.onChange((change) => {
      if (change.kind === 'user') this.cache.delete(change.id);
    });
  }

  get(userId: string): Promise<AccountState | null> {
    return this.cache.get(userId, async () => {
      const [account, revokedJtis, carriedJtis] = await Promise.all([
        this.users.accountState(userId),
        this.revoked.revokedFor(userId),
        this.carried.carriedFor(userId),
      ]);
      return account ? { ...account, revokedJtis, carriedJtis } : null;
    });
  }

  /** The user's tokens or sessions changed: every replica reads the state again. */
  changed(userId: string): Promise<void> {
    return this.changes.publish({ kind: 'user', id: userId });
  }
}
