import { createBrowserRouter, Navigate } from 'react-router-dom';
import { AdminPage } from '../kernel/admin/AdminPage.tsx';
import { AppointmentsPage } from '../kernel/appointments/AppointmentsPage.tsx';
import { AuditPage } from '../kernel/audit/AuditPage.tsx';
import { AuthGate } from '../kernel/auth/AuthGate.tsx';
import { EnrolmentPage } from '../kernel/auth/EnrolmentPage.tsx';
import { LoginPage } from '../kernel/auth/LoginPage.tsx';
import { SecondFactorPage } from '../kernel/auth/SecondFactorPage.tsx';
import { Guarded } from '../kernel/shell/Guarded.tsx';
import { HomePage } from '../kernel/shell/HomePage.tsx';
import { NotFoundPage } from '../kernel/shell/NotFoundPage.tsx';
import { SessionProvider } from '../kernel/shell/SessionContext.tsx';
import { ShellLayout } from '../kernel/shell/ShellLayout.tsx';
import { HOME } from '../kernel/shell/paths.ts';
import { RULE_SETS } from './ruleSets.ts';

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
        ...RULE_SETS.flatMap((r) => r.routes),
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
