import type { PageRoute } from '../app/routes';

/** The hearing queue and calendar (clerk and judge). */
export const hearingRoutes: PageRoute[] = [];
