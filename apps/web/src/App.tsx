import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Loading } from './components/Loading';
import { AuthContext } from './hooks';
import { get, post, setUnauthorizedHandler } from './lib/api';
import { ApiError } from './lib/errors';
import { clearSession, homePath, loadSession, loginPath, nextPath, saveSession, type SessionUser, token } from './lib/session';
import { can } from './lib/permissions';

/**
 * Every screen is its own chunk, fetched when first shown: the sign-in page needs neither the menu, the tables
 * nor the charts, and on a slow-4G line each 100 KB is two seconds (the budgets: test/web-budget.e2e.ts).
 */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}
// The signed-in frame: antd's theme, the menu and the header (the sign-in page uses none of them).
const AppLayout = lazyPage(() => import('./components/ConsoleShell').then((m) => m.ConsoleShell));
const AssessmentPage = lazyPage(() => import('./pages/AssessmentPage').then((m) => m.AssessmentPage));
const AuditPage = lazyPage(() => import('./pages/AuditPage').then((m) => m.AuditPage));
const BoardPage = lazyPage(() => import('./pages/BoardPage').then((m) => m.BoardPage));
const CalendarFeedPage = lazyPage(() => import('./pages/CalendarFeedPage').then((m) => m.CalendarFeedPage));
const CreateTaskPage = lazyPage(() => import('./pages/CreateTaskPage').then((m) => m.CreateTaskPage));
const DeliveriesPage = lazyPage(() => import('./pages/DeliveriesPage').then((m) => m.DeliveriesPage));
const DepartmentPage = lazyPage(() => import('./pages/DepartmentPage').then((m) => m.DepartmentPage));
const EditTaskPage = lazyPage(() => import('./pages/EditTaskPage').then((m) => m.EditTaskPage));
const ChangePasswordPage = lazyPage(() => import('./pages/ChangePasswordPage').then((m) => m.ChangePasswordPage));
const ImportTasksPage = lazyPage(() => import('./pages/ImportTasksPage').then((m) => m.ImportTasksPage));
const IndicatorsPage = lazyPage(() => import('./pages/IndicatorsPage').then((m) => m.IndicatorsPage));
const EvaluationPage = lazyPage(() => import('./pages/EvaluationPage').then((m) => m.EvaluationPage));
const LoginPage = lazyPage(() => import('./pages/LoginPage').then((m) => m.LoginPage));
const NotificationsPage = lazyPage(() => import('./pages/NotificationsPage').then((m) => m.NotificationsPage));
const PlanPage = lazyPage(() => import('./pages/PlanPage').then((m) => m.PlanPage));
const TaskDetailPage = lazyPage(() => import('./pages/TaskDetailPage').then((m) => m.TaskDetailPage));
const TasksPage = lazyPage(() => import('./pages/TasksPage').then((m) => m.TasksPage));
const UsersPage = lazyPage(() => import('./pages/UsersPage').then((m) => m.UsersPage));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused or missing resource will not change on a retry; a dropped connection may.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** Signed out: to the sign-in page, which returns here afterwards (mail and calendar links point at tasks). */
function ToLogin() {
  const location = useLocation();
  return <Navigate to={loginPath(location.pathname, location.search)} replace />;
}

/** Signed in on /login: on to the remembered page, or the role's home (the same target as `signIn`, which races this). */
function AfterLogin({ user }: { user: SessionUser }) {
  const location = useLocation();
  return <Navigate to={nextPath(location.search) ?? homePath(user)} replace />;
}

function Routed() {
  const navigate = useNavigate();
  const [user, setUser] = useState<SessionUser | null>(() => loadSession()?.user ?? null);
  const signOut = useCallback(() => {
    // The server ends the session too (the token stops working everywhere); the page leaves either way.
    if (token()) void post('/auth/logout', {}).catch(() => undefined);
    clearSession();
    queryClient.clear();
    setUser(null);
    void navigate('/login');
  }, [navigate]);
  useEffect(
    () =>
      setUnauthorizedHandler(() => {
        queryClient.clear();
        setUser(null);
        void navigate('/login?expired=1');
      }),
    [navigate],
  );
  const signIn = useCallback(
    (token: string, signedIn: SessionUser) => {
      saveSession(token, signedIn);
      setUser(signedIn);
      void navigate(nextPath(window.location.search) ?? homePath(signedIn), { replace: true });
    },
    [navigate],
  );
  const updateUser = useCallback((patch: Partial<SessionUser>) => setUser((current) => (current ? { ...current, ...patch } : current)), []);
  // The tab's session follows the user it shows (a reload starts from it).
  useEffect(() => {
    const saved = token();
    if (user && saved) saveSession(saved, user);
  }, [user]);
  // On every page load GET /me once: permissions saved before the table changed, and 大字模式 switched since on
  // another computer or phone (the account's value wins over this tab's, unless switched here while /me was asked).
  useEffect(() => {
    if (!user) return;
    const asked = user;
    void get<SessionUser>('/me').then(
      (fresh) =>
        setUser((current) => {
          if (!current || current.id !== fresh.id) return current;
          const largeText = current.largeText !== asked.largeText ? current.largeText : fresh.largeText;
          if (JSON.stringify(fresh.permissions) === JSON.stringify(current.permissions) && largeText === current.largeText) return current;
          return { ...fresh, largeText };
        }),
      () => undefined,
    );
  }, [user?.id]); // once per signed-in user, not on every change of the object
  const auth = useMemo(() => (user ? { user, signOut, updateUser } : null), [user, signOut, updateUser]);

  if (!auth) {
    return (
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/login" element={<LoginPage onSignedIn={signIn} />} />
          <Route path="*" element={<ToLogin />} />
        </Routes>
      </Suspense>
    );
  }
  if (auth.user.mustChangePassword) {
    // A temporary password: the change is the only thing the API allows, so the only screen shown.
    return (
      <AuthContext.Provider value={auth}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route element={<AppLayout />}>
              <Route path="*" element={<ChangePasswordPage />} />
            </Route>
          </Routes>
        </Suspense>
      </AuthContext.Provider>
    );
  }
  return (
    <AuthContext.Provider value={auth}>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route element={<AppLayout />}>
            <Route index element={<Navigate to={homePath(auth.user)} replace />} />
            <Route path="/login" element={<AfterLogin user={auth.user} />} />
            <Route path="/board" element={<BoardPage />} />
            <Route path="/department" element={<DepartmentPage />} />
            <Route path="/tasks" element={<TasksPage />} />
            <Route path="/tasks/new" element={<CreateTaskPage />} />
            <Route path="/tasks/import" element={<ImportTasksPage />} />
            <Route path="/tasks/:id" element={<TaskDetailPage />} />
            <Route path="/tasks/:id/edit" element={<EditTaskPage />} />
            <Route path="/assessment" element={<AssessmentPage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/plan" element={<PlanPage />} />
            <Route path="/indicators" element={<IndicatorsPage />} />
            <Route path="/evaluation" element={<EvaluationPage />} />
            <Route path="/calendar" element={<CalendarFeedPage />} />
            <Route path="/password" element={<ChangePasswordPage />} />
            {can(auth.user, 'user.list') && <Route path="/users" element={<UsersPage />} />}
            {can(auth.user, 'audit.read') && <Route path="/audit" element={<AuditPage />} />}
            {auth.user.role === 'admin' && <Route path="/deliveries" element={<DeliveriesPage />} />}
            <Route path="*" element={<Navigate to={homePath(auth.user)} replace />} />
          </Route>
        </Routes>
      </Suspense>
    </AuthContext.Provider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routed />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
