import { lazyPage } from '../app/lazyPage';
import type { PageRoute } from '../app/routes';

/** Every message to the people on the court's cases, by delivery status (the court's staff; administrators see every court's). */
export const notificationRoutes: PageRoute[] = [
  { path: '/notifications', roles: ['CLERK', 'JUDGE', 'ADMIN'], page: lazyPage(() => import('./NotificationsPage')) },
];
