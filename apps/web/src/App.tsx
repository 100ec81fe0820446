import { App as AntApp, Spin } from 'antd';
import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AppLayout } from './components/AppLayout';
import { AuthProvider, useAuth, useHasRole, useWorkspace, workspaceOf, type Workspace } from './context/AuthContext';
import { CountersProvider } from './context/CountersContext';
import { LiveProvider } from './context/LiveContext';
import { TaxonomyProvider } from './context/TaxonomyContext';
import { I18nProvider, useI18n } from './i18n';
import { AdminBlacklistPage } from './pages/AdminBlacklistPage';
import { AssessmentPage } from './pages/AssessmentPage';
import { CaseTicketPage } from './pages/CaseTicketPage';
import { ComingSoonPage } from './pages/ComingSoonPage';
import { DashboardPage } from './pages/DashboardPage';
import { HolidaysPage } from './pages/HolidaysPage';
import { LoginPage } from './pages/LoginPage';
import { NewCallPage } from './pages/NewCallPage';
import { OverduePage } from './pages/OverduePage';
import { OversightPage } from './pages/OversightPage';
import { PoliceTransfersPage } from './pages/PoliceTransfersPage';
import { PortalLayout } from './components/portal/PortalLayout';
import { PortalHomePage } from './pages/portal/PortalHomePage';
import { PortalStatusPage } from './pages/portal/PortalStatusPage';
import { PortalSubmitPage } from './pages/portal/PortalSubmitPage';
import { PublicRecordsPage } from './pages/PublicRecordsPage';
import { QueuePage } from './pages/QueuePage';
import { ReportsPage } from './pages/ReportsPage';
import { BudgetsPage } from './pages/rewards/BudgetsPage';
import { LedgerPage } from './pages/rewards/LedgerPage';
import { RewardPage } from './pages/rewards/RewardPage';
import { RewardQueuePage } from './pages/rewards/RewardQueuePage';
import { TicketPage } from './pages/TicketPage';
import { TransferApprovalsPage } from './pages/TransferApprovalsPage';
import { TrendsPage } from './pages/TrendsPage';
import { TriagePage } from './pages/TriagePage';
import { UnreadablePage } from './pages/UnreadablePage';
import { WorkbenchPage } from './pages/WorkbenchPage';

function SignedIn({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  if (state.status === 'loading') return <Spin size="large" fullscreen tip={t('common.loading')} />;
  if (state.status === 'signedOut') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (workspaceOf(state.me.roles) === 'none') return children;
  return (
    <LiveProvider token={state.token}>
      <TaxonomyProvider>{CONSOLE.includes(workspaceOf(state.me.roles)) ? <CountersProvider>{children}</CountersProvider> : children}</TaxonomyProvider>
    </LiveProvider>
  );
}

function Only({ workspaces, children }: { workspaces: Workspace[]; children: ReactNode }) {
  return workspaces.includes(useWorkspace()) ? children : <Navigate to="/" replace />;
}

/** The dashboard: supervisors, and unit heads for their own unit's figures. */
function SupervisorOrHead({ children }: { children: ReactNode }) {
  const workspace = useWorkspace();
  const head = useHasRole('UNIT_HEAD');
  return workspace === 'supervisor' || (workspace === 'unit' && head) ? children : <Navigate to="/" replace />;
}

const HOME: Record<Workspace, string | null> = {
  operator: '/queue',
  supervisor: '/dashboard',
  unit: '/workbench',
  police: '/police',
  prosecutor: '/oversight',
  rewards: '/rewards',
  admin: '/admin/holidays',
  none: null,
};

function Home() {
  const home = HOME[useWorkspace()];
  return home ? <Navigate to={home} replace /> : <ComingSoonPage />;
}

/** The console's ticket view for operators and supervisors, the case view for everyone who works cases. */
function TicketRoute() {
  return CONSOLE.includes(useWorkspace()) ? <TicketPage /> : <CaseTicketPage />;
}

const CONSOLE: Workspace[] = ['operator', 'supervisor'];
const OPERATOR: Workspace[] = ['operator'];
const UNIT: Workspace[] = ['unit'];
const CASES: Workspace[] = ['operator', 'supervisor', 'unit', 'police', 'prosecutor'];
const OVERDUE: Workspace[] = ['unit', 'supervisor'];
const REWARDS: Workspace[] = ['rewards'];
/** supervisors, and unit heads for their unit (the page sends other unit staff home) */
const REPORTS: Workspace[] = ['supervisor', 'unit'];
const BUDGET_READERS: Workspace[] = ['rewards', 'supervisor', 'admin'];
const SUPERVISOR: Workspace[] = ['supervisor'];

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
      <Route path="/public/penalties" element={<PublicRecordsPage which="penalties" />} />
      <Route path="/public/blacklist" element={<PublicRecordsPage which="blacklist" />} />
      <Route
        element={
          <SignedIn>
            <AppLayout />
          </SignedIn>
        }
      >
        <Route index element={<Home />} />
        <Route path="dashboard" element={<SupervisorOrHead><DashboardPage /></SupervisorOrHead>} />
        <Route path="assessment" element={<Only workspaces={SUPERVISOR}><AssessmentPage /></Only>} />
        <Route path="queue" element={<Only workspaces={CONSOLE}><QueuePage /></Only>} />
        <Route path="tickets/:id" element={<Only workspaces={CASES}><TicketRoute /></Only>} />
        <Route path="workbench" element={<Only workspaces={UNIT}><WorkbenchPage /></Only>} />
        <Route path="approvals" element={<Only workspaces={UNIT}><TransferApprovalsPage /></Only>} />
        <Route path="overdue" element={<Only workspaces={OVERDUE}><OverduePage /></Only>} />
        <Route path="trends" element={<Only workspaces={['supervisor']}><TrendsPage /></Only>} />
        <Route path="reports" element={<Only workspaces={REPORTS}><ReportsPage /></Only>} />
        <Route path="police" element={<Only workspaces={['police']}><PoliceTransfersPage /></Only>} />
        <Route path="oversight" element={<Only workspaces={['prosecutor']}><OversightPage /></Only>} />
        <Route path="admin/holidays" element={<Only workspaces={['admin']}><HolidaysPage /></Only>} />
        <Route path="admin/blacklist" element={<Only workspaces={['admin']}><AdminBlacklistPage /></Only>} />
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
