import { lazy } from 'react';
import type { PageRoute } from '../app/routes';

export const episodeRoutes: PageRoute[] = [
  { path: '/episodes/new', roles: ['AGENCY', 'CLERK', 'JUDGE'], page: lazy(() => import('./ReportMissingPage')) },
  { path: '/episodes/:id', roles: ['AGENCY', 'CLERK', 'JUDGE'], page: lazy(() => import('./EpisodePage')) },
];
