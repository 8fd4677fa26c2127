import type { PageRoute } from '../app/routes';

/** The clerk's court pages (closures). */
export const directoryRoutes: PageRoute[] = [];
