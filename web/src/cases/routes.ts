import { lazyPage } from '../app/lazyPage';
import type { PageRoute } from '../app/routes';

export const caseRoutes: PageRoute[] = [
  { path: '/cases', roles: ['CLERK', 'JUDGE', 'ADMIN'], page: lazyPage(() => import('./CasesPage')) },
  { path: '/cases/new', roles: ['CLERK', 'JUDGE', 'ADMIN'], page: lazyPage(() => import('./NewCasePage')) },
  { path: '/cases/:id', roles: ['CLERK', 'JUDGE', 'ADMIN'], page: lazyPage(() => import('./CasePage')) },
  { path: '/children', roles: ['AGENCY'], page: lazyPage(() => import('./ChildrenPage')) },
  { path: '/children/:id', roles: ['AGENCY', 'CLERK', 'JUDGE', 'ADMIN'], page: lazyPage(() => import('./ChildPage')) },
];
