import { matchPath } from 'react-router';
import { accountRoutes } from '../account/routes';
import { adminRoutes } from '../admin/routes';
import { authRoutes } from '../auth/routes';
import { caseRoutes } from '../cases/routes';
import { complianceRoutes } from '../compliance/routes';
import { directoryRoutes } from '../directory/routes';
import { episodeRoutes } from '../episodes/routes';
import { hearingRoutes } from '../hearings/routes';
import { notificationRoutes } from '../notifications/routes';
import { obligationRoutes } from '../obligations/routes';
import { orderRoutes } from '../orders/routes';
import { verifyRoutes } from '../verify/routes';
import type { PageRoute } from './routes';

/** Every page but sign-in and `/`, from each feature's list. */
export const PAGES: PageRoute[] = [
  ...authRoutes,
  ...accountRoutes,
  ...episodeRoutes,
  ...caseRoutes,
  ...obligationRoutes,
  ...hearingRoutes,
  ...notificationRoutes,
  ...directoryRoutes,
  ...orderRoutes,
  ...complianceRoutes,
  ...adminRoutes,
  ...verifyRoutes,
];

/** The page an address opens, if any (a path without parameters first: `/episodes/new` before `/episodes/:id`). */
export function pageAt(pathname: string): PageRoute | undefined {
  return PAGES.find(({ path }) => path === pathname) ?? PAGES.find(({ path }) => matchPath(path, pathname));
}
