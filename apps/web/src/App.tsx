import { App as AntApp, Spin } from 'antd';
import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AppLayout } from './components/AppLayout';
import { AuthProvider, isConsoleWorkspace, useAuth, useWorkspace, workspaceOf, type Workspace } from './context/AuthContext';
import { CountersProvider } from './context/CountersContext';
import { LiveProvider } from './context/LiveContext';
import { TaxonomyProvider } from './context/TaxonomyContext';
import { I18nProvider, useI18n } from './i18n';
import { ComingSoonPage } from './pages/ComingSoonPage';
import { LoginPage } from './pages/LoginPage';
import { NewCallPage } from './pages/NewCallPage';
import { PortalLayout } from './components/portal/PortalLayout';
import { PortalHomePage } from './pages/portal/PortalHomePage';
import { PortalStatusPage } from './pages/portal/PortalStatusPage';
import { PortalSubmitPage } from './pages/portal/PortalSubmitPage';
import { QueuePage } from './pages/QueuePage';
import { BudgetsPage } from './pages/rewards/BudgetsPage';
import { LedgerPage } from './pages/rewards/LedgerPage';
import { RewardPage } from './pages/rewards/RewardPage';
import { RewardQueuePage } from './pages/rewards/RewardQueuePage';
import { TicketPage } from './pages/TicketPage';
import { TriagePage } from './pages/TriagePage';
import { UnreadablePage } from './pages/UnreadablePage';

function SignedIn({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  if (state.status === 'loading') return <Spin size="large" fullscreen tip={t('common.loading')} />;
  if (state.status === 'signedOut') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  const workspace = workspaceOf(state.me.roles);
  if (workspace === 'none') return children;
  if (!isConsoleWorkspace(workspace)) return <TaxonomyProvider>{children}</TaxonomyProvider>;
  return (
    <LiveProvider token={state.token}>
      <TaxonomyProvider>
        <CountersProvider>{children}</CountersProvider>
      </TaxonomyProvider>
    </LiveProvider>
  );
}

function Only({ workspaces, children }: { workspaces: Workspace[]; children: ReactNode }) {
  return workspaces.includes(useWorkspace()) ? children : <Navigate to="/" replace />;
}

const HOME: Record<Workspace, string | null> = { operator: '/queue', supervisor: '/queue', rewards: '/rewards', admin: '/budgets', none: null };

function Home() {
  const home = HOME[useWorkspace()];
  return home ? <Navigate to={home} replace /> : <ComingSoonPage />;
}

const CONSOLE: Workspace[] = ['operator', 'supervisor'];
const OPERATOR: Workspace[] = ['operator'];
const REWARDS: Workspace[] = ['rewards'];
const BUDGET_READERS: Workspace[] = ['rewards', 'supervisor', 'admin'];

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/portal" element={<PortalLayout />}>
        <Route index element={<PortalHomePage />} />
        <Route path="submit" element={<PortalSubmitPage />} />
        <Route path="status" element={<PortalStatusPage />} />
        <Route path="*" element={<Navigate to="/portal" replace />} />
      </Route>
      <Route
        element={
          <SignedIn>
            <AppLayout />
          </SignedIn>
        }
      >
        <Route index element={<Home />} />
        <Route path="queue" element={<Only workspaces={CONSOLE}><QueuePage /></Only>} />
        <Route path="tickets/:id" element={<Only workspaces={CONSOLE}><TicketPage /></Only>} />
        <Route path="triage" element={<Only workspaces={OPERATOR}><TriagePage /></Only>} />
        <Route path="new" element={<Only workspaces={OPERATOR}><NewCallPage /></Only>} />
        <Route path="unreadable" element={<Only workspaces={OPERATOR}><UnreadablePage /></Only>} />
        <Route path="rewards" element={<Only workspaces={REWARDS}><RewardQueuePage /></Only>} />
        <Route path="rewards/:id" element={<Only workspaces={REWARDS}><RewardPage /></Only>} />
        <Route path="payouts" element={<Only workspaces={REWARDS}><RewardQueuePage payouts /></Only>} />
        <Route path="budgets" element={<Only workspaces={BUDGET_READERS}><BudgetsPage /></Only>} />
        <Route path="ledger" element={<Only workspaces={BUDGET_READERS}><LedgerPage /></Only>} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <I18nProvider>
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </I18nProvider>
  );
}
