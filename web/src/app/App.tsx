import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ProblemError } from '../api/problem';
import type { Role } from '../api/views';
import { SignInPage } from '../auth/SignInPage';
import { SessionProvider, useSession } from '../auth/session';
import { Loading } from '../common/Notice';
import { Layout } from './Layout';
import { RequireRole } from './RequireRole';
import { NotFoundPage } from './NotFoundPage';

// Each role's pages are their own chunks: the sign-in page loads only what it needs.
const AgencyHome = lazy(() => import('../episodes/AgencyHomePage'));
const ClerkBoard = lazy(() => import('../obligations/ClerkBoardPage'));
const JudgeHome = lazy(() => import('../orders/JudgeHomePage'));
const AdminCourts = lazy(() => import('../directory/CourtsPage'));
const VerifyPage = lazy(() => import('../orders/VerifyPage'));

const ALL: Role[] = ['ADMIN', 'JUDGE', 'CLERK', 'AGENCY'];
const COURT: Role[] = ['JUDGE', 'CLERK'];

/** Every page but sign-in and /verify, with the roles it is for. */
const PAGES: { path: string; roles: Role[]; page: LazyExoticComponent<ComponentType> }[] = [
  { path: '/enrol', roles: ALL, page: lazy(() => import('../auth/EnrolPage')) },
  { path: '/episodes/new', roles: ['AGENCY', 'CLERK', 'JUDGE'], page: lazy(() => import('../episodes/ReportMissingPage')) },
  { path: '/episodes/:id', roles: ['AGENCY', 'CLERK', 'JUDGE'], page: lazy(() => import('../episodes/EpisodePage')) },
  { path: '/children', roles: ['AGENCY'], page: lazy(() => import('../cases/ChildrenPage')) },
  { path: '/children/:id', roles: ['AGENCY', 'CLERK', 'JUDGE', 'ADMIN'], page: lazy(() => import('../cases/ChildPage')) },
  { path: '/proofs', roles: COURT, page: lazy(() => import('../obligations/ProofQueuePage')) },
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

function Home() {
  const { user } = useSession();
  if (user?.mfaEnrolmentRequired) return <Navigate to="/enrol" replace />;
  switch (user?.role) {
    case 'AGENCY':
      return <AgencyHome />;
    case 'CLERK':
      return <ClerkBoard />;
    case 'JUDGE':
      return <JudgeHome />;
    case 'ADMIN':
      return <AdminCourts />;
    default:
      return <SignInPage />;
  }
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
                <Route path="/verify" element={<VerifyPage />} />
                <Route path="/" element={<Home />} />
                {PAGES.map(({ path, roles, page: Page }) => (
                  <Route
                    key={path}
                    path={path}
                    element={
                      <RequireRole roles={roles}>
                        <Page />
                      </RequireRole>
                    }
                  />
                ))}
                <Route
                  path="*"
                  element={
                    <RequireRole roles={ALL}>
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
