import { lazyPage } from '../app/lazyPage';
import type { PageRoute } from '../app/routes';

export const episodeRoutes: PageRoute[] = [
  { path: '/episodes/new', roles: ['AGENCY', 'CLERK', 'JUDGE'], page: lazyPage(() => import('./ReportMissingPage')) },
  { path: '/episodes/:id', roles: ['AGENCY', 'CLERK', 'JUDGE'], page: lazyPage(() => import('./EpisodePage')) },
];
