import { lazyPage } from '../app/lazyPage';
import { COURT_ROLES, type PageRoute } from '../app/routes';

/** The hearing queue and calendar (clerk and judge); docket deliveries that failed (clerk). */
export const hearingRoutes: PageRoute[] = [
  { path: '/hearings', roles: COURT_ROLES, page: lazyPage(() => import('./HearingQueuePage')) },
  { path: '/docket', roles: ['CLERK', 'ADMIN'], page: lazyPage(() => import('./DocketDeliveriesPage')) },
];
