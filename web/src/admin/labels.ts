import type { AgencyKind, Role } from '../api/views';

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Administrator',
  JUDGE: 'Judge',
  CLERK: 'Clerk',
  AGENCY: 'Agency caseworker',
};

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  CHILD_WELFARE: 'Child welfare',
  JUVENILE_JUSTICE: 'Juvenile justice',
  PLACEMENT_PROVIDER: 'Placement provider',
};

export const TEMPLATE_KIND_LABELS = {
  INDIVIDUAL_ORDER: 'Individual order',
  STANDING_ORDER: 'Standing order',
  NOTICE_OF_HEARING: 'Notice of hearing',
  ORDER_TO_SHOW_CAUSE: 'Order to show cause',
  ORDER_CONTINUING_JURISDICTION: 'Order continuing jurisdiction',
} as const;

/** Times on admin pages (keys, accounts) belong to no court: they are shown in the browser's zone, named. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
