import { lazyPage } from '../app/lazyPage';
import { COURT_ROLES, type PageRoute } from '../app/routes';

/** The court's orders: the list with the standing order in force, a new draft, one order (preview, sign, vacate). */
export const orderRoutes: PageRoute[] = [
  { path: '/orders', roles: COURT_ROLES, page: lazyPage(() => import('./OrdersPage')) },
  { path: '/orders/new', roles: COURT_ROLES, page: lazyPage(() => import('./NewOrderPage')) },
  { path: '/orders/:id', roles: COURT_ROLES, page: lazyPage(() => import('./OrderPage')) },
];
