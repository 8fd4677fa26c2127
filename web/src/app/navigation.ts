import type { Role } from '../api/views';

export interface NavItem {
  to: string;
  label: string;
}

/** Everyone's own account (password, second factor, calendar link), last in every header. */
const ACCOUNT: NavItem = { to: '/account', label: 'Account' };

/** What each role's header offers; each page is also guarded by role in the routes. */
export const NAVIGATION: Record<Role, NavItem[]> = {
  AGENCY: [
    { to: '/', label: 'My episodes' },
    { to: '/episodes/new', label: 'Report a child missing' },
    { to: '/children', label: 'My children' },
    ACCOUNT,
  ],
  CLERK: [
    { to: '/', label: 'Board' },
    { to: '/proofs', label: 'Proof queue' },
    { to: '/hearings', label: 'Hearings' },
    { to: '/docket', label: 'Docket deliveries' },
    { to: '/notifications', label: 'Notifications' },
    { to: '/cases', label: 'Cases' },
    { to: '/closures', label: 'Closures' },
    ACCOUNT,
  ],
  JUDGE: [
    { to: '/', label: 'Home' },
    { to: '/orders', label: 'Orders' },
    { to: '/compliance', label: 'Compliance' },
    { to: '/photo-gaps', label: 'Photo gaps' },
    { to: '/hearings', label: 'Hearings' },
    ACCOUNT,
  ],
  ADMIN: [
    { to: '/', label: 'Home' },
    { to: '/admin/courts', label: 'Courts' },
    { to: '/closures', label: 'Closures' },
    { to: '/admin/agencies', label: 'Agencies' },
    { to: '/admin/users', label: 'Users' },
    { to: '/admin/templates', label: 'Templates' },
    ACCOUNT,
  ],
};
