// The console's shell: who is logged in decides the navigation and the pages.
import { Suspense } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ConsoleProvider } from './api.tsx';
import { readSession, type Session } from './session.ts';
import { usePath } from './router.tsx';
import { Layout } from './Layout.tsx';
import { routesFor } from './routes.tsx';
import { LoginPage } from '../pages/auth/LoginPage.tsx';
import { AcceptInvitationPage } from '../pages/auth/AcceptInvitationPage.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { NotFound } from '../pages/NotFound.tsx';

export const SESSION_KEY = ['session'];

export function App() {
  const path = usePath();
  const session = useQuery({ queryKey: SESSION_KEY, queryFn: readSession, staleTime: Infinity, placeholderData: undefined });
  const queries = useQueryClient();
  // The invitation mail links to /console/invite#token=…
  if (path === '/invite' || path === '/accept') return <AcceptInvitationPage />;
  if (session.isPending) return <Loading label="Opening the console…" />;
  if (session.isError) return <ErrorState error={session.error} retry={() => void session.refetch()} />;
  if (!session.data) return <LoginPage onLoggedIn={(s: Session) => queries.setQueryData(SESSION_KEY, s)} />;
  return (
    <ConsoleProvider session={session.data}>
      <Layout>
        <Suspense fallback={<Loading />}>
          <Routed path={path} session={session.data} />
        </Suspense>
      </Layout>
    </ConsoleProvider>
  );
}

function Routed({ path, session }: { path: string; session: Session }) {
  for (const route of routesFor(session.person)) {
    const params = route.match(path);
    if (params) return route.render(params);
  }
  return <NotFound />;
}
