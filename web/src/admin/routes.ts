import type { PageRoute } from '../app/routes';

/** Admin pages under /admin/… (courts and closures, agencies, users, API keys, templates). */
export const adminRoutes: PageRoute[] = [];
