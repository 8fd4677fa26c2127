/*
 * Who is calling, as every layer sees it (the guard in src/auth sets it on the request). In common so
 * that the shared pieces (errors, idempotency, config) need not import the auth feature.
 */
export const ROLES = ['ADMIN', 'JUDGE', 'CLERK', 'AGENCY'] as const;
export type Role = (typeof ROLES)[number];

/** How a person proved who they are on this request. */
export type Credential =
  { type: 'bearer'; jti: string | null; expiresAt: Date } | { type: 'session'; idHash: string } | { type: 'api_key' };

/** Who is calling: a person (JWT or session) or an agency system (API key), with the tenant they belong to. */
export interface Principal {
  kind: 'user' | 'api_key';
  /** The user id, or the API key id for agency systems. */
  id: string;
  role: Role;
  courtId: string | null;
  agencyId: string | null;
  /** A second factor was proved when this token or session was issued (TOTP, or the identity provider's MFA). */
  mfa?: boolean;
  credential?: Credential;
}

/** A principal plus the request it acts in, which is what the audit log records. */
export interface Actor extends Principal {
  requestId: string;
}
