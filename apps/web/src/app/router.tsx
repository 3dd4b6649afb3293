import { createBrowserRouter, Navigate } from 'react-router-dom';
import { AuthGate } from '../kernel/auth/AuthGate.tsx';
import { EnrolmentPage } from '../kernel/auth/EnrolmentPage.tsx';
import { LoginPage } from '../kernel/auth/LoginPage.tsx';
import { SecondFactorPage } from '../kernel/auth/SecondFactorPage.tsx';
import { Guarded } from '../kernel/shell/Guarded.tsx';
import { HomePage } from '../kernel/shell/HomePage.tsx';
import { lazyPage } from '../kernel/shell/lazyPage.ts';
import { NotFoundPage } from '../kernel/shell/NotFoundPage.tsx';
import { RuleSetPages } from '../kernel/shell/RuleSetPages.tsx';
import { SessionProvider } from '../kernel/shell/SessionContext.tsx';
import { ShellLayout } from '../kernel/shell/ShellLayout.tsx';
import { HOME } from '../kernel/shell/paths.ts';
import { RULE_SETS } from './ruleSets.ts';

// The management pages are fetched when opened, like the rule sets' pages.
const AppointmentsPage = lazyPage(() => import('../kernel/appointments/AppointmentsPage.tsx').then((m) => m.AppointmentsPage));
const AuditPage = lazyPage(() => import('../kernel/audit/AuditPage.tsx').then((m) => m.AuditPage));
const AdminPage = lazyPage(() => import('../kernel/admin/AdminPage.tsx').then((m) => m.AdminPage));

/** Every client route lives under /app (the server answers /app/* with index.html). */
export function createRouter() {
  return createBrowserRouter([
    { path: '/', element: <Navigate to={HOME} replace /> },
    { path: '/app/login', element: <AuthGate step="login">{() => <LoginPage />}</AuthGate> },
    { path: '/app/login/totp', element: <AuthGate step="totp">{() => <SecondFactorPage />}</AuthGate> },
    { path: '/app/login/enrol', element: <AuthGate step="enrol">{() => <EnrolmentPage />}</AuthGate> },
    // Pages for anyone, signed in or not: no session gate, only the rule set's words.
    ...RULE_SETS.flatMap((r) =>
      r.publicRoutes ? [{ path: '/app/public', element: <RuleSetPages ruleSet={r} />, children: r.publicRoutes }] : [],
    ),
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
        ...RULE_SETS.map((r) => ({ element: <RuleSetPages ruleSet={r} />, children: r.routes })),
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
