import { lazyPage } from '../app/lazyPage';
import { COURT_ROLES, type PageRoute } from '../app/routes';

/** Compliance charts and photo gaps, for the court's judges and clerks. */
export const complianceRoutes: PageRoute[] = [
  { path: '/compliance', roles: COURT_ROLES, page: lazyPage(() => import('./CompliancePage')) },
  { path: '/photo-gaps', roles: COURT_ROLES, page: lazyPage(() => import('./PhotoGapsPage')) },
];
