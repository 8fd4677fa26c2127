import { lazy } from 'react';
import type { PageRoute } from '../app/routes';

export const caseRoutes: PageRoute[] = [
  { path: '/cases', roles: ['CLERK', 'JUDGE', 'ADMIN'], page: lazy(() => import('./CasesPage')) },
  { path: '/cases/:id', roles: ['CLERK', 'JUDGE', 'ADMIN'], page: lazy(() => import('./CasePage')) },
  { path: '/children', roles: ['AGENCY'], page: lazy(() => import('./ChildrenPage')) },
  { path: '/children/:id', roles: ['AGENCY', 'CLERK', 'JUDGE', 'ADMIN'], page: lazy(() => import('./ChildPage')) },
];
