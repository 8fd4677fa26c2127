import { lazyPage } from '../app/lazyPage';
import type { PageRoute } from '../app/routes';

const ADMIN = ['ADMIN'] as const;

/** Admin pages under /admin/… (courts, agencies and their API keys, users, templates), and the closures of a court. */
export const adminRoutes: PageRoute[] = [
  { path: '/admin/courts', roles: ADMIN, page: lazyPage(() => import('./CourtsPage')) },
  // Clerks keep their own court's closures (the clerk's navigation links here).
  { path: '/closures', roles: ['ADMIN', 'CLERK'], page: lazyPage(() => import('./ClosuresPage')) },
  { path: '/admin/agencies', roles: ADMIN, page: lazyPage(() => import('./AgenciesPage')) },
  { path: '/admin/agencies/:id/keys', roles: ADMIN, page: lazyPage(() => import('./ApiKeysPage')) },
  { path: '/admin/users', roles: ADMIN, page: lazyPage(() => import('./UsersPage')) },
  { path: '/admin/users/new', roles: ADMIN, page: lazyPage(() => import('./NewUserPage')) },
  { path: '/admin/users/:id', roles: ADMIN, page: lazyPage(() => import('./UserPage')) },
  { path: '/admin/templates', roles: ADMIN, page: lazyPage(() => import('./TemplatesPage')) },
  { path: '/admin/templates/new', roles: ADMIN, page: lazyPage(() => import('./NewTemplatePage')) },
  { path: '/admin/templates/:id', roles: ADMIN, page: lazyPage(() => import('./TemplatePage')) },
];
