import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../api/views';

/** What `/` shows each role: their home page, each its own chunk. */
export const HOMES: Record<Role, LazyExoticComponent<ComponentType>> = {
  AGENCY: lazy(() => import('../episodes/AgencyHomePage')),
  CLERK: lazy(() => import('../obligations/ClerkBoardPage')),
  JUDGE: lazy(() => import('../orders/JudgeHomePage')),
  ADMIN: lazy(() => import('../admin/AdminHomePage')),
};
