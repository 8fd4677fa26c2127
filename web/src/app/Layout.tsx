import { Button, GridContainer, Header, NavMenuButton, PrimaryNav, Title } from '@trussworks/react-uswds';
import { useState, type ReactNode } from 'react';
import { NavLink, Link as RouterLink, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { NAVIGATION } from './navigation';

const ROLE_NAMES = { ADMIN: 'Administrator', JUDGE: 'Judge', CLERK: 'Clerk', AGENCY: 'Agency' } as const;

/** The page frame: skip link, header with the role's navigation and sign-out, main landmark. */
export function Layout({ children }: { children: ReactNode }) {
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const [expanded, setExpanded] = useState(false);
  const items = (user ? NAVIGATION[user.role] : []).map((item) => (
    <NavLink
      key={item.to}
      to={item.to}
      end
      className={({ isActive }) => `usa-nav__link${isActive ? ' usa-current' : ''}`}
      onClick={() => setExpanded(false)}
    >
      <span>{item.label}</span>
    </NavLink>
  ));
  if (user) {
    items.push(
      <Button
        key="sign-out"
        type="button"
        unstyled
        className="usa-nav__link sign-out"
        onClick={async () => {
          await signOut();
          await navigate('/sign-in', { replace: true });
        }}
      >
        Sign out
      </Button>,
    );
  }
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        Skip to main content
      </a>
      <div className={`usa-overlay${expanded ? ' is-visible' : ''}`} />
      <Header basic>
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <Title>
              <RouterLink to="/">cmfc-court</RouterLink>
            </Title>
            {user && <NavMenuButton label="Menu" onClick={() => setExpanded((open) => !open)} />}
          </div>
          {user && (
            <PrimaryNav
              items={items}
              mobileExpanded={expanded}
              onToggleMobileNav={() => setExpanded((open) => !open)}
              aria-label="Primary"
            />
          )}
        </div>
      </Header>
      <main id="main-content" tabIndex={-1}>
        <GridContainer className="padding-y-4">
          {user && (
            <p className="signed-in-as text-base margin-top-0">
              Signed in as {user.name} ({ROLE_NAMES[user.role]})
            </p>
          )}
          {children}
        </GridContainer>
      </main>
    </>
  );
}
