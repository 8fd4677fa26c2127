import { lazy } from 'react';
import { COURT_ROLES, type PageRoute } from '../app/routes';

/** The hearing queue and calendar (clerk and judge). */
export const hearingRoutes: PageRoute[] = [{ path: '/hearings', roles: COURT_ROLES, page: lazy(() => import('./HearingQueuePage')) }];
