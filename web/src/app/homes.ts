import { lazyPage, type LazyPage } from './lazyPage';
import type { Role } from '../api/views';

/** What `/` shows each role: their home page, each its own chunk. */
export const HOMES: Record<Role, LazyPage> = {
  AGENCY: lazyPage(() => import('../episodes/AgencyHomePage')),
  CLERK: lazyPage(() => import('../obligations/ClerkBoardPage')),
  JUDGE: lazyPage(() => import('../orders/JudgeHomePage')),
  ADMIN: lazyPage(() => import('../admin/AdminHomePage')),
};
