import { createBrowserRouter, Navigate } from 'react-router-dom';
import { AdminPage } from '../modules/admin/AdminPage.tsx';
import { AppointmentsPage } from '../modules/appointments/AppointmentsPage.tsx';
import { AuditPage } from '../modules/audit/AuditPage.tsx';
import { AuthGate } from '../modules/auth/AuthGate.tsx';
import { EnrolmentPage } from '../modules/auth/EnrolmentPage.tsx';
import { LoginPage } from '../modules/auth/LoginPage.tsx';
import { SecondFactorPage } from '../modules/auth/SecondFactorPage.tsx';
import { ComingSoonPage } from '../modules/shell/ComingSoonPage.tsx';
import { Guarded } from '../modules/shell/Guarded.tsx';
import { HomePage } from '../modules/shell/HomePage.tsx';
import { MODULES } from '../modules/shell/navigation.ts';
import { NotFoundPage } from '../modules/shell/NotFoundPage.tsx';
import { SessionProvider } from '../modules/shell/SessionContext.tsx';
import { ShellLayout } from '../modules/shell/ShellLayout.tsx';
import { HOME } from './paths.ts';
import { order444Routes } from './order444.routes.tsx';

/** Every client route lives under /app (the server answers /app/* with index.html). */
export function createRouter() {
  return createBrowserRouter([
    { path: '/', element: <Navigate to={HOME} replace /> },
    { path: '/app/login', element: <AuthGate step="login">{() => <LoginPage />}</AuthGate> },
    { path: '/app/login/totp', element: <AuthGate step="totp">{() => <SecondFactorPage />}</AuthGate> },
    { path: '/app/login/enrol', element: <AuthGate step="enrol">{() => <EnrolmentPage />}</AuthGate> },
    {
      path: '/app',
      element: (
        <AuthGate step="app">
          {(me) => (
            <SessionProvider me={me!}>
              <ShellLayout />
            </SessionProvider>
          )}
        </AuthGate>
      ),
      children: [
        { index: true, element: <HomePage /> },
        ...MODULES.filter((m) => !m.children).map((m) => ({
          path: m.path.replace('/app/', ''),
          element: <ComingSoonPage key={m.path} label={m.label} />,
        })),
        ...order444Routes(),
        {
          path: 'appointments',
          element: (
            <Guarded allow={(a) => a.appointments}>
              <AppointmentsPage />
            </Guarded>
          ),
        },
        {
          path: 'audit',
          element: (
            <Guarded allow={(a) => a.audit}>
              <AuditPage />
            </Guarded>
          ),
        },
        {
          path: 'admin',
          element: (
            <Guarded allow={(a) => a.admin}>
              <AdminPage />
            </Guarded>
          ),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
    { path: '*', element: <Navigate to={HOME} replace /> },
  ]);
}
