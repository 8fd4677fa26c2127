import type { PageRoute } from '../app/routes';

/** The judge's order pages (owned by the judge pages' work: list, new, preview and sign, vacate). */
export const orderRoutes: PageRoute[] = [];
