import { lazy } from 'react';
import { COURT_ROLES, type PageRoute } from '../app/routes';

/** The court's orders: the list with the standing order in force, a new draft, one order (preview, sign, vacate). */
export const orderRoutes: PageRoute[] = [
  { path: '/orders', roles: COURT_ROLES, page: lazy(() => import('./OrdersPage')) },
  { path: '/orders/new', roles: COURT_ROLES, page: lazy(() => import('./NewOrderPage')) },
  { path: '/orders/:id', roles: COURT_ROLES, page: lazy(() => import('./OrderPage')) },
];
