import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ExceptionOutlined,
  EyeOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FundOutlined,
  GiftOutlined,
  PhoneOutlined,
  RiseOutlined,
  SafetyOutlined,
  SolutionOutlined,
  StopOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { Badge, Menu } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useHasRole, useWorkspace, type Workspace } from '../context/AuthContext';
import { useCounters } from '../context/CountersContext';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';
import { Kbd } from './Kbd';

interface Entry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  badge?: number;
  shortcut?: string;
}

/** Budgets and the ledger: reward officers and finance, supervisors and admins (who also grant). */
const BUDGETS: Entry[] = [
  { path: '/budgets', label: 'menu.budgets', icon: <FundOutlined /> },
  { path: '/ledger', label: 'menu.ledger', icon: <AccountBookOutlined /> },
];

function entriesOf(workspace: Workspace, head: boolean, triageWaiting?: number, unreadable?: number): Entry[] {
  switch (workspace) {
    case 'operator':
      return [
        { path: '/queue', label: 'menu.queue', icon: <UnorderedListOutlined /> },
        { path: '/triage', label: 'menu.triage', icon: <FileSearchOutlined />, badge: triageWaiting },
        { path: '/new', label: 'menu.newCall', icon: <PhoneOutlined />, shortcut: 'n' },
        { path: '/unreadable', label: 'menu.unreadable', icon: <ExceptionOutlined />, badge: unreadable },
      ];
    case 'supervisor':
      return [
        { path: '/dashboard', label: 'menu.dashboard', icon: <BarChartOutlined /> },
        { path: '/assessment', label: 'menu.assessment', icon: <TrophyOutlined /> },
        { path: '/queue', label: 'menu.queue', icon: <UnorderedListOutlined /> },
        { path: '/overdue', label: 'menu.overdue', icon: <AlertOutlined /> },
        { path: '/trends', label: 'menu.trends', icon: <RiseOutlined /> },
        { path: '/reports', label: 'menu.reports', icon: <FileTextOutlined /> },
        ...BUDGETS,
      ];
    case 'unit':
      return [
        { path: '/workbench', label: 'menu.workbench', icon: <SolutionOutlined /> },
        ...(head
          ? [
              { path: '/approvals', label: 'menu.approvals', icon: <AuditOutlined /> } satisfies Entry,
              { path: '/overdue', label: 'menu.overdue', icon: <AlertOutlined /> } satisfies Entry,
              { path: '/dashboard', label: 'menu.unitDashboard', icon: <BarChartOutlined /> } satisfies Entry,
              { path: '/reports', label: 'menu.reports', icon: <FileTextOutlined /> } satisfies Entry,
            ]
          : []),
      ];
    case 'police':
      return [{ path: '/police', label: 'menu.police', icon: <SafetyOutlined /> }];
    case 'prosecutor':
      return [{ path: '/oversight', label: 'menu.oversight', icon: <EyeOutlined /> }];
    case 'rewards':
      return [
        { path: '/rewards', label: 'menu.rewards', icon: <GiftOutlined /> },
        { path: '/payouts', label: 'menu.payouts', icon: <WalletOutlined /> },
        ...BUDGETS,
      ];
    case 'admin':
      return [
        { path: '/admin/holidays', label: 'menu.holidays', icon: <CalendarOutlined /> },
        { path: '/admin/blacklist', label: 'menu.blacklist', icon: <StopOutlined /> },
        ...BUDGETS,
      ];
    default:
      return [];
  }
}

export function SideMenu() {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const counters = useCounters();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const head = useHasRole('UNIT_HEAD');
  const entries = entriesOf(workspace, head, counters?.triageWaiting, counters?.unreadable);

  const selected = entries.find((entry) => pathname.startsWith(entry.path))?.path;
  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => navigate(key)}
      items={entries.map((entry) => ({
        key: entry.path,
        icon: entry.icon,
        'data-testid': `menu-${entry.path.slice(1).replace('/', '-')}`,
        label: (
          <span className="menu-label">
            {t(entry.label)}
            {entry.shortcut && <Kbd>{entry.shortcut}</Kbd>}
            {!!entry.badge && <Badge count={entry.badge} overflowCount={999} size="small" />}
          </span>
        ),
      }))}
    />
  );
}
