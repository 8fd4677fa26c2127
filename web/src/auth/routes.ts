import { lazyPage } from '../app/lazyPage';
import { ALL_ROLES, type PageRoute } from '../app/routes';

export const authRoutes: PageRoute[] = [{ path: '/enrol', roles: ALL_ROLES, page: lazyPage(() => import('./EnrolPage')) }];
