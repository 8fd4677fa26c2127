import type { UserView } from './users.repository.js';

/** A sign-in that succeeded (password or single sign-on): what tokens and sessions are made from. */
export interface SignedIn {
  user: UserView;
  tokenVersion: number;
  /** A second factor was proved (TOTP or a recovery code; for single sign-on, the provider's amr). */
  mfa: boolean;
  /** The role needs a second factor and none is enrolled: only enrolment is open until it is. */
  mfaEnrolmentRequired: boolean;
}
