import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ProblemError } from '../api/problem';
import { adminRoutes } from '../admin/routes';
import { authRoutes } from '../auth/routes';
import { SignInPage } from '../auth/SignInPage';
import { SessionProvider, useSession } from '../auth/session';
import { caseRoutes } from '../cases/routes';
import { Loading } from '../common/Notice';
import { complianceRoutes } from '../compliance/routes';
import { directoryRoutes } from '../directory/routes';
import { episodeRoutes } from '../episodes/routes';
import { hearingRoutes } from '../hearings/routes';
import { obligationRoutes } from '../obligations/routes';
import { orderRoutes } from '../orders/routes';
import { verifyRoutes } from '../verify/routes';
import { HOMES } from './homes';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireRole } from './RequireRole';
import { ALL_ROLES, type PageRoute } from './routes';

/** Every page but sign-in and `/`, from each feature's list. */
const PAGES: PageRoute[] = [
  ...authRoutes,
  ...episodeRoutes,
  ...caseRoutes,
  ...obligationRoutes,
  ...hearingRoutes,
  ...directoryRoutes,
  ...orderRoutes,
  ...complianceRoutes,
  ...adminRoutes,
  ...verifyRoutes,
];

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again.
      retry: (count, error) => !(error instanceof ProblemError && error.status >= 400 && error.status < 500) && count < 2,
      staleTime: 5_000,
      refetchOnWindowFocus: true,
    },
  },
});

/** `/`: the role's home page (enrolment first where the role requires TOTP), else sign-in. */
function Home() {
  const { user } = useSession();
  if (!user) return <SignInPage />;
  const Page = HOMES[user.role];
  return (
    <RequireRole roles={ALL_ROLES}>
      <Page />
    </RequireRole>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionProvider>
          <Layout>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/sign-in" element={<SignInPage />} />
                <Route path="/" element={<Home />} />
                {PAGES.map(({ path, roles, page: Page }) => (
                  <Route
                    key={path}
                    path={path}
                    element={
                      roles === 'PUBLIC' ? (
                        <Page />
                      ) : (
                        <RequireRole roles={roles}>
                          <Page />
                        </RequireRole>
                      )
                    }
                  />
                ))}
                <Route
                  path="*"
                  element={
                    <RequireRole roles={ALL_ROLES}>
                      <NotFoundPage />
                    </RequireRole>
                  }
                />
              </Routes>
            </Suspense>
          </Layout>
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
