import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ProblemError } from '../api/problem';
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
const ProofQueue = lazy(() => import('../obligations/ProofQueuePage'));

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
                <Route
                  path="/proofs"
                  element={
                    <RequireRole roles={['CLERK', 'JUDGE']}>
                      <ProofQueue />
                    </RequireRole>
                  }
                />
                <Route
                  path="*"
                  element={
                    <RequireRole roles={['ADMIN', 'JUDGE', 'CLERK', 'AGENCY']}>
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
