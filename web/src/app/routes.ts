import type { Role } from '../api/views';
import type { LazyPage } from './lazyPage';

/**
 * One page of the app: its path, who may open it ('PUBLIC': anyone, signed in or not) and the
 * page, loaded as its own chunk. Each feature folder lists its pages in its own `routes.ts`;
 * App.tsx only joins the lists.
 */
export interface PageRoute {
  path: string;
  roles: readonly Role[] | 'PUBLIC';
  page: LazyPage;
}

export const ALL_ROLES: readonly Role[] = ['ADMIN', 'JUDGE', 'CLERK', 'AGENCY'];
export const COURT_ROLES: readonly Role[] = ['JUDGE', 'CLERK'];
