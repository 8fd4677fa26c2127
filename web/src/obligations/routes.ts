import { lazyPage } from '../app/lazyPage';
import { COURT_ROLES, type PageRoute } from '../app/routes';

export const obligationRoutes: PageRoute[] = [{ path: '/proofs', roles: COURT_ROLES, page: lazyPage(() => import('./ProofQueuePage')) }];
