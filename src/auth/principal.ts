export const ROLES = ['ADMIN', 'JUDGE', 'CLERK', 'AGENCY'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: a person (JWT) or an agency system (API key), with the tenant they belong to. */
export interface Principal {
  kind: 'user' | 'api_key';
  /** The user id, or the API key id for agency systems. */
  id: string;
  role: Role;
  courtId: string | null;
  agencyId: string | null;
}

/** A principal plus the request it acts in, which is what the audit log records. */
export interface Actor extends Principal {
  requestId: string;
}
