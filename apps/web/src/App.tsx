import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { AppLayout } from './components/AppLayout';
import { AuthContext } from './hooks';
import { get, post, setUnauthorizedHandler } from './lib/api';
import { ApiError } from './lib/errors';
import { clearSession, homePath, loadSession, loginPath, nextPath, saveSession, type SessionUser, token } from './lib/session';
import { can } from './lib/permissions';
import { AssessmentPage } from './pages/AssessmentPage';
import { AuditPage } from './pages/AuditPage';
import { BoardPage } from './pages/BoardPage';
import { CalendarFeedPage } from './pages/CalendarFeedPage';
import { CreateTaskPage } from './pages/CreateTaskPage';
import { DeliveriesPage } from './pages/DeliveriesPage';
import { DepartmentPage } from './pages/DepartmentPage';
import { EditTaskPage } from './pages/EditTaskPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { ImportTasksPage } from './pages/ImportTasksPage';
import { IndicatorsPage } from './pages/IndicatorsPage';
import { EvaluationPage } from './pages/EvaluationPage';
import { LoginPage } from './pages/LoginPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { PlanPage } from './pages/PlanPage';
import { TaskDetailPage } from './pages/TaskDetailPage';
import { TasksPage } from './pages/TasksPage';
import { UsersPage } from './pages/UsersPage';

/** The system asks for less motion: no zooming dialogs or sliding menus (and screenshots catch the settled screen). */
const REDUCED_MOTION = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

dayjs.locale('zh-cn');

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
  // A session saved before permissions were part of it (or after the table changed) asks GET /me once for them.
  useEffect(() => {
    if (!user) return;
    void get<SessionUser>('/me').then(
      (fresh) => {
        if (JSON.stringify(fresh.permissions) === JSON.stringify(user.permissions)) return;
        const saved = token();
        if (saved) saveSession(saved, fresh);
        setUser(fresh);
      },
      () => undefined,
    );
  }, [user?.id]); // once per signed-in user, not on every change of the object
  const auth = useMemo(() => (user ? { user, signOut } : null), [user, signOut]);

  if (!auth) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage onSignedIn={signIn} />} />
        <Route path="*" element={<ToLogin />} />
      </Routes>
    );
  }
  if (auth.user.mustChangePassword) {
    // A temporary password: the change is the only thing the API allows, so the only screen shown.
    return (
      <AuthContext.Provider value={auth}>
        <Routes>
          <Route element={<AppLayout />}>
            <Route path="*" element={<ChangePasswordPage />} />
          </Route>
        </Routes>
      </AuthContext.Provider>
    );
  }
  return (
    <AuthContext.Provider value={auth}>
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
    </AuthContext.Provider>
  );
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4, motion: !REDUCED_MOTION } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Routed />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
