import { lazy } from 'react';
import type { PageRoute } from '../app/routes';

export const verifyRoutes: PageRoute[] = [{ path: '/verify', roles: 'PUBLIC', page: lazy(() => import('./VerifyPage')) }];
