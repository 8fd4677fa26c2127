import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ProblemError } from '../api/problem';
import { SignInPage } from '../auth/SignInPage';
import { SessionProvider, useSession } from '../auth/session';
import { Loading } from '../common/Notice';
import { HOMES } from './homes';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireRole } from './RequireRole';
import { PAGES } from './pages';
import { ALL_ROLES } from './routes';

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
