import { lazyPage } from '../app/lazyPage';
import type { PageRoute } from '../app/routes';

export const verifyRoutes: PageRoute[] = [{ path: '/verify', roles: 'PUBLIC', page: lazyPage(() => import('./VerifyPage')) }];
