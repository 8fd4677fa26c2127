import { lazyPage } from '../app/lazyPage';
import { ALL_ROLES, type PageRoute } from '../app/routes';

/** One's own account, for everyone signed in. */
export const accountRoutes: PageRoute[] = [{ path: '/account', roles: ALL_ROLES, page: lazyPage(() => import('./AccountPage')) }];
