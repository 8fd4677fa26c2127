import type { PageRoute } from '../app/routes';

/** Compliance charts and photo gaps. */
export const complianceRoutes: PageRoute[] = [];
